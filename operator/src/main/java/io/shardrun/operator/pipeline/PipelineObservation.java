package io.shardrun.operator.pipeline;

import io.shardrun.crd.v1alpha1.TestPipeline;
import io.shardrun.crd.v1alpha1.TestRun;
import java.time.Instant;
import java.util.Map;

/**
 * What one reconcile of a pipeline saw.
 *
 * @param testRuns the TestRuns the pipeline owns, by name
 */
public record PipelineObservation(TestPipeline pipeline, Map<String, TestRun> testRuns, Instant now) {}
