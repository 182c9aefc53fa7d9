package io.shardrun.core.pipeline;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.shardrun.core.render.Names;
import io.shardrun.crd.v1alpha1.PipelineStage;
import io.shardrun.crd.v1alpha1.TemplateMetadata;
import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.LinkedHashMap;
import java.util.Map;

/** The TestRun each stage of a pipeline becomes: what the operator creates and {@code shardrun pipeline} runs. */
public final class StageRuns {
  public static final String PIPELINE_LABEL = "shardrun.io/pipeline";
  public static final String STAGE_LABEL = "shardrun.io/stage";

  private StageRuns() {}

  /** PIPELINE-STAGE: deterministic, so a stage is never created twice. */
  public static String name(TestPipeline pipeline, PipelineStage stage) {
    return pipeline.getMetadata().getName() + "-" + stage.getName();
  }

  /** Stage {@code index}'s TestRun, in the pipeline's namespace, without an owner (the operator adds it). */
  public static TestRun testRun(TestPipeline pipeline, int index) {
    PipelineStage stage = pipeline.getSpec().getStages().get(index);
    TemplateMetadata template = stage.getTemplate().getMetadata() == null ? new TemplateMetadata() : stage.getTemplate().getMetadata();
    Map<String, String> labels = new LinkedHashMap<>(template.getLabels());
    labels.put(PIPELINE_LABEL, Names.labelValue(pipeline.getMetadata().getName()));
    labels.put(STAGE_LABEL, stage.getName());
    TestRun run = new TestRun();
    run.setMetadata(new ObjectMetaBuilder().withName(name(pipeline, stage)).withNamespace(pipeline.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(template.getAnnotations().isEmpty() ? null : new LinkedHashMap<>(template.getAnnotations()))
        .build());
    run.setSpec(stage.getTemplate().getSpec());
    return run;
  }
}
