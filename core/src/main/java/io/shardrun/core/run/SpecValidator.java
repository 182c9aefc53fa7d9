package io.shardrun.core.run;

import io.shardrun.core.variant.Variants;
import io.shardrun.core.variant.VariantChecks;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.shardrun.core.select.SelectionCriteria;
import io.shardrun.crd.v1alpha1.BatchMode;
import io.shardrun.crd.v1alpha1.BatchSpec;
import io.shardrun.crd.v1alpha1.Sharding;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a TestRun the way the API server's schema would, plus what a schema cannot say, so a
 * TestRun rendered offline fails as clearly as one applied to a cluster.
 */
public final class SpecValidator {
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  /**
   * Names of TestRuns and of the objects they name are DNS subdomains, as the API server checks.
   * The TestRun's own name is not held to the 63 characters of a label value: the names Shardrun
   * derives from it (Jobs, ConfigMaps, labels) are shortened with a hash suffix (Names.fit).
   */
  private static final int MAX_NAME = 253;
  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
  /** Set by Shardrun in every executor; a TestRun cannot override them. */
  public static final Set<String> RESERVED_ENV = Set.of("POD_NAME", "POD_NAMESPACE", "SHARDRUN_TESTRUN", "HOME");

  private SpecValidator() {}

  /** Every problem, as {@code field: what is wrong}; empty when the TestRun is valid. */
  public static List<String> problems(TestRun run) {
    List<String> problems = new ArrayList<>();
    String name = run.getMetadata() == null ? null : run.getMetadata().getName();
    if (name == null) {
      problems.add("metadata.name: required");
    } else {
      dnsName(problems, "metadata.name", name, "a lower-case DNS name");
    }
    TestRunSpec spec = run.getSpec();
    if (spec == null) {
      problems.add("spec: missing; at least spec.suite.configMap is required");
      return problems;
    }
    if (spec.getSuite() == null || spec.getSuite().getConfigMap() == null) {
      problems.add("spec.suite.configMap: missing; expected the name of the ConfigMap holding the suite");
    } else {
      dnsName(problems, "spec.suite.configMap", spec.getSuite().getConfigMap(), "a ConfigMap name");
    }
    if (spec.getRerunFailedOf() != null) {
      dnsName(problems, "spec.rerunFailedOf", spec.getRerunFailedOf(), "the name of a TestRun");
    }
    dnsName(problems, "spec.executor.serviceAccountName", spec.getExecutor().getServiceAccountName(), "a ServiceAccount name");
    range(problems, "spec.shards", spec.getShards(), 1, TestRunSpec.MAX_SHARDS);
    range(problems, "spec.retries", spec.getRetries(), 0, TestRunSpec.MAX_RETRIES);
    range(problems, "spec.browser.port", spec.getBrowser().getPort(), 1024, 65535);
    range(problems, "spec.history.window", spec.getHistory().getWindow(), 1, 100);
    range(problems, "spec.history.flakyMinRuns", spec.getHistory().getFlakyMinRuns(), 1, 100);
    if (spec.getStartTogetherTimeoutSeconds() != null && spec.getStartTogetherTimeoutSeconds() < 1) {
      problems.add("spec.startTogetherTimeoutSeconds: expected at least 1, found " + spec.getStartTogetherTimeoutSeconds());
    }
    if (spec.getParallelism() != null) {
      range(problems, "spec.parallelism", spec.getParallelism(), 1, TestRunSpec.MAX_SHARDS);
      if (spec.startsTogether() && spec.getShards() != null && spec.getParallelism() < spec.getShards()) {
        problems.add("spec.startTogether: the shards cannot all start together while spec.parallelism (" + spec.getParallelism()
            + ") holds some back; remove parallelism or startTogether");
      }
    }
    if (spec.getTimeoutSeconds() == null || spec.getTimeoutSeconds() < 1) {
      problems.add("spec.timeoutSeconds: expected at least 1, found " + spec.getTimeoutSeconds());
    }
    if (spec.getTtlSecondsAfterFinished() != null && spec.getTtlSecondsAfterFinished() < 0) {
      problems.add("spec.ttlSecondsAfterFinished: expected 0 or more, found " + spec.getTtlSecondsAfterFinished());
    }
    if (spec.getSharding() == null) {
      problems.add("spec.sharding: expected hash, balanced or dynamic");
    }
    batch(problems, spec);
    List<EnvVar> env = spec.getEnv();
    for (int i = 0; i < env.size(); i++) {
      String envName = env.get(i).getName();
      if (envName == null || !ENV_NAME.matcher(envName).matches()) {
        problems.add("spec.env[" + i + "].name: expected an environment variable name, found " + quote(envName));
      } else if (RESERVED_ENV.contains(envName)) {
        problems.add("spec.env[" + i + "].name: " + envName + " is set by Shardrun and cannot be overridden");
      }
      if (env.get(i).getValue() != null && env.get(i).getValueFrom() != null) {
        problems.add("spec.env[" + i + "]: set value or valueFrom, not both");
      }
    }
    if (spec.getSelector() != null && spec.getSelector().getChangedMode() != null && spec.getSelector().getChangedFiles().isEmpty()) {
      problems.add("spec.selector.changedMode: applies with spec.selector.changedFiles only; set both, or remove changedMode");
    }
    try {
      SelectionCriteria.fromSpec(spec.getSelector());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (spec.getVariants() != null) {
      VariantChecks.problems(Variants.ofSpec(spec), "spec.variants").forEach(p -> problems.add(p.toString()));
    }
    return problems;
  }

  /** Whether {@code value} can name a Kubernetes object (a DNS subdomain). */
  public static boolean isObjectName(String value) {
    return value != null && value.length() <= MAX_NAME && DNS_SUBDOMAIN.matcher(value).matches();
  }

  private static void dnsName(List<String> problems, String field, String value, String expected) {
    if (value != null && value.length() > MAX_NAME) {
      problems.add(field + ": at most " + MAX_NAME + " characters (found " + value.length() + ")");
    } else if (value == null || !DNS_SUBDOMAIN.matcher(value).matches()) {
      problems.add(field + ": expected " + expected + " (a-z, 0-9, '-', '.'), found " + quote(value));
    }
  }

  private static void batch(List<String> problems, TestRunSpec spec) {
    BatchSpec batch = spec.getBatch();
    if (batch == null) {
      return;
    }
    if (spec.getSharding() != Sharding.DYNAMIC) {
      problems.add("spec.batch: applies to sharding dynamic only; remove it or set spec.sharding: dynamic");
    } else if (batch.getMode() == BatchMode.COUNT && batch.getTarget() == null) {
      problems.add("spec.batch.target: mode count needs a target, the number of work units per batch");
    } else if (batch.getMode() == BatchMode.OFF && batch.getTarget() != null) {
      problems.add("spec.batch.target: mode off takes one work unit at a time and no target");
    }
    if (batch.getTarget() != null && batch.getTarget() < 1) {
      problems.add("spec.batch.target: expected at least 1, found " + batch.getTarget());
    }
  }

  private static void range(List<String> problems, String field, Integer value, int min, int max) {
    if (value == null || value < min || value > max) {
      problems.add(field + ": expected " + min + " to " + max + ", found " + value);
    }
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }
}
