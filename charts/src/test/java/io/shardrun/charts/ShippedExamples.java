package io.shardrun.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.shardrun.core.history.History;
import io.shardrun.core.plan.Plan;
import io.shardrun.core.render.Images;
import io.shardrun.core.render.JobRenderer;
import io.shardrun.core.render.SuiteConfigMap;
import io.shardrun.core.run.Manifests;
import io.shardrun.core.run.RunPlanner;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import io.shardrun.core.pipeline.StageRuns;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** manifests/examples, read the way users apply them, and the shard Jobs the operator makes of them. */
final class ShippedExamples {
  static final Path DIR = Path.of("../manifests/examples");

  private ShippedExamples() {}

  static List<Path> files() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Manifests.Documents read(Path file) {
    try {
      return Manifests.read(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example TestRuns, and the TestRun of each stage of the example TestPipelines. */
  static List<TestRun> testRuns() {
    List<TestRun> runs = new ArrayList<>(files().stream().flatMap(f -> read(f).testRuns().stream()).toList());
    for (TestPipeline pipeline : testPipelines()) {
      for (int stage = 0; stage < pipeline.getSpec().getStages().size(); stage++) {
        runs.add(StageRuns.testRun(pipeline, stage));
      }
    }
    return runs;
  }

  static List<TestPipeline> testPipelines() {
    return files().stream().flatMap(f -> read(f).testPipelines().stream()).toList();
  }

  static ConfigMap suiteConfigMap() {
    return read(DIR.resolve("suite.yaml")).configMaps().get(0);
  }

  /** Every shard Job of every example TestRun, as the operator renders them in namespace ci. */
  static List<Job> shardJobs() {
    SuiteFiles files = SuiteConfigMap.read(suiteConfigMap());
    Suite suite = SuiteParser.parse(files).orThrow();
    JobRenderer renderer = new JobRenderer(Images.defaults());
    List<Job> jobs = new ArrayList<>();
    for (TestRun run : testRuns()) {
      run.getMetadata().setNamespace("ci");
      run.getMetadata().setUid("0b6c1f7e-" + run.getMetadata().getName());
      Set<String> rerunOnly = run.getSpec().getRerunFailedOf() == null ? null : Set.of("links.json");
      Plan plan = RunPlanner.plan(run.getSpec(), suite, History.empty(), rerunOnly);
      jobs.addAll(renderer.render(run, plan, files).jobs());
    }
    return jobs;
  }

  static PodTemplateSpec examplePodTemplate() {
    return shardJobs().get(0).getSpec().getTemplate();
  }
}
