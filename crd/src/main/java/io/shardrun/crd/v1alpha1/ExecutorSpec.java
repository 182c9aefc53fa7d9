package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The container that runs a shard's action files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecutorSpec {
  public static final String DEFAULT_SERVICE_ACCOUNT = "shardrun-executor";

  @JsonPropertyDescription("Image of the executor. Default: the operator's --executor-image, the shardrun image of its version.")
  private String image;

  @JsonPropertyDescription(
      "CPU and memory for the executor. Default: requests 100m CPU and 256Mi memory, limit"
          + " 512Mi memory.")
  private ResourceRequirements resources;

  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Service account of the shard pods. It needs only get and patch on its own pod, to"
          + " publish results. Default: shardrun-executor (installed by the Helm chart).")
  private String serviceAccountName = DEFAULT_SERVICE_ACCOUNT;

  @JsonPropertyDescription(
      "How each file is kept apart from the files before it on its shard: context (one browser per shard, each file in a"
          + " WebDriver BiDi user context of its own: its own cookies, storage, cache and permissions; about a quarter of"
          + " a browser start) or session (each file in a new browser with a fresh profile). A file's meta.isolation wins."
          + " Default: context, or session where the browser cannot make user contexts.")
  private Isolation isolation;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public Isolation getIsolation() {
    return isolation;
  }

  public void setIsolation(Isolation isolation) {
    this.isolation = isolation;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }
}
