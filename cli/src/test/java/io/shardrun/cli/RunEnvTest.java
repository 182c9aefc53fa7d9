package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shardrun run --env NAME[=VALUE]}: variables for the action files. */
class RunEnvTest {
  static final String SITE = "../examples/site";

  @TempDir Path dir;

  @Test
  void namesFromTheEnvironmentAndGivenValuesReachTheSteps() throws Exception {
    String home = System.getenv("HOME");
    assertThat(home).as("this test reads HOME from the environment").isNotNull();
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(suite.resolve("env.json"), """
        {"steps": [{"command": "open", "target": "${BASE_URL}/index.html"},
                   {"command": "echo", "target": "home=${HOME} greeting=${GREETING} empty=[${EMPTY}]"},
                   {"command": "assert", "target": "GREETING", "value": "hello = world"},
                   {"command": "assert", "target": "HOME", "value": "%s"}]}""".formatted(home.replace("\\", "\\\\").replace("\"", "\\\"")));
    Path out = dir.resolve("out");

    Cli cli = Cli.run("run", suite.toString(), "--serve", SITE, "--env", "HOME", "--env", "GREETING=hello = world",
        "--env", "EMPTY=", "--out", out.toString(), "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
    JsonNode echo = RunOutput.file(out, "env.json").get("steps").get(1);
    assertThat(echo.get("command").asText()).isEqualTo("echo");
    assertThat(echo.get("observed").asText()).as("environment values may be secrets: reports show them by name")
        .isEqualTo("home=${HOME} greeting=${GREETING} empty=[]");
  }

  @Test
  void aNameMissingFromTheEnvironmentExitsTwoNamingIt() {
    String name = "SHARDRUN_TEST_SURELY_UNSET_" + ProcessHandle.current().pid();
    assertThat(System.getenv(name)).isNull();

    Cli cli = Cli.run("run", "../examples/suite", "--serve", SITE, "--env", name,
        "--out", dir.resolve("out").toString(), "--history", dir.resolve("history.json").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: --env " + name + ": no such variable in this process's environment\n");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
