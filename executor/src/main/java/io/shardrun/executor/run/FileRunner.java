package io.shardrun.executor.run;

import io.shardrun.core.action.ActionFile;
import io.shardrun.core.action.Step;
import io.shardrun.core.action.Variables;
import io.shardrun.core.budget.Budgets;
import io.shardrun.core.results.FileRun;
import io.shardrun.core.results.Outcome;
import io.shardrun.core.results.StepRecord;
import io.shardrun.core.results.StepStatus;
import io.shardrun.core.variant.Variant;
import io.shardrun.core.variant.VariantIds;
import io.shardrun.executor.browser.BrowserSession;
import io.shardrun.executor.browser.SessionFactory;
import io.shardrun.executor.browser.SessionNeeds;
import io.shardrun.executor.budget.PageBudgets;
import io.shardrun.executor.event.EventBus;
import io.shardrun.executor.event.FileEvents;
import io.shardrun.executor.event.MemoryEventBus;
import io.shardrun.executor.step.ErrorText;
import io.shardrun.executor.step.Infrastructure;
import io.shardrun.executor.step.RunVariables;
import io.shardrun.executor.step.StepFailedException;
import io.shardrun.executor.step.StepRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * Runs one action file in a browser session of its own, or a user context of its own in the
 * worker's browser (as its {@link SessionFactory} and the file's meta.isolation say; a file that
 * loads extensions gets a browser of its own with them): its steps in order, {@code verify*} failures
 * recorded and passed over, anything else stopping the file. An {@link Alarm} stops a file at its
 * time limit or the run's deadline, whatever its page does. Infrastructure errors (the browser or
 * driver lost) are retried up to {@code meta.retries} times, each in a new session or context; test failures never.
 * With the suite's budgets.json, each step's new page is measured and held against its budget: a
 * {@code mode: fail} budget passed fails the step as a failed {@code verify*} does.
 */
public final class FileRunner {
  /** How long past its attempt's limit a WebDriver call may wait: the backstop should an alarm not end it. */
  static final Duration CALL_GRACE = Duration.ofSeconds(5);

  private final SessionFactory sessions;
  private final Map<String, String> environment;
  private final RunLimits limits;
  private final Path shardDir;
  private final ScheduledExecutorService watchdog;
  private final EventBus events;
  private final AtomicInteger shardPublished = new AtomicInteger();

  /**
   * @param environment variables every file starts with (BASE_URL, spec.env)
   * @param shardDir artifact folder of the shard: {@code <out>/<run>/<shard>}
   * @param watchdog runs the time-limit checks; shared by a run's workers
   * @param events the run's cross-shard events; the runner runs one shard's files
   */
  public FileRunner(SessionFactory sessions, Map<String, String> environment, RunLimits limits, Path shardDir,
      ScheduledExecutorService watchdog, EventBus events) {
    this.sessions = sessions;
    this.environment = Map.copyOf(environment);
    this.limits = limits;
    this.shardDir = shardDir;
    this.watchdog = watchdog;
    this.events = events;
  }

  /** A runner alone: its files hear only each other's events. */
  public FileRunner(SessionFactory sessions, Map<String, String> environment, RunLimits limits, Path shardDir,
      ScheduledExecutorService watchdog) {
    this(sessions, environment, limits, shardDir, watchdog, new MemoryEventBus());
  }

