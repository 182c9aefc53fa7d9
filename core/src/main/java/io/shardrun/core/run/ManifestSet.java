package io.shardrun.core.run;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.shardrun.core.run.Manifests.Placed;
import io.shardrun.crd.v1alpha1.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TestRuns and ConfigMaps of several YAML streams read together (the {@code -f} files of
 * render-jobs and plan). Two documents that may be the same object would overwrite each other when
 * applied, so a TestRun given twice is an error, and so is a suite that two ConfigMaps could be.
 * An object without a namespace takes the one it is applied to, so it may be the same as an object
 * of any namespace.
 */
public final class ManifestSet {
  private final List<Placed<TestRun>> testRuns;
  private final List<Placed<ConfigMap>> configMaps;

  private ManifestSet(List<Placed<TestRun>> testRuns, List<Placed<ConfigMap>> configMaps) {
    this.testRuns = testRuns;
    this.configMaps = configMaps;
  }

  /** @throws IllegalArgumentException naming both places of a TestRun given twice */
  public static ManifestSet of(List<Manifests.Documents> streams) {
    List<Placed<TestRun>> testRuns = new ArrayList<>();
    List<Placed<ConfigMap>> configMaps = new ArrayList<>();
    for (Manifests.Documents stream : streams) {
      for (Placed<TestRun> run : stream.placedTestRuns()) {
        for (Placed<TestRun> earlier : testRuns) {
          if (mayBeSame(earlier.object(), run.object())) {
            throw new IllegalArgumentException("TestRun " + id(run.object()) + " is given twice: in " + earlier.place()
                + " and in " + run.place() + "; keep one");
          }
        }
        testRuns.add(run);
      }
      configMaps.addAll(stream.placedConfigMaps());
    }
    return new ManifestSet(testRuns, configMaps);
  }

  public List<Placed<TestRun>> testRuns() {
    return testRuns;
  }

  /**
   * The ConfigMap named by {@code spec.suite.configMap} in the run's namespace; empty when there is none.
   *
   * @throws IllegalArgumentException naming both places when two ConfigMaps could be it
   */
  public Optional<ConfigMap> suiteOf(TestRun run) {
    String wanted = run.getSpec().getSuite().getConfigMap();
    List<Placed<ConfigMap>> found = configMaps.stream()
        .filter(c -> wanted.equals(name(c.object())) && sameNamespace(run, c.object())).toList();
    if (found.size() > 1) {
      throw new IllegalArgumentException("TestRun " + id(run) + " reads its suite from ConfigMap " + wanted
          + ", which is given twice: in " + found.get(0).place() + " and in " + found.get(1).place() + "; keep one");
    }
    return found.stream().findFirst().map(Placed::object);
  }

  private static boolean mayBeSame(HasMetadata a, HasMetadata b) {
    return name(a) != null && name(a).equals(name(b)) && sameNamespace(a, b);
  }

  private static boolean sameNamespace(HasMetadata a, HasMetadata b) {
    return namespace(a) == null || namespace(b) == null || namespace(a).equals(namespace(b));
  }

  private static String id(HasMetadata object) {
    return namespace(object) == null ? name(object) : namespace(object) + "/" + name(object);
  }

  private static String name(HasMetadata object) {
    return object.getMetadata() == null ? null : object.getMetadata().getName();
  }

  private static String namespace(HasMetadata object) {
    return object.getMetadata() == null ? null : object.getMetadata().getNamespace();
  }
}
