package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Where a suite's action files live. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SuiteSource {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Name of a ConfigMap in the TestRun's namespace holding the suite: action files and"
          + " templates/*.json. Build it with 'shardrun render-jobs --suite DIR', which keeps"
          + " folders and non-ASCII file names; a ConfigMap made with 'kubectl create configmap"
          + " --from-file' works for a flat suite.")
  private String configMap;

  public SuiteSource() {}

  public SuiteSource(String configMap) {
    this.configMap = configMap;
  }

  public String getConfigMap() {
    return configMap;
  }

  public void setConfigMap(String configMap) {
    this.configMap = configMap;
  }
}
