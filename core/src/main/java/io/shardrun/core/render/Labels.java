package io.shardrun.core.render;

import io.shardrun.crd.v1alpha1.TestRun;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every object made for a TestRun carries. */
public final class Labels {
  public static final String TESTRUN = "shardrun.io/testrun";
  public static final String SHARD = "shardrun.io/shard";
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String VERSION = "app.kubernetes.io/version";
  public static final String APP = "shardrun";

  private Labels() {}

  /** Labels of an object of {@code component} ("plan", "shard") belonging to {@code run}. */
  public static Map<String, String> forRun(TestRun run, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP);
    labels.put(INSTANCE, Names.labelValue(run.getMetadata().getName()));
    labels.put(COMPONENT, component);
    labels.put(MANAGED_BY, APP);
    labels.put(VERSION, Images.version());
    labels.put(TESTRUN, Names.labelValue(run.getMetadata().getName()));
    return labels;
  }

  public static Map<String, String> forShard(TestRun run, int shard) {
    Map<String, String> labels = forRun(run, "shard");
    labels.put(SHARD, Integer.toString(shard));
    return labels;
  }

  /** Labels of a suite ConfigMap, which belongs to no single run. */
  public static Map<String, String> forSuite() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP);
    labels.put(COMPONENT, "suite");
    labels.put(MANAGED_BY, APP);
    return labels;
  }
}
