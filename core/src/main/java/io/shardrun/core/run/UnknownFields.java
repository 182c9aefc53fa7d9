package io.shardrun.core.run;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields a Kubernetes object was read with that its model does not know. Fabric8's model types
 * keep such fields aside ("additionalProperties") instead of failing, so a typo such as
 * {@code valu:} in an env entry or {@code limit:} in resources would be dropped without a word.
 */
public final class UnknownFields {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UnknownFields() {}

  /**
   * @param path where the field is, e.g. {@code spec.env[0].valu}
   * @param field the unknown field's name
   * @param known the fields the type has, sorted
   */
  public record Found(String path, String field, List<String> known) {}

  /** Every unknown field below {@code object}, in document order. */
  public static List<Found> in(Object object) {
    List<Found> found = new ArrayList<>();
    collect(object, "", found);
    return found;
  }

  private static void collect(Object node, String path, List<Found> out) {
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collect(item, path + "[" + i++ + "]", out);
      }
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> collect(value, join(path, String.valueOf(key)), out));
    } else if (isModel(node)) {
      BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(node.getClass()));
      List<BeanPropertyDefinition> properties = bean.findProperties();
      AnnotatedMember anyGetter = bean.findAnyGetter();
      if (anyGetter != null && anyGetter.getValue(node) instanceof Map<?, ?> extra && !extra.isEmpty()) {
        List<String> known = properties.stream().map(BeanPropertyDefinition::getName).sorted().toList();
        extra.keySet().forEach(key -> out.add(new Found(join(path, String.valueOf(key)), String.valueOf(key), known)));
      }
      for (BeanPropertyDefinition property : properties) {
        if (property.getAccessor() != null) {
          collect(property.getAccessor().getValue(node), join(path, property.getName()), out);
        }
      }
    }
  }

  /** Kubernetes model objects and Shardrun's API types, which hold them; generic objects hold anything. */
  private static boolean isModel(Object node) {
    return node != null && !(node instanceof GenericKubernetesResource) && !(node instanceof Enum<?>)
        && (node instanceof KubernetesResource || node.getClass().getPackageName().startsWith("io.shardrun.crd"));
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
