package io.shardrun.core.action;

/**
 * One executable step, after template expansion.
 *
 * @param command what to do
 * @param target the command's target (locator, URL, script...), may be empty
 * @param value the command's value, may be empty
 * @param timeoutS per-step wait timeout in seconds, or null for the default
 * @param origin where the step was written, for messages: {@code steps[3]} or
 *     {@code steps[1] > template login_basic steps[2]}
 */
public record Step(Command command, String target, String value, Integer timeoutS, String origin) {}
