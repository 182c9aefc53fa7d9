package io.shardrun.core.suite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The depends_on edges between a suite's files (resolved to paths), acyclic by construction. */
public final class DependencyGraph {
  private final SortedMap<String, Set<String>> upstream;
  private final Map<String, Set<String>> downstream = new HashMap<>();
  private final List<String> order;
  private final Map<String, Integer> rank = new HashMap<>();

  /**
   * @param upstream for each file, the files it depends on; must be acyclic (see {@link #findCycle})
   */
  public DependencyGraph(Map<String, ? extends Collection<String>> upstream) {
    this.upstream = new TreeMap<>();
    upstream.forEach((file, deps) -> this.upstream.put(file, new TreeSet<>(deps)));
    this.upstream.keySet().forEach(f -> downstream.put(f, new TreeSet<>()));
    this.upstream.forEach((file, deps) -> deps.forEach(d -> downstream.get(d).add(file)));
    this.order = topologicalOrder(this.upstream.keySet(), f -> 0.0);
    for (int i = 0; i < order.size(); i++) {
      rank.put(order.get(i), i);
    }
  }

  /** A cycle in {@code upstream} as a path {@code a -> b -> a}, or an empty list. */
  public static List<String> findCycle(Map<String, ? extends Collection<String>> upstream) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
    for (String start : new TreeSet<>(upstream.keySet())) {
      Deque<String> stack = new ArrayDeque<>();
      List<String> cycle = visit(start, upstream, state, stack);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> visit(String file, Map<String, ? extends Collection<String>> upstream,
      Map<String, Integer> state, Deque<String> stack) {
    Integer s = state.get(file);
    if (s != null && s == 2) {
      return List.of();
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (String f : (Iterable<String>) stack::descendingIterator) {
        in |= f.equals(file);
        if (in) {
          cycle.add(f);
        }
      }
      cycle.add(file);
      return cycle;
    }
    state.put(file, 1);
    stack.push(file);
    for (String dep : new TreeSet<String>(upstream.containsKey(file) ? upstream.get(file) : Set.of())) {
      List<String> cycle = visit(dep, upstream, state, stack);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    stack.pop();
    state.put(file, 2);
    return List.of();
  }

  public Set<String> files() {
    return upstream.keySet();
  }

  public Set<String> upstreamOf(String file) {
    return upstream.getOrDefault(file, Set.of());
  }

  public Set<String> downstreamOf(String file) {
    return downstream.getOrDefault(file, Set.of());
  }

  /** {@code files} and everything they depend on, transitively. */
  public Set<String> withUpstream(Collection<String> files) {
    return closure(files, upstream);
  }

  /** {@code files} and everything that depends on them, transitively. */
  public Set<String> withDownstream(Collection<String> files) {
    return closure(files, downstream);
  }

  /** Position in the suite's topological order (dependencies first, then by path). */
  public int rank(String file) {
    return rank.get(file);
  }

  /** The suite's topological order: dependencies first, ties by path. */
  public List<String> order() {
    return order;
  }

  /**
   * Orders {@code files} (closed under upstream) dependencies first; among files whose
   * dependencies are done, the highest {@code priority} first, then suite order.
   */
  public List<String> order(Collection<String> files, java.util.function.ToDoubleFunction<String> priority) {
    return topologicalOrder(files, priority);
  }

  /** Groups {@code files} into sets connected by depends_on (in either direction), each in suite order. */
  public List<List<String>> components(Collection<String> files) {
    Set<String> subset = new HashSet<>(files);
    Set<String> seen = new HashSet<>();
    List<List<String>> groups = new ArrayList<>();
    for (String start : order) {
      if (!subset.contains(start) || !seen.add(start)) {
        continue;
      }
      List<String> group = new ArrayList<>();
      Deque<String> todo = new ArrayDeque<>(List.of(start));
      while (!todo.isEmpty()) {
        String f = todo.pop();
        group.add(f);
        for (Set<String> next : List.of(upstreamOf(f), downstreamOf(f))) {
          for (String n : next) {
            if (subset.contains(n) && seen.add(n)) {
              todo.push(n);
            }
          }
        }
      }
      group.sort(java.util.Comparator.comparingInt(this::rank));
      groups.add(group);
    }
    return groups;
  }

  private List<String> topologicalOrder(Collection<String> files, java.util.function.ToDoubleFunction<String> priority) {
    Set<String> subset = new LinkedHashSet<>(files);
    Map<String, Integer> waiting = new HashMap<>();
    java.util.Comparator<String> first = java.util.Comparator.<String>comparingDouble(priority).reversed()
        .thenComparing(f -> rank.getOrDefault(f, 0)).thenComparing(f -> f);
    PriorityQueue<String> ready = new PriorityQueue<>(first);
    for (String f : subset) {
      int n = (int) upstreamOf(f).stream().filter(subset::contains).count();
      waiting.put(f, n);
      if (n == 0) {
        ready.add(f);
      }
    }
    List<String> out = new ArrayList<>(subset.size());
    while (!ready.isEmpty()) {
      String f = ready.poll();
      out.add(f);
      for (String d : downstreamOf(f)) {
        if (subset.contains(d) && waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    if (out.size() != subset.size()) {
      throw new IllegalStateException("dependency cycle among " + subset);
    }
    return out;
  }

  private static Set<String> closure(Collection<String> files, Map<String, Set<String>> edges) {
    Set<String> out = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(files);
    while (!todo.isEmpty()) {
      String f = todo.pop();
      if (out.add(f)) {
        todo.addAll(edges.getOrDefault(f, Set.of()));
      }
    }
    return out;
  }
}
