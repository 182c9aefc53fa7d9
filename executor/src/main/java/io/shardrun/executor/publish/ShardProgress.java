package io.shardrun.executor.publish;

import io.shardrun.core.results.Event;
import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardCounts;
import io.shardrun.core.results.ShardState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A shard's results so far and the documents that publish them. Files finish on the runner's
 * thread while a dynamic shard asks for its next batch from a timer's: each document is made and
 * handed to the publisher under one lock, so a document made earlier, with an older ask, never
 * replaces a newer one.
 */
public final class ShardProgress {
  private final int shard;
  private final Instant started;
  private final DebouncedPublisher publisher;
  private final List<FileResult> finished = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private int files;
  private int wants;

  private ShardProgress(int shard, int files, int wants, Instant started, DebouncedPublisher publisher) {
    this.shard = shard;
    this.files = files;
    this.wants = wants;
    this.started = started;
    this.publisher = publisher;
  }

  /** A shard that runs the {@code files} files of its plan. */
  public static ShardProgress planned(int shard, int files, Instant started, DebouncedPublisher publisher) {
    return new ShardProgress(shard, files, 0, started, publisher);
  }

  /** A dynamic shard: it is given no file yet, and wants its first batch. */
  public static ShardProgress dynamic(int shard, Instant started, DebouncedPublisher publisher) {
    return new ShardProgress(shard, 0, 1, started, publisher);
  }

  /** A dynamic shard was given a batch of {@code count} files. */
  public synchronized void given(int count) {
    files += count;
  }

  /** Records a finished file and publishes it with the next interval. */
  public synchronized void finished(FileRun run) {
    finished.add(run.toResult());
    publisher.update(document(ShardState.RUNNING));
  }

  /** Records an event a file of the shard published, and publishes it at once: other shards may be waiting for it. */
  public synchronized void published(Event event) {
    events.add(event);
    publisher.updateNow(document(ShardState.RUNNING));
  }

  /** A dynamic shard asks, at once, to have been given {@code batches} batches in all. */
  public synchronized void ask(int batches) {
    if (batches > wants) {
      wants = batches;
      publisher.updateNow(document(ShardState.RUNNING));
    }
  }

  public synchronized ResultsDocument document(ShardState state) {
    List<FileResult> snapshot = List.copyOf(finished);
    long durationMs = Duration.between(started, Instant.now()).toMillis();
    return new ResultsDocument(ResultsDocument.VERSION, shard, state, ShardCounts.tally(files, snapshot, durationMs), snapshot, wants,
        events);
  }
}