  /**
   * @param variant the variant it runs in, its variables over the environment; null for none
   * @param budgets the suite's budgets.json
   */
  public FileRun run(ActionFile file, Variant variant, int shard, Budgets budgets) {
    String id = variant == null ? file.path() : VariantIds.of(file.path(), variant.name());
    Artifacts artifacts = Artifacts.forFile(shardDir, id);
    FileEvents fileEvents = new FileEvents(events, id, shard, shardPublished);
    long started = System.nanoTime();
    long startedMs = System.currentTimeMillis();
    int maxAttempts = 1 + file.meta().retries();
    Attempt attempt = null;
    int attempts = 0;
    while (attempts < maxAttempts) {
      attempts++;
      attempt = attempt(file, variant, budgets, artifacts, fileEvents);
      if (attempt.outcome != Outcome.ERROR || limits.runDeadlinePassed()) {
        break;
      }
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    return new FileRun(id, VariantIds.name(file.meta().name(), id), shard, attempt.outcome, durationMs, attempts,
        file.meta().tags(), attempt.failedStep, attempt.message, attempt.records, startedMs, fileEvents.published());
  }

  /** One attempt's result. */
  private static final class Attempt {
    Outcome outcome = Outcome.PASSED;
    Integer failedStep;
    String message;
    final List<StepRecord> records = new ArrayList<>();

    void fail(Outcome how, int step, String why) {
      if (failedStep == null) {
        outcome = how;
        failedStep = step;
        message = why;
      }
    }
  }

  private Attempt attempt(ActionFile file, Variant variant, Budgets budgets, Artifacts artifacts, FileEvents fileEvents) {
    Attempt attempt = new Attempt();
    Duration limit = limits.fileLimit(file);
    BrowserSession session;
    try {
      session = sessions.open(limits.timeUntilAlarm(limit).plus(CALL_GRACE), SessionNeeds.of(file.meta()));
    } catch (RuntimeException e) {
      String why = limits.runDeadlinePassed() ? startedTooLate() : "no browser session: " + ErrorText.of(e);
      attempt.fail(Outcome.ERROR, 0, why);
      notRun(file, 0, attempt);
      return attempt;
    }
    try (session) {
      if (limits.runDeadlinePassed()) {
        attempt.fail(Outcome.ERROR, 0, startedTooLate());
        notRun(file, 0, attempt);
        return attempt;
      }
      Duration untilAlarm = limits.timeUntilAlarm(limit);
      // Which limit the alarm is for is known now; asking the wall clock when it fires is not
      // reliable: the scheduler's clock may fire it a moment before the deadline's instant.
      String reason = untilAlarm.compareTo(limit) < 0
          ? limits.deadlinePassed()
          : "timed out after " + limit.toSeconds() + " s (meta.timeout_s, or the run's --file-timeout)";
      try (Alarm alarm = new Alarm(watchdog, untilAlarm, reason, session)) {
        runSteps(file, variant, session, budgets, artifacts, attempt, alarm, fileEvents);
      }
    }
    return attempt;
  }

  /** A file whose browser was not ready before the run's deadline: none of its steps ran. */
  private String startedTooLate() {
    return "not run: " + limits.deadlinePassed() + " while its browser started";
  }

  private void runSteps(ActionFile file, Variant variant, BrowserSession session, Budgets budgets,
      Artifacts artifacts, Attempt attempt, Alarm alarm, FileEvents fileEvents) {
    RunVariables vars = variables(variant);
    PageBudgets pages = new PageBudgets(budgets, session.driver(), vars::mask);
    StepRunner runner = new StepRunner(session.driver(), vars, limits.defaultWait(), (name, png) -> {
      try {
        artifacts.save(name, png);
      } catch (IllegalArgumentException e) {
        throw new StepFailedException(e.getMessage());
      }
    }, pages::assertWithin, fileEvents);
    List<Step> steps = file.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      long t0 = System.nanoTime();
      StepStatus status = StepStatus.PASSED;
      String observed = null;
      String error = null;
      try {
        observed = runner.run(step);
      } catch (StepFailedException e) {
        status = StepStatus.FAILED;
        observed = e.observed();
        error = e.getMessage();
      } catch (RuntimeException e) {
        status = Infrastructure.isInfrastructure(e) ? StepStatus.ERROR : StepStatus.FAILED;
        error = ErrorText.of(e);
      }
      String stopped = alarm.fired();
      if (stopped != null) {
        // The step ran into the limit: how its call ended (an interrupt, a closed browser, or
        // even an answer) is not what went wrong.
        status = StepStatus.FAILED;
        error = stopped;
      }
      // Asking the browser is a round trip: not after a step that cannot have loaded a page, unless
      // it is the last, where a page that loaded by itself would otherwise go unmeasured.
      boolean measure = status == StepStatus.PASSED && (step.command().mayLoadAPage() || i == steps.size() - 1);
      PageBudgets.PageCheck page = measure ? pages.afterStep() : PageBudgets.PageCheck.NONE;
      if (page.failure() != null) {
        status = StepStatus.FAILED;
        error = page.failure();
      }
      observed = vars.mask(observed);
      error = vars.mask(error);
      String url = variant != null && status != StepStatus.ERROR && stopped == null ? urlAfter(session, vars) : null;
      attempt.records.add(new StepRecord(i, step.origin(), step.command().wireName(), step.target(), step.value(),
          status, (System.nanoTime() - t0) / 1_000_000, observed, error, page.metrics(), page.warnings(), url));
      if (status == StepStatus.PASSED) {
        continue;
      }
      String message = describe(step, error);
      if (status == StepStatus.ERROR) {
        attempt.fail(Outcome.ERROR, i, message);
        notRun(file, i + 1, attempt);
        return;
      }
      attempt.fail(Outcome.FAILED, i, message);
      if (stopped == null) {
        screenshotOnFailure(session, artifacts);
      }
      // A page over its budget was still reached: the steps after it go on, as after a failed verify*.
      if (!(step.command().isVerify() || page.failure() != null) || stopped != null) {
        notRun(file, i + 1, attempt);
        return;
      }
    }
  }

  /**
   * The environment with the variant's variables over it. A variant's BASE_URL is masked as the
   * environment's is, so that two environments showing the same page compare equal; its other
   * values (a user's name) are what the variants differ in, and stay visible.
   */
  private RunVariables variables(Variant variant) {
    if (variant == null) {
      return new RunVariables(environment);
    }
    Map<String, String> masked = new HashMap<>(environment);
    Map<String, String> plain = new HashMap<>();
    variant.vars().forEach((name, value) -> (name.equals("BASE_URL") ? masked : plain).put(name, Variables.substitute(value, environment)));
    RunVariables vars = new RunVariables(masked);
    plain.forEach(vars::put);
    return vars;
  }

  /** The page's URL after a step, masked as observations are; null when it cannot be read. */
  private static String urlAfter(BrowserSession session, RunVariables vars) {
    try {
      return vars.mask(session.driver().getCurrentUrl());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Names the step, its locator or target, and what went wrong (expected against observed). */
  static String describe(Step step, String error) {
    String target = step.target().isEmpty() ? "" : " " + step.target();
    return step.origin() + " " + step.command().wireName() + target + ": " + error;
  }

  private static void notRun(ActionFile file, int from, Attempt attempt) {
    for (int i = from; i < file.steps().size(); i++) {
      Step step = file.steps().get(i);
      attempt.records.add(new StepRecord(i, step.origin(), step.command().wireName(), step.target(), step.value(),
          StepStatus.NOT_RUN, 0, null, null));
    }
  }

  private static void screenshotOnFailure(BrowserSession session, Artifacts artifacts) {
    try {
      artifacts.save(Artifacts.FAILURE_SCREENSHOT, ((TakesScreenshot) session.driver()).getScreenshotAs(OutputType.BYTES));
    } catch (RuntimeException e) {
      // The failure is what matters; a screenshot that cannot be taken is not a second failure.
    }
  }
}
