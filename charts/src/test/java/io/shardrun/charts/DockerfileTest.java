package io.shardrun.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.shardrun.core.render.JobRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the Dockerfile is held to its contract with what runs it: the
 * shard Jobs and the chart run its images as user 65532 with only args (the image supplies the
 * command), and tell the browser image its port in $PORT.
 */
class DockerfileTest {
  static final Path DOCKERFILE = Path.of("../Dockerfile");

  record Stage(String name, List<String> lines) {
    String instruction(String keyword) {
      return lines.stream().filter(l -> l.startsWith(keyword + " ")).reduce((a, b) -> b).orElse("(none)");
    }
  }

  static List<Stage> stages() throws IOException {
    List<Stage> stages = new ArrayList<>();
    Pattern from = Pattern.compile("^FROM \\S+ AS (\\S+)$");
    String instructions = Files.readString(DOCKERFILE).replaceAll("\\\\\n\\s*", ""); // join continued lines
    for (String line : instructions.lines().toList()) {
      Matcher m = from.matcher(line);
      if (m.matches()) {
        stages.add(new Stage(m.group(1), new ArrayList<>()));
      } else if (!stages.isEmpty() && !line.startsWith("#") && !line.isBlank()) {
        stages.get(stages.size() - 1).lines().add(line);
      }
    }
    return stages;
  }

  @Test
  void theDefaultTargetIsTheShardrunImageRunningTheJarAsTheShardPodsUser() throws IOException {
    List<Stage> stages = stages();
    assertThat(stages).extracting(Stage::name).containsExactly("build", "browser", "shardrun");
    Stage shardrun = stages.get(2);
    assertThat(shardrun.instruction("USER")).isEqualTo("USER " + JobRenderer.USER_ID + ":" + JobRenderer.USER_ID);
    assertThat(shardrun.instruction("COPY")).isEqualTo("COPY --from=build /src/cli/target/shardrun.jar /opt/shardrun/shardrun.jar");
    assertThat(shardrun.instruction("ENTRYPOINT")).isEqualTo("ENTRYPOINT [\"java\", \"-jar\", \"/opt/shardrun/shardrun.jar\"]");
    assertThat(Files.readString(Path.of("../cli/pom.xml"))).as("the jar the image copies").contains("<finalName>shardrun</finalName>");
    assertThat(stages.get(0).instruction("RUN")).contains("-pl cli -am package");
  }

  @Test
  void theBrowserImageServesWebDriverOnThePortShardPodsGiveIt() throws IOException {
    Stage browser = stages().get(1);
    assertThat(browser.instruction("USER")).isEqualTo("USER " + JobRenderer.USER_ID + ":" + JobRenderer.USER_ID);
    assertThat(browser.instruction("RUN")).contains("chromium chromium-driver");
    assertThat(browser.instruction("ENTRYPOINT")).contains("chromedriver --port=\\\"$PORT\\\"").doesNotContain("allowed-ips");
    Container sidecar = ShippedExamples.shardJobs().get(0).getSpec().getTemplate().getSpec().getInitContainers().get(0);
    assertThat(sidecar.getCommand()).as("the image's entrypoint runs").isEmpty();
    assertThat(sidecar.getEnv()).extracting(EnvVar::getName).contains("PORT");
  }

  @Test
  void shardPodsGiveTheExecutorOnlyArguments() {
    Container executor = ShippedExamples.shardJobs().get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(executor.getCommand()).isEmpty();
    assertThat(executor.getArgs().get(0)).isEqualTo("execute");
  }
}
