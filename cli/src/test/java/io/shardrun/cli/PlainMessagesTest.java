package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error path a user can reach from the command line, each answered in plain words: what
 * is wrong and with which flag, file or field, never a Java type, an exception's name or a stack
 * trace.
 */
class PlainMessagesTest {
  /** A Java type or package as a message might leak it. */
  static final Pattern JAVA = Pattern.compile(
      "\\b(java|javax|jdk|sun|picocli|io\\.fabric8|io\\.shardrun|io\\.javaoperatorsdk|com\\.fasterxml|org\\.openqa)\\.\\w"
          + "|\\w(Exception|Error)\\b|Exception|^\\s+at \\S+\\(|Caused by:|Cannot deserialize",
      Pattern.MULTILINE);

  @TempDir static Path dir;

  @BeforeAll
  static void fixtures() throws Exception {
    Files.createDirectories(dir.resolve("suite"));
    Files.writeString(dir.resolve("suite/a.json"), "{\"steps\": [{\"command\": \"open\", \"target\": \"${BASE_URL}/\"}]}");
    Files.createDirectories(dir.resolve("bad-suite"));
    Files.write(dir.resolve("bad-suite/binary.json"), new byte[] {(byte) 0xff, 0, 1});
    Files.writeString(dir.resolve("bad-suite/typo.json"), "{\"steps\": [{\"command\": \"clik\"}]");
    Files.writeString(dir.resolve("afile"), "x\n");
    Files.createDirectories(dir.resolve("bad-run"));
    Files.writeString(dir.resolve("bad-run/results.json"), "{\"run\": \"r\", \"startedAt\": 1, \"files\": [{\"status\": \"maybe\"}]}");
    Files.createDirectories(dir.resolve("adir"));
    Files.writeString(dir.resolve("history.json"), "{\"version\": 1, \"files\": {\"a.json\": [{\"durationMs\": \"soon\"}]}}");
    Files.writeString(dir.resolve("testrun.yaml"), """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata: {name: t}
        spec:
          suite: {configMap: s}
          shards: 2
        """);
    Files.writeString(dir.resolve("random.yaml"), """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata: {name: t}
        spec: {suite: {configMap: s}, sharding: random}
        """);
    Files.writeString(dir.resolve("not-a-number.yaml"), """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata: {name: t}
        spec: {suite: {configMap: s}, shards: many}
        """);
    Files.writeString(dir.resolve("broken.yaml"), ": : :\n  - [");
    Files.writeString(dir.resolve("nameless.yaml"), """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        spec: {suite: {configMap: s}}
        """);
    Files.writeString(dir.resolve("plan.json"), "{\"version\": 1, \"shards\": 3}");
    Files.writeString(dir.resolve("good-plan.json"), """
        {"apiVersion": "shardrun.io/v1alpha1", "kind": "Plan", "sharding": "hash",
         "shards": [{"index": 0, "estimateMs": 1000, "files": [{"path": "a.json", "estimateMs": 1000}]}]}
        """);
    Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
        contexts: [{name: ctx, context: {cluster: c, user: u}}]
        current-context: ctx
        users: [{name: u, user: {token: not-a-secret}}]
        """);
  }

  static Stream<Arguments> errors() {
    String suite = dir.resolve("suite").toString();
    String afile = dir.resolve("afile").toString();
    String adir = dir.resolve("adir").toString();
    String out = dir.resolve("out").toString();
    String testRun = dir.resolve("testrun.yaml").toString();
    String[] execute = {"execute", "--plan", dir.resolve("plan.json").toString(), "--shard", "0", "--suite", suite,
        "--pod-name", "p", "--pod-namespace", "ns", "--webdriver-wait", "1", "--webdriver-url"};
    return Stream.of(
        // bad flags
        Arguments.of(new String[] {"run", suite, "--shards", "x"}, "--shards"),
        Arguments.of(new String[] {"run", suite, "--nope"}, "--nope"),
        Arguments.of(new String[] {"run", suite, "--sharding", "random"}, "--sharding"),
        Arguments.of(new String[] {"run", suite, "--wait", "-1"}, "--wait"),
        Arguments.of(new String[] {"run", suite, "--base-url", "ftp://x"}, "--base-url"),
        Arguments.of(new String[] {"run", suite, "--env", "bad name=1"}, "--env"),
        Arguments.of(new String[] {"run", suite, "--env", "SHARDRUN_SURELY_UNSET"}, "--env"),
        Arguments.of(new String[] {"run", suite, "--include", "("}, "--include"),
        Arguments.of(new String[] {"nope"}, "nope"),
        Arguments.of(new String[] {}, "command"),
        Arguments.of(ArraysOf.concat(execute, "ftp://x"), "--webdriver-url"),
        Arguments.of(ArraysOf.concat(execute, "http://127.0.0.1:1", "--file-timeout", "0"), "--file-timeout"),
        Arguments.of(ArraysOf.concat(execute, "http://127.0.0.1:1", "--assignment-wait", "0"), "--assignment-wait"),
        // bad files and paths
        Arguments.of(new String[] {"run", dir.resolve("nosuch").toString()}, "nosuch"),
        Arguments.of(new String[] {"run", dir.resolve("bad-suite").toString(), "--out", out}, "binary.json"),
        Arguments.of(new String[] {"validate", dir.resolve("bad-suite").toString()}, "binary.json"),
        Arguments.of(new String[] {"run", suite, "--out", afile}, "--out"),
        Arguments.of(new String[] {"run", suite, "--junit", adir, "--out", out}, "--junit"),
        Arguments.of(new String[] {"run", suite, "--history", adir, "--out", out}, "--history"),
        Arguments.of(new String[] {"run", suite, "--history", dir.resolve("history.json").toString(), "--out", out}, "history.json"),
        Arguments.of(new String[] {"run", suite, "--ledger", afile, "--out", out}, "--ledger"),
        Arguments.of(new String[] {"run", suite, "--rerun-failed", adir, "--out", out}, "adir"),
        Arguments.of(new String[] {"plan", "-f", dir.resolve("nosuch.yaml").toString(), "--suite", suite}, "nosuch.yaml"),
        Arguments.of(new String[] {"plan", "-f", afile, "--suite", suite}, "afile"),
        Arguments.of(new String[] {"render-jobs", "-f", testRun}, "--suite"),
        Arguments.of(new String[] {"render-jobs", "-f", testRun, "--suite", suite, "--history", afile}, "afile"),
        Arguments.of(ArraysOf.concat(execute, "http://127.0.0.1:1"), "plan.json"),
        Arguments.of(new String[] {"render-jobs", "-f", testRun, "--suite", suite, "-o", afile}, "-o"),
        // bad YAML
        Arguments.of(new String[] {"plan", "-f", dir.resolve("random.yaml").toString(), "--suite", suite}, "spec.sharding"),
        Arguments.of(new String[] {"plan", "-f", dir.resolve("not-a-number.yaml").toString(), "--suite", suite}, "spec.shards"),
        Arguments.of(new String[] {"render-jobs", "-f", dir.resolve("broken.yaml").toString(), "--suite", suite}, "broken.yaml"),
        Arguments.of(new String[] {"render-jobs", "-f", dir.resolve("nameless.yaml").toString(), "--suite", suite}, "metadata.name"),
        Arguments.of(new String[] {"bench-plan", afile}, "afile"),
        Arguments.of(new String[] {"run", suite, "--report", adir, "--out", out}, "--report"),
        Arguments.of(new String[] {"report", dir.resolve("nosuch").toString(), "-o", dir.resolve("r.html").toString()}, "nosuch"),
        Arguments.of(new String[] {"report", adir, "-o", dir.resolve("r.html").toString()}, "results.json"),
        Arguments.of(new String[] {"report", dir.resolve("bad-run").toString(), "-o", dir.resolve("r.html").toString()}, "bad-run"),
        Arguments.of(new String[] {"report", adir, "-o", adir}, "-o"),
        // unreachable browser
        Arguments.of(new String[] {"run", suite, "--base-url", "http://127.0.0.1:1", "--out", out,
            "--chromedriver", dir.resolve("nosuch-chromedriver").toString()}, "chromedriver"),
        Arguments.of(new String[] {"run", suite, "--base-url", "http://127.0.0.1:1", "--out", out,
            "--chromedriver", "/bin/false"}, "chromedriver"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void saysWhatIsWrongInPlainWords(String[] args, String naming) {
    Cli cli = Cli.run(args);

    assertThat(cli.exitCode()).as(cli.err()).isIn(1, 2);
    assertThat(cli.err()).as("names what is wrong").contains(naming);
    assertPlain(cli.out() + cli.err());
  }

  @org.junit.jupiter.api.Test
  void theOperatorWithoutAClusterSaysInOneLineWhatItCouldNotReachAndWhereItsCredentialsCameFrom() {
    System.setProperty("kubeconfig", dir.resolve("kubeconfig").toString());
    try {
      Cli cli = Cli.run("operator", "--health-port", "0");

      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).isEqualTo("error: cannot reach the Kubernetes API server at https://127.0.0.1:1/ (connection refused)"
          + " (credentials: kubeconfig " + dir.resolve("kubeconfig") + ", context ctx)\n");
    } finally {
      System.clearProperty("kubeconfig");
    }
  }

  @org.junit.jupiter.api.Test
  void theExecutorWithoutAClusterSaysWhatItCouldNotReach() throws Exception {
    // A WebDriver server that is up, so the executor goes on to publish its first results.
    com.sun.net.httpserver.HttpServer webDriver = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    webDriver.createContext("/status", exchange -> {
      byte[] ready = "{\"value\": {\"ready\": true}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ready.length);
      exchange.getResponseBody().write(ready);
      exchange.close();
    });
    webDriver.start();
    System.setProperty("kubeconfig", dir.resolve("kubeconfig").toString());
    try {
      Cli cli = Cli.run("execute", "--plan", dir.resolve("good-plan.json").toString(), "--shard", "0",
          "--suite", dir.resolve("suite").toString(), "--pod-name", "p", "--pod-namespace", "ns",
          "--termination-log", dir.resolve("termination-log").toString(),
          "--webdriver-url", "http://127.0.0.1:" + webDriver.getAddress().getPort());

      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).startsWith("error: cannot publish results into pod ns/p: the API server at https://127.0.0.1:1/"
          + " could not be reached (connection refused)");
      assertPlain(cli.out() + cli.err());
    } finally {
      System.clearProperty("kubeconfig");
      webDriver.stop(0);
    }
  }

  static void assertPlain(String output) {
    assertThat(JAVA.matcher(output).find()).as("no Java in:%n%s", output).isFalse();
  }

  /** Command lines built from a common start. */
  static final class ArraysOf {
    static String[] concat(String[] start, String... more) {
      return Stream.concat(Stream.of(start), Stream.of(more)).toArray(String[]::new);
    }
  }
}
