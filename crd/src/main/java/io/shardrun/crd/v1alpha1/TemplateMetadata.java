package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metadata a schedule gives each TestRun it creates; the name is the schedule's to choose. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TemplateMetadata {
  @JsonPropertyDescription("Labels of each TestRun created, besides shardrun.io/schedule.")
  private Map<String, String> labels = new LinkedHashMap<>();

  @JsonPropertyDescription("Annotations of each TestRun created.")
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
