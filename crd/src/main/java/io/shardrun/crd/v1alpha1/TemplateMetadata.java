package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metadata a schedule or a pipeline stage gives the TestRuns it creates; the name is the operator's to choose. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TemplateMetadata {
  @JsonPropertyDescription("Labels of the TestRuns created, besides those the operator sets (shardrun.io/schedule; shardrun.io/pipeline and"
      + " shardrun.io/stage).")
  private Map<String, String> labels = new LinkedHashMap<>();

  @JsonPropertyDescription("Annotations of the TestRuns created.")
  private Map<String, String> annotations = new LinkedHashMap<>();

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels == null ? new LinkedHashMap<>() : labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations == null ? new LinkedHashMap<>() : annotations;
  }
}
