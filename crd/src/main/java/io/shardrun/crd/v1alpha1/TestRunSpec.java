package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run and how. Unset optional fields keep the Java defaults below, so a TestRun read
 * from a YAML file (render-jobs) and one read from the API server behave the same; an explicit
 * null means the default too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestRunSpec {
  public static final int DEFAULT_SHARDS = 1;
  public static final long DEFAULT_TIMEOUT_SECONDS = 3600;
  public static final int DEFAULT_START_TOGETHER_TIMEOUT_SECONDS = 600;
  public static final int DEFAULT_RETRIES = 2;
  public static final int MAX_SHARDS = 1000;
  public static final int MAX_RETRIES = 10;

  @Required
  @JsonPropertyDescription("Where the action files come from.")
  private SuiteSource suite;

  @Min(1)
  @Max(MAX_SHARDS)
  @JsonPropertyDescription("Number of shards: one Job each. 1 to 1000. Default: 1.")
  private Integer shards = DEFAULT_SHARDS;

  @JsonPropertyDescription(
      "How files are spread over shards. 'hash': by the SHA-1 of each file's path (stable as the"
          + " suite changes). 'balanced': longest estimated duration first onto the least loaded"
          + " shard, with estimates from the suite's run history (or step counts before any"
          + " history). 'dynamic': no file is bound to a shard up front; each shard pod takes"
          + " batches of work (see batch) from the operator as it goes, so shards that start late or"
          + " run fast take less or more. Default: balanced.")
  private Sharding sharding = Sharding.BALANCED;

  @JsonPropertyDescription("With sharding dynamic: how much work a shard takes at a time. Unset: mode time without a target.")
  private BatchSpec batch;

  @JsonPropertyDescription("Which action files of the suite run. Unset: all of them.")
  private Selector selector = new Selector();

  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Name of another TestRun in this namespace: run only the files that failed or errored"
          + " there (plus the files they depend on).")
  private String rerunFailedOf;

  @Min(1)
  @Max(MAX_SHARDS)
  @JsonPropertyDescription(
      "How many shard Jobs may run at once. The others are created suspended and released, lowest"
          + " shard first, as running ones finish. Unset: all at once.")
  private Integer parallelism;

  @JsonPropertyDescription("The browser sidecar: a WebDriver server (chromedriver) in each shard pod.")
  private BrowserSpec browser = new BrowserSpec();

  @JsonPropertyDescription("The executor container that runs a shard's files in each shard pod.")
  private ExecutorSpec executor = new ExecutorSpec();

  @JsonPropertyDescription(
      "Environment variables for the executor, available in action files as ${NAME} (for example"
          + " BASE_URL). Use valueFrom.secretKeyRef for credentials: values are never copied into"
          + " status, annotations or logs.")
  private List<EnvVar> env = new ArrayList<>();

  @Min(1)
  @JsonPropertyDescription(
      "Deadline for each shard, in seconds (the Job's activeDeadlineSeconds). A shard past it"
          + " ends the run in Error. Default: 3600.")
  private Long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

  @Min(0)
  @Max(MAX_RETRIES)
  @JsonPropertyDescription(
      "How many times a shard pod is retried after an infrastructure failure (the Job's"
          + " backoffLimit). Test failures are never retried, and pod disruptions (eviction,"
          + " preemption) are retried without counting. Default: 2.")
  private Integer retries = DEFAULT_RETRIES;

  @Min(0)
  @JsonPropertyDescription(
      "Seconds after the run finishes (status.completionTime) before the operator deletes its Jobs"
          + " and their pods. The TestRun and its status stay. Unset: Jobs are kept until the TestRun"
          + " is deleted.")
  private Integer ttlSecondsAfterFinished;

  @JsonPropertyDescription("How the suite's run history is used for estimates.")
  private HistorySpec history = new HistorySpec();

  @JsonPropertyDescription("Run every selected file once per variant (each in its own browser user context), for"
      + " example users admin and guest, or environments a and b with their BASE_URL. Results, JUnit, history and the"
      + " counts name each (file, variant) pair as PATH#NAME. Unset: the suite's variants.json, if any; an empty list:"
      + " no variants.")
  private List<VariantSpec> variants;

  @JsonPropertyDescription("With variants: report (default) lists where a variant's steps differ from the first"
      + " variant's (outcome, observed text, URL after the step); strict also fails that variant. Unset: the suite's"
      + " variants.json, else report.")
  private Compare compare;

  @JsonPropertyDescription("Stop at the first failed or errored file: shards finish the file they are running and skip"
      + " the rest (skipped (fail-fast)), shards not started yet do not start, and the run ends Failed with reason"
      + " FailFast naming the file. Default: false.")
  private Boolean failFast;

  @JsonPropertyDescription("Start every shard's first file together: each executor, its browser up, waits until every"
      + " shard's pod is ready, then all start within about a second of each other. Not with spec.parallelism below"
      + " spec.shards. Default: false.")
  private Boolean startTogether;

  @Min(1)
  @JsonPropertyDescription("With startTogether: how long, from the run's creation, every shard has to become ready;"
      + " a shard not ready by then ends the run in Error naming it. Default: 600.")
  private Integer startTogetherTimeoutSeconds;

  public SuiteSource getSuite() {
    return suite;
  }

  public void setSuite(SuiteSource suite) {
    this.suite = suite;
  }

  public Integer getShards() {
    return shards;
  }

  public void setShards(Integer shards) {
    this.shards = shards;
  }

  public Sharding getSharding() {
    return sharding;
  }

  public void setSharding(Sharding sharding) {
    this.sharding = sharding;
  }

  public BatchSpec getBatch() {
    return batch;
  }

  public void setBatch(BatchSpec batch) {
    this.batch = batch;
  }

  public Selector getSelector() {
    return selector;
  }

  public void setSelector(Selector selector) {
    this.selector = selector == null ? new Selector() : selector;
  }

  public String getRerunFailedOf() {
    return rerunFailedOf;
  }

  public void setRerunFailedOf(String rerunFailedOf) {
    this.rerunFailedOf = rerunFailedOf;
  }

  public Integer getParallelism() {
    return parallelism;
  }

  public void setParallelism(Integer parallelism) {
    this.parallelism = parallelism;
  }

  public BrowserSpec getBrowser() {
    return browser;
  }

  public void setBrowser(BrowserSpec browser) {
    this.browser = browser == null ? new BrowserSpec() : browser;
  }

  public ExecutorSpec getExecutor() {
    return executor;
  }

  public void setExecutor(ExecutorSpec executor) {
    this.executor = executor == null ? new ExecutorSpec() : executor;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env == null ? new ArrayList<>() : env;
  }

  public Long getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  public Integer getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }

  public HistorySpec getHistory() {
    return history;
  }

  public void setHistory(HistorySpec history) {
    this.history = history == null ? new HistorySpec() : history;
  }

  public List<VariantSpec> getVariants() {
    return variants;
  }

  public void setVariants(List<VariantSpec> variants) {
    this.variants = variants;
  }

  public Compare getCompare() {
    return compare;
  }

  public void setCompare(Compare compare) {
    this.compare = compare;
  }

  public Boolean getFailFast() {
    return failFast;
  }

  public void setFailFast(Boolean failFast) {
    this.failFast = failFast;
  }

  public Boolean getStartTogether() {
    return startTogether;
  }

  public void setStartTogether(Boolean startTogether) {
    this.startTogether = startTogether;
  }

  public Integer getStartTogetherTimeoutSeconds() {
    return startTogetherTimeoutSeconds;
  }

  public void setStartTogetherTimeoutSeconds(Integer startTogetherTimeoutSeconds) {
    this.startTogetherTimeoutSeconds = startTogetherTimeoutSeconds;
  }

  /** Whether spec.startTogether is set to true. */
  public boolean startsTogether() {
    return Boolean.TRUE.equals(startTogether);
  }

  /** spec.startTogetherTimeoutSeconds, or its default. */
  public int startTogetherTimeout() {
    return startTogetherTimeoutSeconds == null ? DEFAULT_START_TOGETHER_TIMEOUT_SECONDS : startTogetherTimeoutSeconds;
  }

  /** Whether spec.failFast is set to true. */
  public boolean failsFast() {
    return Boolean.TRUE.equals(failFast);
  }
}
