package io.shardrun.operator.decide;

import io.shardrun.core.results.FileResult;
import io.shardrun.core.results.ResultsDocument;
import io.shardrun.core.results.ShardState;
import java.util.List;

/**
 * A results document as a shard pod published it in its annotation, or as the operator kept it.
 *
 * @param value the annotation's text, exactly as published
 * @param document what it says; null when it cannot be read
 * @param problem why it cannot be read (names the pod); null when it can
 */
public record Published(String value, ResultsDocument document, String problem) {

  /** Whether this is the shard's final document: every planned file has a result. */
  public boolean done() {
    return document != null && document.state() == ShardState.DONE;
  }

  /** The file results it holds; none when it cannot be read. */
  public List<FileResult> files() {
    return document == null ? List.of() : document.files();
  }
}
