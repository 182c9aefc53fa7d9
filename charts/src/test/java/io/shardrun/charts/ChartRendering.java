package io.shardrun.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the chart with real Helm (helm-java) and reads the result as Kubernetes objects. */
final class ChartRendering {
  static final Path CHART = Path.of("shardrun");
  static final String RELEASE = "shardrun";
  static final String NAMESPACE = "shardrun";
  /** The cluster version templates are rendered for (helm template assumes v1.20.0 otherwise). */
  static final String KUBE_VERSION = "1.31.0";

  private ChartRendering() {}

  /** {@code helm template shardrun charts/shardrun --namespace shardrun --kube-version 1.31.0 --set ...}. */
  static String template(Map<String, Object> values) {
    return template(values, KUBE_VERSION);
  }

  static String template(Map<String, Object> values, String kubeVersion) {
    TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(kubeVersion);
    values.forEach(template::set);
    return template.call();
  }

  /** The rendered objects, each parsed strictly against the Kubernetes model. */
  static List<HasMetadata> objects(Map<String, Object> values) {
    return StrictModel.parse(template(values), "helm template " + values);
  }

  static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (type.isInstance(object)) {
        found.add(type.cast(object));
      }
    }
    return found;
  }

  static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = ofType(objects, type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
    }
    return found.get(0);
  }
}
