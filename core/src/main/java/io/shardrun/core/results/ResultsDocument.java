package io.shardrun.core.results;

import java.util.List;

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
 */
public record ResultsDocument(int version, int shard, ShardState state, ShardCounts counts, List<FileResult> files, int wants) {
  public static final int VERSION = 1;

  public ResultsDocument {
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported result version " + version + "; expected " + VERSION);
    }
    files = List.copyOf(files);
  }

  public ResultsDocument(int shard, ShardState state, ShardCounts counts, List<FileResult> files) {
    this(VERSION, shard, state, counts, files, 0);
  }

  public ResultsDocument(int shard, ShardState state, ShardCounts counts, List<FileResult> files, int wants) {
    this(VERSION, shard, state, counts, files, wants);
  }
}
