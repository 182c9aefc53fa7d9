package io.shardrun.core.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A cross-shard event: what a {@code publishEvent} step published, for {@code waitForEvent} steps
 * of any shard of the run to see (docs/action-files.md#cross-shard-events). Events form a log:
 * one published before a wait started counts.
 *
 * @param topic what it is about, {@link io.shardrun.core.action.EventRules#TOPIC}
 * @param value what it says, at most {@value io.shardrun.core.action.EventRules#MAX_VALUE_CHARS} characters
 * @param file the publishing file (its run's name, {@code PATH#VARIANT} in a variant)
 * @param shard the publishing shard
 * @param publishedMs when it was published, in milliseconds since the epoch
 */
@JsonPropertyOrder({"topic", "value", "file", "shard", "publishedMs"})
public record Event(
    @JsonProperty(required = true) String topic,
    @JsonProperty(required = true) String value,
    @JsonProperty(required = true) String file,
    @JsonProperty(required = true) int shard,
    @JsonProperty(required = true) long publishedMs) {}
