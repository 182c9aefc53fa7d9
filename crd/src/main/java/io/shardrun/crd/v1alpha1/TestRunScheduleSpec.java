package io.shardrun.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * When to create a TestRun and which; the fields and their meaning are a CronJob's. Unset optional
 * fields keep the Java defaults below, as in {@link TestRunSpec}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestRunScheduleSpec {
  public static final String DEFAULT_TIME_ZONE = "UTC";
  public static final int DEFAULT_SUCCESSFUL_RUNS_HISTORY_LIMIT = 3;
  public static final int DEFAULT_FAILED_RUNS_HISTORY_LIMIT = 1;

  @Required
  @JsonPropertyDescription(
      "When to run, in cron format as a CronJob's: five fields (minute hour day-of-month month"
          + " day-of-week), for example '0 2 * * *' at 02:00 every day, or one of @yearly,"
          + " @annually, @monthly, @weekly, @daily, @midnight, @hourly.")
  private String schedule;

  @JsonPropertyDescription("The time zone the schedule is read in, an IANA name such as Europe/Berlin. Default: UTC.")
  private String timeZone = DEFAULT_TIME_ZONE;

  @Required
  @JsonPropertyDescription("The TestRun created at each scheduled time.")
  private TestRunTemplate template;

  @JsonPropertyDescription(
      "When a run is due while an earlier one has not finished: Allow (start it anyway), Forbid"
          + " (skip it) or Replace (delete the unfinished runs, then start it). Default: Allow.")
  private ConcurrencyPolicy concurrencyPolicy = ConcurrencyPolicy.ALLOW;

  @Min(0)
  @JsonPropertyDescription(
      "How late, in seconds, a run may still start after its scheduled time (for example after"
          + " the operator was down); a run missed by more is skipped. Unset: no deadline.")
  private Long startingDeadlineSeconds;

  @JsonPropertyDescription("True: create no new runs; runs already started go on. Default: false.")
  private Boolean suspend = false;

  @Min(0)
  @JsonPropertyDescription("How many Succeeded runs to keep; older ones are deleted. Default: 3.")
  private Integer successfulRunsHistoryLimit = DEFAULT_SUCCESSFUL_RUNS_HISTORY_LIMIT;

  @Min(0)
  @JsonPropertyDescription("How many Failed or Error runs to keep; older ones are deleted. Default: 1.")
  private Integer failedRunsHistoryLimit = DEFAULT_FAILED_RUNS_HISTORY_LIMIT;

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
  }

  public TestRunTemplate getTemplate() {
    return template;
  }

  public void setTemplate(TestRunTemplate template) {
    this.template = template;
  }

  public ConcurrencyPolicy getConcurrencyPolicy() {
    return concurrencyPolicy;
  }

  public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
    this.concurrencyPolicy = concurrencyPolicy == null ? ConcurrencyPolicy.ALLOW : concurrencyPolicy;
  }

  public Long getStartingDeadlineSeconds() {
    return startingDeadlineSeconds;
  }

  public void setStartingDeadlineSeconds(Long startingDeadlineSeconds) {
    this.startingDeadlineSeconds = startingDeadlineSeconds;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend == null ? Boolean.FALSE : suspend;
  }

  public Integer getSuccessfulRunsHistoryLimit() {
    return successfulRunsHistoryLimit;
  }

  public void setSuccessfulRunsHistoryLimit(Integer successfulRunsHistoryLimit) {
    this.successfulRunsHistoryLimit = successfulRunsHistoryLimit == null ? DEFAULT_SUCCESSFUL_RUNS_HISTORY_LIMIT
        : successfulRunsHistoryLimit;
  }

  public Integer getFailedRunsHistoryLimit() {
    return failedRunsHistoryLimit;
  }

  public void setFailedRunsHistoryLimit(Integer failedRunsHistoryLimit) {
    this.failedRunsHistoryLimit = failedRunsHistoryLimit == null ? DEFAULT_FAILED_RUNS_HISTORY_LIMIT : failedRunsHistoryLimit;
  }
}
