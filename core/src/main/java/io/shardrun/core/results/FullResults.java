package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The full form of a results document on the wire: every finished file as a {@link FileResult},
 * messages cut to {@value #MESSAGE_CHARS} characters. Needs nothing but itself to be read.
 */
@JsonPropertyOrder({"version", "form", "shard", "state", "counts", "files", "wants", "events"})
record FullResults(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) ResultsForm form,
    @JsonProperty(required = true) int shard,
    @JsonProperty(required = true) ShardState state,
    @JsonProperty(required = true) ShardCounts counts,
    @JsonProperty(required = true) List<FileResult> files,
    Integer wants,
    List<Event> events) {
  /** Enough for the operator's failure list; the whole message stays in the executor's reports. */
  static final int MESSAGE_CHARS = 500;

  static FullResults of(ResultsDocument document) {
    List<FileResult> files = document.files().stream()
        .map(r -> r.withMessageCut(MESSAGE_CHARS).withEvents(List.of()))
        .toList();
    return new FullResults(document.version(), ResultsForm.FULL, document.shard(), document.state(),
        document.counts(), files, document.wants() == 0 ? null : document.wants(),
        document.events().isEmpty() ? null : document.events());
  }

  /** @throws IllegalArgumentException naming {@code source} when a field the document needs is absent */
  ResultsDocument toDocument(String source) {
    ResultsCodec.require(state, "state", source);
    ResultsCodec.require(counts, "counts", source);
    ResultsCodec.require(files, "files", source);
    List<FileResult> read = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      FileResult r = files.get(i);
      ResultsCodec.require(r, "files[" + i + "]", source);
      ResultsCodec.require(r.file(), "files[" + i + "].file", source);
      ResultsCodec.require(r.status(), "files[" + i + "].status", source);
      read.add(r.tags() == null ? r.withTags(List.of()) : r);
    }
    List<Event> all = events == null ? List.of() : events;
    return new ResultsDocument(ResultsDocument.VERSION, shard, state, counts, ResultsDocument.withTheirEvents(read, all),
        wants == null ? 0 : wants, all);
  }
}
