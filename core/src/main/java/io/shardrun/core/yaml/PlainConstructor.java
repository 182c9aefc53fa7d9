package io.shardrun.core.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor: maps, lists, strings, numbers and booleans, what a Kubernetes
 * object is made of. Merge keys ({@code <<: *defaults}) are applied and a duplicate key is an
 * error, as with kubectl.
 */
final class PlainConstructor extends SafeConstructor {
  PlainConstructor(LoaderOptions options) {
    super(options);
    setAllowDuplicateKeys(false); // SnakeYAML's Yaml facade would copy this from the options; it is not used here
    // Explicit !!timestamp and !!binary stay the text they are written as: no field takes a Date or bytes.
    yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    yamlConstructors.put(Tag.BINARY, new ConstructYamlStr());
  }

  /** The document's value; aliases become the same object again, not a copy. */
  Object construct(Node document) {
    return constructDocument(document);
  }
}
