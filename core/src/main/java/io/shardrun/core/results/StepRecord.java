package io.shardrun.core.results;

/**
 * What happened at one step.
 *
 * @param index position in the file's expanded steps, from 0
 * @param origin where it was written ({@code steps[3]}, or inside a template call)
 * @param command the command name
 * @param target the target as written, before variable substitution, so a secret passed as
 *     ${VARIABLE} never reaches a report
 * @param value the value as written, likewise
 * @param status how it ended
 * @param durationMs how long it took
 * @param observed what the browser showed, where the command reads something (text, value,
 *     title, URL); null otherwise
 * @param error why it failed; null when it passed
 */
public record StepRecord(
    int index,
    String origin,
    String command,
    String target,
    String value,
    StepStatus status,
    long durationMs,
    String observed,
    String error) {}
