package io.shardrun.core.action;

import io.shardrun.crd.v1alpha1.Isolation;
import java.util.List;

/**
 * An action file's {@code meta} block.
 *
 * @param name human name; defaults to the file path
 * @param tags labels for selection and per-tag counts
 * @param dependsOn files that must pass first, as written (basenames or suite-relative paths)
 * @param serial true when the file shares state and must not run beside another serial file
 * @param timeoutS the whole file's time limit in seconds, or null for the run's default
 * @param retries how many times an infrastructure error is retried (never a test failure)
 * @param covers globs over source paths; a changed path matching one selects this file
 * @param isolation how the file is kept apart from those before it; null for the run's choice
 * @param extensions names of the suite's extensions ({@code extensions/NAME/}) its browser loads
 */
public record Meta(
    String name,
    List<String> tags,
    List<String> dependsOn,
    boolean serial,
    Integer timeoutS,
    int retries,
    List<String> covers,
    Isolation isolation,
    List<String> extensions) {}
