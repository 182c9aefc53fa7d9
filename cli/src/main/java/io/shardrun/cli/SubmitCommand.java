package io.shardrun.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shardrun.core.history.History;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.run.ManifestSet;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.executor.publish.ApiServerFailures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardrun submit}: the CI loop on a cluster. Everything is checked first (the TestRun, the
 * suite, the output paths, the cluster), then the suite ConfigMap is applied and the TestRun
 * created, so a bad input creates nothing and no TestRun is created without its suite.
 */
@Command(name = "submit", sortOptions = false,
    description = "Apply a suite and create a TestRun on the cluster; with --wait, follow it live and exit 0 only when it"
        + " Succeeded (1 Failed, 2 Error, a timeout or a problem).")
final class SubmitCommand implements Callable<Integer> {
  /** The field manager of the suite ConfigMap's server-side apply. */
  static final String FIELD_MANAGER = "shardrun";

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
      description = "YAML with one TestRun (metadata.name, or metadata.generateName to submit the same file again),"
          + " optionally with its suite ConfigMap.")
  Path file;

  @Option(names = "--suite", paramLabel = "DIR",
      description = "The suite's folder, applied as the ConfigMap named in spec.suite.configMap. Without it, that ConfigMap"
          + " comes from FILE or must exist in the namespace.")
  Path suiteDir;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Where to create it. Default: the TestRun's metadata.namespace, else the kubeconfig context's, else default.")
  String namespace;

  @Option(names = "--wait", description = "Follow the run until it finishes, then print its summary and write --junit and --report.")
  boolean wait;

  @Mixin FollowOptions follow;

  @Override
  public Integer call() throws Exception {
    if (!wait && (follow.junit != null || follow.report != null || follow.timeout != null)) {
      throw new CliException("--junit, --report and --timeout need --wait (or write them later: shardrun results NAME --junit FILE)");
    }
    follow.check();
    Manifests.Documents documents = Manifests.read(RunInputs.read(file, "TestRun file"), file.toString());
    ManifestSet manifests = ManifestSet.of(List.of(documents));
    if (manifests.testRuns().size() != 1) {
      throw new CliException(file + ": expected exactly one TestRun (apiVersion shardrun.io/v1alpha1, kind TestRun); found "
          + manifests.testRuns().size());
    }
    TestRun run = manifests.testRuns().get(0).object();
    ConfigMap suiteFromFile = manifests.suiteOf(run).orElse(null);
    try (KubernetesClient client = ClusterAccess.client()) {
      String ns = namespace(run, client);
      run.getMetadata().setNamespace(ns);
      check(run);
      ConfigMap suite = suiteDir != null
          ? SuiteConfigMap.build(run.getSpec().getSuite().getConfigMap(), ns, SuiteFiles.fromDirectory(suiteDir))
          : suiteFromFile;
      if (suite != null) {
        suite.getMetadata().setNamespace(ns);
        checkSuite(run, suite, suiteDir != null ? "--suite " + suiteDir : file.toString());
      }
      ClusterAccess.checkTestRuns(client, Set.of(ns));
      if (suite == null) {
        ConfigMap existing = client.configMaps().inNamespace(ns).withName(run.getSpec().getSuite().getConfigMap()).get();
        if (existing == null) {
          throw new CliException("TestRun " + describe(run) + " reads its suite from ConfigMap " + run.getSpec().getSuite().getConfigMap()
              + ", which is not in namespace " + ns + ": pass --suite DIR, or put the ConfigMap in " + file);
        }
        checkSuite(run, existing, "ConfigMap " + ns + "/" + existing.getMetadata().getName());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (suite != null) {
        apply(client, suite);
        out.println("configmap/" + suite.getMetadata().getName() + " applied in " + ns);
      }
      TestRun created = create(client, run);
      String name = created.getMetadata().getName();
      out.println("testrun.shardrun.io/" + name + " created in " + ns);
      if (!wait) {
        out.println("follow it: shardrun results " + name + " -n " + ns + " --wait");
        out.flush();
        return ExitCodes.PASSED;
      }
      out.flush();
      return follow.finish(client, created, out).exitCode();
    }
  }

  private String namespace(TestRun run, KubernetesClient client) {
    String own = run.getMetadata().getNamespace();
    if (namespace != null && own != null && !own.equals(namespace)) {
      throw new CliException(file + ": TestRun " + describe(run) + " says metadata.namespace " + own + ", but -n says " + namespace
          + "; drop one, or make them agree");
    }
    return namespace != null ? namespace : own != null ? own : ClusterAccess.namespace(client);
  }

  /** The TestRun as the API server and the operator will check it; a generateName stands in for the name it will get. */
  private void check(TestRun run) {
    boolean generated = run.getMetadata().getName() == null && run.getMetadata().getGenerateName() != null;
    if (generated) {
      run.getMetadata().setName(run.getMetadata().getGenerateName() + "abcde"); // the API server appends 5 characters
    }
    List<String> problems = SpecValidator.problems(run);
    if (generated) {
      run.getMetadata().setName(null);
    }
    if (!problems.isEmpty()) {
      throw new CliException(file + ": TestRun " + describe(run) + " is invalid:\n  "
          + String.join("\n  ", problems).replace("metadata.name: required", "metadata.name or metadata.generateName: required"));
    }
  }

  /** The suite must parse and the run must select files from it, as the operator will plan it. */
  private static void checkSuite(TestRun run, ConfigMap suite, String where) {
    SuiteFiles files = SuiteConfigMap.read(suite);
    if (files.isEmpty()) {
      throw new CliException(where + ": the suite has no action files (*.json)");
    }
    RunPlanner.plan(run.getSpec(), SuiteParser.parse(files).orThrow(), History.empty(), null);
  }

  private static void apply(KubernetesClient client, ConfigMap suite) {
    try {
      client.resource(suite).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw new CliException("the API server refused ConfigMap " + suite.getMetadata().getName() + ": " + ApiServerFailures.answered(e)
          + "; nothing was created");
    }
  }

  private static TestRun create(KubernetesClient client, TestRun run) {
    try {
      return client.resource(run).create();
    } catch (KubernetesClientException e) {
      String why = e.getCode() == 409 ? "TestRun " + describe(run) + " exists already; delete it, or use metadata.generateName"
          + " to submit the same file again" : "the API server refused TestRun " + describe(run) + ": " + ApiServerFailures.answered(e);
      throw new CliException(why);
    }
  }

  private static String describe(TestRun run) {
    String name = run.getMetadata().getName();
    return name != null ? name : run.getMetadata().getGenerateName() + "*";
  }
}
