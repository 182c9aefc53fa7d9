package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the operator observed. Derived from the run's Jobs and pods alone. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TestRunStatus {
  @JsonPropertyDescription("Pending, Running, Succeeded, Failed (a test failed) or Error (the run could not complete).")
  private Phase phase;

  @JsonPropertyDescription("The metadata.generation this status was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Latest observations, Kubernetes style: type Ready (the plan and Jobs exist), Complete"
          + " (all shards finished); reason and message say why, lastTransitionTime when the"
          + " status last changed.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("When the first shard started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the run reached a final phase (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Finished shards over all shards, for example 3/4.")
  private String shardsFinished;

  @JsonPropertyDescription("Wall time from start to completion (or to now while running), for example 4m12s.")
  private String duration;

  @JsonPropertyDescription("Counts over all selected files.")
  private Summary summary;

  @JsonPropertyDescription("Passed and failed files per tag.")
  private Map<String, TagCounts> byTag = new LinkedHashMap<>();

  @JsonPropertyDescription("One entry per shard.")
  private List<ShardStatus> shards = new ArrayList<>();

  @JsonPropertyDescription("Failed and errored files, at most 50; failuresOmitted counts the rest.")
  private List<FileFailure> failures = new ArrayList<>();

  @JsonPropertyDescription("How many failures did not fit in 'failures'.")
  private Integer failuresOmitted;

  @JsonPropertyDescription("Files that both passed and failed within the history window (at most 50).")
  private List<String> flakyFiles = new ArrayList<>();

  @JsonPropertyDescription(
      "Dynamic runs: files that run again because a pod ended (deleted, evicted, crashed) while it"
          + " held them unfinished, with how many times each is started; at most 50.")
  private List<RetriedFile> retriedFiles = new ArrayList<>();

  @JsonPropertyDescription("When the run's first failed or errored file ended (RFC 3339), set in every run that has one:"
      + " minus startTime, the time to first failure.")
  private String firstFailureTime;

  @JsonPropertyDescription("The first failed or errored file (the one firstFailureTime is of); with spec.failFast, the"
      + " file that stopped the run.")
  private String firstFailedFile;

  @JsonPropertyDescription("With spec.startTogether: the time (RFC 3339) every shard was told to start its first file at,"
      + " once all were ready.")
  private String startedTogetherTime;

  @JsonPropertyDescription("The most of the run's shard Jobs running at once (released and not ended), under"
      + " spec.parallelism and the operator's cap on running shards.")
  private Integer peakRunningShards;

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getShardsFinished() {
    return shardsFinished;
  }

  public void setShardsFinished(String shardsFinished) {
    this.shardsFinished = shardsFinished;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public Summary getSummary() {
    return summary;
  }

  public void setSummary(Summary summary) {
    this.summary = summary;
  }

  public Map<String, TagCounts> getByTag() {
    return byTag;
  }

  public void setByTag(Map<String, TagCounts> byTag) {
    this.byTag = byTag;
  }

  public List<ShardStatus> getShards() {
    return shards;
  }

  public void setShards(List<ShardStatus> shards) {
    this.shards = shards;
  }

  public List<FileFailure> getFailures() {
    return failures;
  }

  public void setFailures(List<FileFailure> failures) {
    this.failures = failures;
  }

  public Integer getFailuresOmitted() {
    return failuresOmitted;
  }

  public void setFailuresOmitted(Integer failuresOmitted) {
    this.failuresOmitted = failuresOmitted;
  }

  public List<String> getFlakyFiles() {
    return flakyFiles;
  }

  public void setFlakyFiles(List<String> flakyFiles) {
    this.flakyFiles = flakyFiles;
  }

  public List<RetriedFile> getRetriedFiles() {
    return retriedFiles;
  }

  public void setRetriedFiles(List<RetriedFile> retriedFiles) {
    this.retriedFiles = retriedFiles;
  }

  public String getFirstFailureTime() {
    return firstFailureTime;
  }

  public void setFirstFailureTime(String firstFailureTime) {
    this.firstFailureTime = firstFailureTime;
  }

  public String getFirstFailedFile() {
    return firstFailedFile;
  }

  public void setFirstFailedFile(String firstFailedFile) {
    this.firstFailedFile = firstFailedFile;
  }

  public String getStartedTogetherTime() {
    return startedTogetherTime;
  }

  public void setStartedTogetherTime(String startedTogetherTime) {
    this.startedTogetherTime = startedTogetherTime;
  }

  public Integer getPeakRunningShards() {
    return peakRunningShards;
  }

  public void setPeakRunningShards(Integer peakRunningShards) {
    this.peakRunningShards = peakRunningShards;
  }
}
