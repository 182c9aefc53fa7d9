package io.shardrun.operator.decide;

import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.crd.v1alpha1.FileFailure;
import io.shardrun.crd.v1alpha1.RetriedFile;
import io.shardrun.crd.v1alpha1.ShardStatus;
import io.shardrun.crd.v1alpha1.Summary;
import io.shardrun.crd.v1alpha1.TagCounts;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A run's counts from its shards' results: the summary, counts per tag, failures, flaky and retried files. */
public final class RunCounts {
  /** At most this many failures are listed in a run's status; the rest are counted. */
  public static final int MAX_FAILURES = 50;
  static final int MAX_FLAKY = 50;
  static final int MAX_RETRIED = 50;

  private RunCounts() {}

  /** Sets the counts of {@code status} from {@code shards}. */
  static void fill(TestRunStatus status, List<ShardProgress.Next> shards, Set<String> flakyInHistory) {
    Summary summary = new Summary();
    Map<String, TagCounts> byTag = new TreeMap<>();
    List<FileFailure> failures = new ArrayList<>();
    List<String> flaky = new ArrayList<>();
    for (ShardProgress.Next shard : shards) {
      ShardStatus s = shard.status();
      summary.setFiles(summary.getFiles() + s.getFiles());
      summary.setPassed(summary.getPassed() + s.getPassed());
      summary.setFailed(summary.getFailed() + s.getFailed());
      summary.setSkipped(summary.getSkipped() + s.getSkipped());
      summary.setErrored(summary.getErrored() + s.getErrored());
      summary.setDurationMs(summary.getDurationMs() + s.getDurationMs());
      for (FileResult result : shard.results() == null ? List.<FileResult>of() : shard.results().files()) {
        for (String tag : result.tags() == null ? List.<String>of() : result.tags()) {
          TagCounts counts = byTag.computeIfAbsent(tag, t -> new TagCounts());
          if (result.status() == Outcome.PASSED) {
            counts.setPassed(counts.getPassed() + 1);
          } else if (result.status().isBad()) {
            counts.setFailed(counts.getFailed() + 1);
          }
        }
        if (result.status().isBad()) {
          FileFailure failure = new FileFailure();
          failure.setFile(result.file());
          failure.setShard(s.getIndex());
          failure.setStep(result.failedStep());
          failure.setMessage(result.message());
          failures.add(failure);
        }
        if (flakyInHistory.contains(result.file())) {
          flaky.add(result.file());
        }
      }
    }
    summary.setFlaky(flaky.size());
    status.setSummary(summary);
    status.setByTag(byTag);
    status.setFailures(new ArrayList<>(failures.subList(0, Math.min(MAX_FAILURES, failures.size()))));
    status.setFailuresOmitted(failures.size() > MAX_FAILURES ? failures.size() - MAX_FAILURES : null);
    status.setFlakyFiles(new ArrayList<>(flaky.subList(0, Math.min(MAX_FLAKY, flaky.size()))));
  }

  /**
   * The retried files now, each with the most attempts seen: the status written before remembers
   * a lost pod's files once the pod is gone from the API.
   */
  static List<RetriedFile> retried(TestRunStatus before, Map<String, Integer> now) {
    Map<String, Integer> attempts = new TreeMap<>(now);
    if (before != null) {
      before.getRetriedFiles().forEach(r -> attempts.merge(r.getFile(), r.getAttempts(), Math::max));
    }
    return attempts.entrySet().stream().limit(MAX_RETRIED).map(e -> new RetriedFile(e.getKey(), e.getValue()))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /** Every file result the shards count. */
  static List<FileResult> files(List<ShardProgress.Next> shards) {
    return shards.stream().filter(s -> s.results() != null).flatMap(s -> s.results().files().stream()).toList();
  }
}
