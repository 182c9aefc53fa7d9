package io.shardrun.core.report;

import java.util.List;
import java.util.Set;

/**
 * What a report shows of one run, local or from the cluster.
 *
 * @param run the run's name: the run folder's name locally, the TestRun's name in a cluster
 * @param phase {@code Succeeded}, {@code Failed} or {@code Error}
 * @param startedAt the ISO-8601 instant the run started
 * @param durationMs the run's wall time
 * @param files every selected file, in any order
 * @param flaky the files the suite's history shows as flaky; may name files this run did not select
 */
public record RunReport(
    String run,
    String phase,
    String startedAt,
    long durationMs,
    List<ReportFile> files,
    Set<String> flaky) {}
