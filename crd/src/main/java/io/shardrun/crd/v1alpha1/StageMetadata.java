package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a stage's TestRun carries in its metadata besides what the operator sets. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class StageMetadata {
  @JsonPropertyDescription("Labels of the stage's TestRun, besides shardrun.io/pipeline and shardrun.io/stage, which the operator sets.")
  private Map<String, String> labels = new LinkedHashMap<>();

  @JsonPropertyDescription("Annotations of the stage's TestRun.")
  private Map<String, String> annotations = new LinkedHashMap<>();

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
