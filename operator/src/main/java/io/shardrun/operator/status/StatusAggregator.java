package io.shardrun.operator.status;

import io.fabric8.kubernetes.api.model.Pod;
import io.shardrun.core.Durations;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.ResultsCodec;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardState;
import io.shardrun.crd.v1alpha1.FileFailure;
import io.shardrun.crd.v1alpha1.Phase;
import io.shardrun.crd.v1alpha1.ShardStatus;
import io.shardrun.crd.v1alpha1.Summary;
import io.shardrun.crd.v1alpha1.TagCounts;
import io.shardrun.crd.v1alpha1.TestRun;
import io.shardrun.crd.v1alpha1.TestRunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a TestRun's status from what its shards show now: the Jobs' state and the results
 * documents in their newest pods' annotations. A pure function of its inputs, so a restarted
 * operator computes the same status; only timestamps already set are carried over.
 */
public final class StatusAggregator {
  public static final int MAX_FAILURES = 50;
  public static final int MAX_FLAKY = 50;

  private StatusAggregator() {}

  /**
   * @param shards every non-empty shard of the plan
   * @param tagsOf a file's meta.tags, asked only for results that do not carry them (compact form)
   * @param flakyInHistory files the suite's history shows as flaky
   * @param now the current time (RFC 3339)
   */
  public static TestRunStatus aggregate(TestRun run, List<ShardObservation> shards, Function<String, List<String>> tagsOf,
      Set<String> flakyInHistory, String now) {
    TestRunStatus previous = run.getStatus() == null ? new TestRunStatus() : run.getStatus();
    TestRunStatus status = new TestRunStatus();
    status.setObservedGeneration(run.getMetadata().getGeneration());
    status.setConditions(previous.getConditions());
    Summary summary = new Summary();
    Map<String, TagCounts> byTag = new TreeMap<>();
    List<FileFailure> failures = new ArrayList<>();
    List<String> flaky = new ArrayList<>();
    int finished = 0;
    for (ShardObservation shard : shards) {
      Observed observed = observe(shard);
      ShardStatus s = observed.status();
      status.getShards().add(s);
      finished += s.getPhase().isFinal() ? 1 : 0;
      summary.setFiles(summary.getFiles() + s.getFiles());
      summary.setPassed(summary.getPassed() + s.getPassed());
      summary.setFailed(summary.getFailed() + s.getFailed());
      summary.setSkipped(summary.getSkipped() + s.getSkipped());
      summary.setErrored(summary.getErrored() + s.getErrored());
      summary.setDurationMs(summary.getDurationMs() + s.getDurationMs());
      for (FileResult result : observed.files()) {
        List<String> tags = result.tags() == null ? tagsOf.apply(result.file()) : result.tags();
        for (String tag : tags) {
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
          failure.setShard(shard.index());
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
    status.setShardsFinished(finished + "/" + shards.size());
    Phase phase = runPhase(status.getShards(), finished);
    status.setPhase(phase);
    status.setStartTime(previous.getStartTime() != null ? previous.getStartTime()
        : phase == Phase.Pending ? null : now);
    status.setCompletionTime(!phase.isFinal() ? null : previous.getCompletionTime() != null ? previous.getCompletionTime() : now);
    if (status.getStartTime() != null) {
      String end = status.getCompletionTime() != null ? status.getCompletionTime() : now;
      status.setDuration(Durations.format(Duration.between(Instant.parse(status.getStartTime()), Instant.parse(end)).toMillis()));
    }
    long generation = run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
    status.setConditions(Conditions.set(status.getConditions(), Conditions.COMPLETE, phase.isFinal(),
        phase.isFinal() ? phase.name() : "InProgress", completionMessage(status, phase), generation, now));
    return status;
  }

  private static Phase runPhase(List<ShardStatus> shards, int finished) {
    if (finished == shards.size()) {
      if (shards.stream().anyMatch(s -> s.getPhase() == Phase.Error)) {
        return Phase.Error;
      }
      return shards.stream().anyMatch(s -> s.getPhase() == Phase.Failed) ? Phase.Failed : Phase.Succeeded;
    }
    return shards.stream().anyMatch(s -> s.getPhase() != Phase.Pending) ? Phase.Running : Phase.Pending;
  }

  private static String completionMessage(TestRunStatus status, Phase phase) {
    Summary s = status.getSummary();
    String counts = s.getPassed() + " passed, " + s.getFailed() + " failed, " + s.getSkipped() + " skipped, "
        + s.getErrored() + " errors of " + s.getFiles() + " files";
    if (phase != Phase.Error) {
      return counts;
    }
    String why = status.getShards().stream().filter(sh -> sh.getPhase() == Phase.Error)
        .map(sh -> "shard " + sh.getIndex() + ": " + sh.getMessage()).findFirst().orElse("");
    return why + "; " + counts;
  }

  /** A shard's status and the file results it published so far. */
  record Observed(ShardStatus status, List<FileResult> files) {}

  static Observed observe(ShardObservation shard) {
    ShardStatus s = new ShardStatus();
    s.setIndex(shard.index());
    s.setJob(shard.job() == null ? null : shard.job().getMetadata().getName());
    s.setFiles(shard.files().size());
    ShardObservation.JobVerdict verdict = shard.verdict();
    Optional<ResultsDocument> results = Optional.empty();
    String problem = null;
    try {
      results = results(shard);
    } catch (IllegalArgumentException e) {
      problem = "unreadable result annotation: " + e.getMessage();
    }
    results.ifPresent(doc -> {
      s.setPassed(doc.counts().passed());
      s.setFailed(doc.counts().failed());
      s.setSkipped(doc.counts().skipped());
      s.setErrored(doc.counts().errored());
      s.setDurationMs(doc.counts().durationMs());
    });
    boolean done = results.map(doc -> doc.state() == ShardState.DONE).orElse(false);
    Phase phase = verdict.phase();
    String message = verdict.reason() != null ? verdict.reason() : problem;
    if ((phase == Phase.Succeeded || phase == Phase.Failed) && !done) {
      phase = Phase.Error;
      message = problem != null ? problem : "the shard finished without publishing its results (pod gone or executor killed)";
    } else if (phase == Phase.Succeeded && s.getFailed() + s.getErrored() + s.getSkipped() > 0) {
      phase = Phase.Failed;
    }
    s.setPhase(phase);
    s.setMessage(message);
    return new Observed(s, results.map(ResultsDocument::files).orElse(List.of()));
  }

  /** Whether a shard's newest pod published its final (done) results document. */
  public static boolean publishedFinalResults(ShardObservation shard) {
    try {
      return results(shard).map(doc -> doc.state() == ShardState.DONE).orElse(false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Every file result the shards published (unreadable documents are left out: their shards report them). */
  public static List<FileResult> fileResults(List<ShardObservation> shards) {
    return shards.stream().flatMap(shard -> observe(shard).files().stream()).toList();
  }

  /** The newest pod's results document, if it published one; throws when it is unreadable. */
  static Optional<ResultsDocument> results(ShardObservation shard) {
    Optional<Pod> pod = shard.latestPod();
    Map<String, String> annotations = pod.map(p -> p.getMetadata().getAnnotations()).orElse(null);
    String value = annotations == null ? null : annotations.get(ResultsCodec.ANNOTATION);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(ResultsCodec.decode(value, shard.files(), "pod " + pod.get().getMetadata().getName()));
  }
}
