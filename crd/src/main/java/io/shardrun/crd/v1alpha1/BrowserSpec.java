package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The WebDriver sidecar of each shard pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BrowserSpec {
  public static final int DEFAULT_PORT = 9515;

  @JsonPropertyDescription(
      "Image of the WebDriver server. It must serve the W3C WebDriver protocol on 127.0.0.1:'port'"
          + " (given to it as $PORT) and answer GET /status. Default: the operator's --browser-image,"
          + " the shardrun-browser image of its version (Debian Chromium and chromedriver).")
  private String image;

  @Min(1024)
  @Max(65535)
  @JsonPropertyDescription("Port the WebDriver server listens on inside the pod. Default: 9515.")
  private Integer port = DEFAULT_PORT;

  @JsonPropertyDescription(
      "CPU and memory for the browser. Default: requests 500m CPU and 1Gi memory, limit 2Gi"
          + " memory.")
  private ResourceRequirements resources;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }
}
