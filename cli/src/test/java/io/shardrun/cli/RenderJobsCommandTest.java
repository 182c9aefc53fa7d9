package io.shardrun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.RenderedRun;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderJobsCommandTest {
  @TempDir Path dir;
  Path suite;
  Path testRun;

  @BeforeEach
  void writeSuiteAndTestRun() throws Exception {
    suite = dir.resolve("suite");
    write("suite/auth/login.json", "{\"meta\": {\"tags\": [\"smoke\"]}, \"steps\": [{\"command\": \"open\", \"target\": \"/login\"}]}");
    write("suite/shop/cart.json", "{\"meta\": {\"depends_on\": [\"login.json\"]}, \"steps\": [{\"command\": \"click\", \"target\": \"id=cart\"}]}");
    write("suite/größe/ü.json", "{\"steps\": [{\"command\": \"open\", \"target\": \"/\"}, {\"command\": \"echo\", \"target\": \"hi\"}]}");
    testRun = write("testrun.yaml", """
        apiVersion: shardrun.io/v1alpha1
        kind: TestRun
        metadata:
          name: nightly
          namespace: qa
        spec:
          suite:
            configMap: shop-suite
          shards: 2
        """);
  }

  @Test
  void rendersTheSuitePlanAndJobsAsOneStreamEqualToWhatTheRendererBuilds() throws Exception {
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<HasMetadata> objects = parse(cli.out());
    assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("ConfigMap/shop-suite", "ConfigMap/nightly-plan", "Job/nightly-shard-0", "Job/nightly-shard-1");

    TestRun run = Manifests.read(Files.readString(testRun), "t").testRuns().get(0);
    SuiteFiles files = SuiteFiles.fromDirectory(suite);
    Plan plan = RunPlanner.plan(run.getSpec(), SuiteParser.parse(files).orThrow(), History.empty(), null);
    RenderedRun expected = new JobRenderer(Images.defaults()).render(run, plan, files);
    assertThat(objects.get(1)).isEqualTo(expected.plan());
    assertThat(objects.subList(2, 4)).isEqualTo(new ArrayList<HasMetadata>(expected.jobs()));
  }

  @Test
  void byDefaultShardPodsRunThisVersionsImages() {
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    Job job = (Job) parse(cli.out()).get(2);
    assertThat(executorImage(job)).isEqualTo(Images.defaults().executor()).isEqualTo("ghcr.io/shardrun/shardrun:" + Images.version());
    assertThat(browserImage(job)).isEqualTo(Images.defaults().browser()).isEqualTo("ghcr.io/shardrun/shardrun-browser:" + Images.version());
  }

  @Test
  void imageFlagsReplaceTheDefaultImagesButNotTheImagesATestRunNames() throws Exception {
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString(),
        "--executor-image", "mirror.test/shardrun:1", "--browser-image", "mirror.test/shardrun-browser:1");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    List<HasMetadata> objects = parse(cli.out());
    assertThat(objects.subList(2, 4)).allSatisfy(o -> {
      assertThat(executorImage((Job) o)).isEqualTo("mirror.test/shardrun:1");
      assertThat(browserImage((Job) o)).isEqualTo("mirror.test/shardrun-browser:1");
    });

    Files.writeString(testRun, Files.readString(testRun) + "  browser:\n    image: own.test/browser:2\n");
    Cli own = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString(),
        "--executor-image", "mirror.test/shardrun:1", "--browser-image", "mirror.test/shardrun-browser:1");
    assertThat(own.exitCode()).as(own.err()).isZero();
    Job job = (Job) parse(own.out()).get(2);
    assertThat(executorImage(job)).isEqualTo("mirror.test/shardrun:1");
    assertThat(browserImage(job)).isEqualTo("own.test/browser:2");
  }

  @Test
  void theDependencyChainStaysTogetherOnOneShard() throws Exception {
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    ConfigMap planMap = (ConfigMap) parse(cli.out()).get(1);
    Plan plan = io.shardrun.core.plan.PlanCodec.read(planMap.getData().get("plan.json"), "plan");
    assertThat(plan.shards()).anySatisfy(shard -> assertThat(shard.files()).extracting(f -> f.path())
        .containsExactly("auth/login.json", "shop/cart.json"));
  }

  @Test
  void outputDirGetsOneFilePerObject() throws Exception {
    Path out = dir.resolve("out");
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString(), "-o", out.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("configmap-nightly-plan.yaml", "configmap-shop-suite.yaml", "job-nightly-shard-0.yaml", "job-nightly-shard-1.yaml");
    }
    assertThat(Serialization.unmarshal(Files.readString(out.resolve("job-nightly-shard-0.yaml")), Job.class).getMetadata().getName())
        .isEqualTo("nightly-shard-0");
  }

  @Test
  void aDynamicRunRendersAJobPerShardAndSaysItsPodsTakeWorkFromTheOperator() throws Exception {
    Path dynamic = write("dynamic.yaml", Files.readString(testRun).replace("spec:", "spec:\n  sharding: dynamic"));

    Cli cli = Cli.run("render-jobs", "-f", dynamic.toString(), "--suite", suite.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.err()).startsWith("note: TestRun nightly shards dynamically: its pods take their work from the operator");
    List<HasMetadata> objects = parse(cli.out());
    Plan plan = io.shardrun.core.plan.PlanCodec.read(((ConfigMap) objects.get(1)).getData().get("plan.json"), "plan");
    assertThat(plan.units()).extracting(u -> u.files().size()).containsExactlyInAnyOrder(2, 1); // login with cart, and ü
    assertThat(objects).filteredOn(o -> o instanceof Job).hasSize(2);
  }

  @Test
  void runsOfOneNameInTwoNamespacesAreNotWrittenOverEachOtherInOneFolder() throws Exception {
    Path other = write("other.yaml", Files.readString(testRun).replace("namespace: qa", "namespace: staging"));
    Path out = dir.resolve("out");

    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "-f", other.toString(), "--suite", suite.toString(), "-o", out.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: -o " + out + ": ConfigMap qa/shop-suite and ConfigMap staging/shop-suite would both be"
        + " written to configmap-shop-suite.yaml; render runs of other namespaces into another folder\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void theSuiteCanComeFromItsConfigMapInTheInputForGitOpsRepositories() throws Exception {
    Cli withDir = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString(), "-o", dir.resolve("o1").toString());
    assertThat(withDir.exitCode()).isZero();
    Path suiteYaml = dir.resolve("o1/configmap-shop-suite.yaml");
    Cli fromConfigMap = Cli.run("render-jobs", "-f", testRun.toString(), "-f", suiteYaml.toString());
    assertThat(fromConfigMap.exitCode()).as(fromConfigMap.err()).isZero();
    List<HasMetadata> objects = parse(fromConfigMap.out());
    assertThat(objects).extracting(o -> o.getMetadata().getName())
        .containsExactly("nightly-plan", "nightly-shard-0", "nightly-shard-1");
    Job job = (Job) objects.get(1);
    assertThat(job.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("suite"))
        .singleElement().satisfies(v -> assertThat(v.getConfigMap().getItems()).extracting(i -> i.getPath())
            .containsExactlyInAnyOrder("auth/login.json", "shop/cart.json", "größe/ü.json"));
  }

  @Test
  void withoutASuiteTheErrorSaysHowToProvideIt() {
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: TestRun nightly reads its suite from ConfigMap shop-suite: pass --suite DIR,"
        + " or include ConfigMap shop-suite in a -f file\n");
  }

  @Test
  void anInvalidTestRunListsEveryProblem() throws Exception {
    Files.writeString(testRun, Files.readString(testRun).replace("shards: 2", "shards: 0\n  retries: 99"));
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: " + testRun + " (document 1): TestRun nightly is invalid:\n"
        + "  spec.shards: expected 1 to 1000, found 0\n"
        + "  spec.retries: expected 0 to 10, found 99\n");
  }

  @Test
  void aTestRunWithoutANameIsInvalidNamingItsPlace() throws Exception {
    Files.writeString(testRun, Files.readString(testRun).replace("  name: nightly\n", ""));
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: " + testRun + " (document 1): TestRun is invalid:\n  metadata.name: required\n");
  }

  @Test
  void anAliasRendersAsItsAnchorsValue() throws Exception {
    Files.writeString(testRun, Files.readString(testRun).replace("configMap: shop-suite", "configMap: &v shop-suite")
        + "  env:\n  - name: SUITE\n    value: *v\n");
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    Job job = (Job) parse(cli.out()).get(2);
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals("SUITE")).singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("shop-suite"));
  }

  @Test
  void aTestRunGivenTwiceIsAnErrorNamingBothPlaces() throws Exception {
    Path again = write("again.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n---\n" + Files.readString(testRun));
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "-f", again.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).isEqualTo("error: TestRun qa/nightly is given twice: in " + testRun + " (document 1) and in "
        + again + " (document 2); keep one\n");
    assertPlain(cli.err());
  }

  @Test
  void twoSuiteConfigMapsOfTheSameNameAreAnError() throws Exception {
    String suiteMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-suite}\ndata: {a.json: '{\"steps\": []}'}\n";
    Path maps = write("maps.yaml", suiteMap + "---\n" + suiteMap);
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "-f", maps.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: TestRun qa/nightly reads its suite from ConfigMap shop-suite, which is given twice: in "
        + maps + " (document 1) and in " + maps + " (document 2); keep one\n");
  }

  @Test
  void documentsOfOtherKindsAreIgnoredWithAWarningEach() throws Exception {
    Path stream = write("stream.yaml", Files.readString(testRun) + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: site}
        ---
        apiVersion: apps/v1
        kind: ConfigMap
        metadata: {name: shop-suite}
        """);
    Cli cli = Cli.run("render-jobs", "-f", stream.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.err()).isEqualTo(
        "warning: " + stream + " (document 2): kind Deployment is not used by render-jobs; ignored\n"
        + "warning: " + stream + " (document 3): kind ConfigMap of apiVersion 'apps/v1' (not v1) is not used by render-jobs; ignored\n");
    assertThat(parse(cli.out())).hasSize(4);
  }

  @Test
  void aValueOfTheWrongTypeIsAPlainErrorNamingTheField() throws Exception {
    Files.writeString(testRun, Files.readString(testRun) + "  sharding: random\n");
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: " + testRun + " (document 1): spec.sharding: 'random' is not one of hash, balanced, dynamic\n");
    assertPlain(cli.err());
  }

  @Test
  void anInvalidSuiteIsRefusedWithItsProblems() throws Exception {
    write("suite/bad.json", "{\"steps\": [{\"command\": \"clik\"}]}");
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("the suite has 1 problem(s):", "bad.json: steps[0].command: unknown command 'clik'");
  }

  @Test
  void aSuiteOverTheConfigMapLimitIsAClearError() throws Exception {
    write("suite/huge.json", "{\"meta\": {\"name\": \"" + "x".repeat(1_100_000) + "\"}, \"steps\": [{\"command\": \"echo\", \"target\": \"hi\"}]}");
    Cli cli = Cli.run("render-jobs", "-f", testRun.toString(), "--suite", suite.toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("over the 1,048,576-byte (1 MiB) limit of a ConfigMap", "huge.json");
  }

  @Test
  void aMissingTestRunFileIsAUsageError() {
    Cli cli = Cli.run("render-jobs", "-f", dir.resolve("nope.yaml").toString());
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("error: cannot read TestRun file " + dir.resolve("nope.yaml") + ": no such file\n");
  }

  @Test
  void missingRequiredFlagIsAUsageErrorNamingIt() {
    Cli cli = Cli.run("render-jobs");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required option: '--filename=FILE'");
  }

  /** A message written for people: no Java type, exception or Jackson wording in it. */
  static void assertPlain(String message) {
    assertThat(message).doesNotContain("Exception", "java.", "io.shardrun", "io.fabric8", "com.fasterxml", "org.yaml",
        "Cannot deserialize", "`");
  }

  private Path write(String relative, String content) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  static String executorImage(Job job) {
    return job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  static String browserImage(Job job) {
    return job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getImage();
  }

  static List<HasMetadata> parse(String stream) {
    return Arrays.stream(stream.split("(?m)^---\\n")).filter(doc -> !doc.isBlank())
        .map(doc -> (HasMetadata) Serialization.unmarshal(doc)).toList();
  }
}
