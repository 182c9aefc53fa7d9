package io.shardrun.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardrun.crd.v1alpha1.BrowserSpec;
import io.shardrun.crd.v1alpha1.TestRunSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a TestRun spec that mean something in a cluster only, when a spec sets them: a
 * local run of that spec goes on without them, and says so.
 */
final class LocalMeaning {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalMeaning() {}

  /** The fields {@code spec} sets that a local run ignores, each with why. */
  static List<String> ignored(TestRunSpec spec) {
    List<String> ignored = new ArrayList<>();
    if (spec.getRerunFailedOf() != null) {
      ignored.add("rerunFailedOf (there is no cluster run to read: the stage runs its whole selection)");
    }
    if (!JSON.valueToTree(spec.getBrowser()).equals(JSON.valueToTree(new BrowserSpec()))) {
      ignored.add("browser (the local Chromium runs; see --chromium, --chromedriver)");
    }
    if (spec.getExecutor().getImage() != null || spec.getExecutor().getResources() != null
        || spec.getExecutor().getServiceAccountName() != null) {
      ignored.add("executor.image, executor.resources, executor.serviceAccountName (no pods)");
    }
    if (spec.getEnv().stream().anyMatch(e -> e.getValueFrom() != null)) {
      ignored.add("env[].valueFrom (no Secrets or ConfigMaps to read: pass such variables with --env NAME)");
    }
    if (!Integer.valueOf(TestRunSpec.DEFAULT_RETRIES).equals(spec.getRetries())) {
      ignored.add("retries (no pods to retry)");
    }
    if (spec.getTtlSecondsAfterFinished() != null) {
      ignored.add("ttlSecondsAfterFinished (no Jobs to delete)");
    }
    return ignored;
  }
}
