package io.shardrun.core.pipeline;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.shardrun.core.run.SpecValidator;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestPipelineSpec;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a TestPipeline as the API server's schema would, and each stage's TestRun as {@link
 * SpecValidator} checks a TestRun, so a pipeline fails as clearly offline as in a cluster.
 */
public final class PipelineValidator {
  private static final Pattern DNS_LABEL = Pattern.compile(PipelineStage.DNS_LABEL);
  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 253;

  private PipelineValidator() {}

  /** Every problem, as {@code field: what is wrong}; empty when the pipeline is valid. */
  public static List<String> problems(TestPipeline pipeline) {
    List<String> problems = new ArrayList<>();
    String name = pipeline.getMetadata() == null ? null : pipeline.getMetadata().getName();
    if (name == null || !SpecValidator.isObjectName(name)) {
      problems.add("metadata.name: expected a lower-case DNS name (a-z, 0-9, '-', '.'), found " + quote(name));
    }
    TestPipelineSpec spec = pipeline.getSpec();
    if (spec == null || spec.getStages() == null || spec.getStages().isEmpty()) {
      problems.add("spec.stages: expected 1 to " + TestPipelineSpec.MAX_STAGES + " stages, found none");
      return problems;
    }
    if (spec.getStages().size() > TestPipelineSpec.MAX_STAGES) {
      problems.add("spec.stages: expected at most " + TestPipelineSpec.MAX_STAGES + " stages, found " + spec.getStages().size());
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.getStages().size(); i++) {
      stage(problems, pipeline, i, names);
    }
    return problems;
  }

  private static void stage(List<String> problems, TestPipeline pipeline, int index, Set<String> names) {
    PipelineStage stage = pipeline.getSpec().getStages().get(index);
    String field = "spec.stages[" + index + "]";
    String name = stage.getName();
    if (name == null || name.length() > MAX_LABEL || !DNS_LABEL.matcher(name).matches()) {
      problems.add(field + ".name: expected a DNS label (a-z, 0-9, '-', at most 63 characters), found " + quote(name));
    } else if (!names.add(name)) {
      problems.add(field + ".name: " + name + " names an earlier stage too; stage names must be unique");
    } else if (pipeline.getMetadata().getName() != null && StageRuns.name(pipeline, stage).length() > MAX_NAME) {
      problems.add(field + ".name: the stage's TestRun would be named " + StageRuns.name(pipeline, stage).length()
          + " characters long (PIPELINE-STAGE); at most " + MAX_NAME + ": shorten the pipeline's or the stage's name");
    }
    if (stage.getTemplate() == null || stage.getTemplate().getSpec() == null) {
      problems.add(field + ".template.spec: missing; expected a TestRun spec, at least suite.configMap");
      return;
    }
    TestRun run = new TestRun(); // its name is checked above; here, its spec as a TestRun's
    run.setMetadata(new ObjectMetaBuilder().withName(stage.getName()).build());
    run.setSpec(stage.getTemplate().getSpec());
    SpecValidator.problems(run).stream()
        .filter(problem -> problem.startsWith("spec"))
        .forEach(problem -> problems.add(field + ".template." + problem));
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
