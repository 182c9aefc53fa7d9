package io.shardrun.core.results;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a shard pod publishes in its own annotation {@code shardrun.io/result} after every finished
 * file and at the end, and what the operator aggregates into the TestRun status. The operator reads
 * only the pods' current documents, so a restarted operator computes the same status. The wire
 * form is {@link ResultsCodec}'s; docs/results-format.md describes it.
 *
 * @param version always {@value #VERSION}; a document of another version cannot be made
 * @param shard the shard's index in the plan
 * @param state whether more files are to come
 * @param counts the shard's totals
 * @param files the files finished so far, in run order, which is the order of the shard's plan
 *     (a dynamic shard's: the files of the batches it was given, in order)
 * @param wants a dynamic shard's ask: how many batches it wants to have been given in all; it
 *     asks for the next as it starts the last work unit of the current one. 0 for a planned shard
 * @param events every event the shard published so far, in order, the running file's included:
 *     what the operator relays to the other shards. A finished file's events are also in its
 *     {@link FileResult#events()}
 */
public record ResultsDocument(int version, int shard, ShardState state, ShardCounts counts, List<FileResult> files, int wants,
    List<Event> events) {
  public static final int VERSION = 1;

  public ResultsDocument {
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported result version " + version + "; expected " + VERSION);
    }
    files = List.copyOf(files);
    events = events == null ? List.of() : List.copyOf(events);
  }

  public ResultsDocument(int shard, ShardState state, ShardCounts counts, List<FileResult> files) {
    this(VERSION, shard, state, counts, files, 0, List.of());
  }

  public ResultsDocument(int shard, ShardState state, ShardCounts counts, List<FileResult> files, int wants) {
    this(VERSION, shard, state, counts, files, wants, List.of());
  }

  /** Each of {@code files} with the events of {@code events} that it published: the wire carries them once, in the document. */
  static List<FileResult> withTheirEvents(List<FileResult> files, List<Event> events) {
    if (events.isEmpty()) {
      return files;
    }
    Map<String, List<Event>> byFile = events.stream().collect(Collectors.groupingBy(Event::file));
    return files.stream().map(f -> f.withEvents(byFile.getOrDefault(f.file(), List.of()))).toList();
  }
}
