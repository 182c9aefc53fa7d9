package io.shardrun.executor.publish;

import io.shardrun.core.results.ResultsDocument;

/** Makes a shard's results document visible to whoever aggregates it. */
@FunctionalInterface
public interface ResultPublisher {
  /** @throws RuntimeException when the document could not be published */
  void publish(ResultsDocument document);
}
