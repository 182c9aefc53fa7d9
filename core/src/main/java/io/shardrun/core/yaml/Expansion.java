package io.shardrun.core.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How large and how deep a composed document becomes once its aliases are expanded. An alias is a
 * second reference to its anchor's node, so a few nested aliases ("billion laughs") expand
 * exponentially: each node is measured once, before anything is expanded.
 */
final class Expansion {
  /** Counted as characters: a scalar's text plus one for each node, about its size as JSON. */
  private record Measure(long size, int depth) {}

  private static final long CAP = Long.MAX_VALUE / 2; // sizes saturate here instead of overflowing

  private final Map<Node, Measure> measured = new IdentityHashMap<>();
  private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private final String place;
  private long written; // each node once: what the text itself holds

  private Expansion(String place) {
    this.place = place;
  }

  /**
   * @param maxAdded how many characters aliases may add to the document
   * @param maxDepth how deeply the expanded document may nest
   * @throws IllegalArgumentException naming {@code place} when the document exceeds either, or an
   *     anchor is aliased inside itself
   */
  static void check(Node document, String place, long maxAdded, int maxDepth) {
    Expansion expansion = new Expansion(place);
    Measure whole = expansion.measure(document);
    if (whole.size() - expansion.written > maxAdded) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: its aliases expand it by more than %,d characters; refused as an alias bomb", place, maxAdded));
    }
    if (whole.depth() > maxDepth) {
      throw new IllegalArgumentException(place + ": nested more than " + maxDepth + " levels deep once its aliases are expanded");
    }
  }

  private Measure measure(Node node) {
    Measure known = measured.get(node);
    if (known != null) {
      return known;
    }
    if (!open.add(node)) {
      throw new IllegalArgumentException(place + ": anchor &" + node.getAnchor() + " (line " + (node.getStartMark().getLine() + 1)
          + ") is aliased inside itself, which would expand without end");
    }
    long own = 1 + (node instanceof ScalarNode scalar ? scalar.getValue().length() : 0);
    long size = own;
    int depth = 1;
    for (Node child : children(node)) {
      Measure inner = measure(child);
      size = Math.min(CAP, size + inner.size());
      depth = Math.max(depth, inner.depth() + 1);
    }
    open.remove(node);
    written += own;
    Measure result = new Measure(size, depth);
    measured.put(node, result);
    return result;
  }

  private static List<Node> children(Node node) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    List<Node> children = new ArrayList<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple entry : mapping.getValue()) {
        children.add(entry.getKeyNode());
        children.add(entry.getValueNode());
      }
    }
    return children;
  }
}
