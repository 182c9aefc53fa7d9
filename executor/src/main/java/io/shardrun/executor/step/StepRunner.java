package io.shardrun.executor.step;

import io.shardrun.core.action.Command;
import io.shardrun.core.action.EventRules;
import io.shardrun.core.action.Locator;
import io.shardrun.core.action.Step;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.MoveTargetOutOfBoundsException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs steps in one browser session with Selenium IDE's semantics (docs/action-files.md). Waits
 * are explicit, polling for a condition up to the step's timeout; nothing sleeps but
 * {@code pause}. A step that does not hold throws {@link StepFailedException}; a dead browser
 * surfaces as the WebDriver exception, which {@link Infrastructure} classifies.
 */
public final class StepRunner {
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);

  private final WebDriver driver;
  private final RunVariables vars;
  private final Duration defaultWait;
  private final ScreenshotSink screenshots;
  private final BudgetAssertion budgets;
  private final EventSteps events;

  /** Where {@code screenshot} steps save their PNG, by the name the step gives. */
  @FunctionalInterface
  public interface ScreenshotSink {
    void save(String name, byte[] png);
  }

  /** What {@code assertWithinBudget} checks against: the suite's budgets.json, given a route (empty for the page's own). */
  @FunctionalInterface
  public interface BudgetAssertion {
    /** @return what was observed; throws {@link StepFailedException} when over a limit */
    String check(String route);
  }

  /** What {@code publishEvent} and {@code waitForEvent} act on: the run's cross-shard events. */
  public interface EventSteps {
    /** @return the value as published; throws {@link StepFailedException} past a limit */
    String publish(String topic, String value);

    /**
     * @param written the pattern as the step writes it, for messages
     * @return the value of the first event on {@code topic} that matches {@code pattern} whole;
     *     throws {@link StepFailedException} when none comes within {@code wait}
     */
    String await(String topic, Pattern pattern, String written, Duration wait);
  }

  public StepRunner(WebDriver driver, RunVariables vars, Duration defaultWait, ScreenshotSink screenshots,
      BudgetAssertion budgets, EventSteps events) {
    this.driver = driver;
    this.vars = vars;
    this.defaultWait = defaultWait;
    this.screenshots = screenshots;
    this.budgets = budgets;
    this.events = events;
  }

  /**
   * Runs {@code step}.
   *
   * @return what the browser showed, where the command reads something; null otherwise
   */
  public String run(Step step) {
    Command c = step.command();
    Duration wait = waitFor(step);
    return switch (c) {
      case OPEN -> open(vars.substitute(step.target()));
      case CLICK -> act(step, wait, ExpectedConditions::elementToBeClickable, WebElement::click);
      case DOUBLE_CLICK -> act(step, wait, ExpectedConditions::elementToBeClickable, e -> new Actions(driver).doubleClick(e).perform());
      case TYPE -> act(step, wait, ExpectedConditions::presenceOfElementLocated, e -> {
        e.clear();
        e.sendKeys(vars.substitute(step.value()));
      });
      case SEND_KEYS -> act(step, wait, ExpectedConditions::presenceOfElementLocated, e -> e.sendKeys(vars.substituteKeys(step.value())));
      case SELECT -> act(step, wait, ExpectedConditions::presenceOfElementLocated, e -> select(e, vars.substitute(step.value())));
      case CHECK -> act(step, wait, ExpectedConditions::elementToBeClickable, e -> setChecked(e, true));
      case UNCHECK -> act(step, wait, ExpectedConditions::elementToBeClickable, e -> setChecked(e, false));
      case MOUSE_OVER -> act(step, wait, ExpectedConditions::visibilityOfElementLocated, e -> new Actions(driver).moveToElement(e).perform());
      case MOUSE_OUT -> act(step, wait, ExpectedConditions::visibilityOfElementLocated, this::mouseOut);
      case PAUSE -> pause(vars.substitute(step.target()));
      case SET_WINDOW_SIZE -> setWindowSize(vars.substitute(step.target()));
      case WAIT_FOR_ELEMENT_VISIBLE -> waitUntil(step, wait, ExpectedConditions.visibilityOfElementLocated(by(step)), "visible");
      case WAIT_FOR_ELEMENT_NOT_VISIBLE -> waitUntil(step, wait, ExpectedConditions.invisibilityOfElementLocated(by(step)), "hidden");
      case WAIT_FOR_ELEMENT_PRESENT -> waitUntil(step, wait, ExpectedConditions.presenceOfElementLocated(by(step)), "present");
      case WAIT_FOR_ELEMENT_NOT_PRESENT -> waitUntil(step, wait, d -> d.findElements(by(step)).isEmpty(), "gone");
      case WAIT_FOR_ELEMENT_EDITABLE -> waitUntil(step, wait, d -> first(d, step).filter(StepRunner::editable).isPresent(), "editable");
      case WAIT_FOR_ELEMENT_NOT_EDITABLE -> waitUntil(step, wait, d -> first(d, step).filter(e -> !editable(e)).isPresent(), "not editable");
      case ASSERT_TEXT, VERIFY_TEXT -> expectEqual(step, find(step, wait).getText(), true);
      case ASSERT_NOT_TEXT, VERIFY_NOT_TEXT -> expectEqual(step, find(step, wait).getText(), false);
      case ASSERT_VALUE, VERIFY_VALUE -> expectEqual(step, valueOf(find(step, wait)), true);
      case ASSERT_TITLE, VERIFY_TITLE -> expect(driver.getTitle(), vars.substitute(step.target()), true);
      case ASSERT_ELEMENT_PRESENT, VERIFY_ELEMENT_PRESENT -> present(step, wait);
      case ASSERT_ELEMENT_NOT_PRESENT, VERIFY_ELEMENT_NOT_PRESENT -> notPresent(step);
      case ASSERT_CHECKED, VERIFY_CHECKED -> checked(find(step, wait), true);
      case ASSERT_NOT_CHECKED, VERIFY_NOT_CHECKED -> checked(find(step, wait), false);
      case ASSERT, VERIFY -> expect(variable(step.target()), vars.substitute(step.value()), true);
      case ASSERT_WITHIN_BUDGET -> budgets.check(vars.substitute(step.target()));
      case STORE -> store(step.value(), vars.substitute(step.target()));
      case STORE_TEXT -> store(step.value(), find(step, wait).getText());
      case STORE_VALUE -> store(step.value(), valueOf(find(step, wait)));
      case STORE_TITLE -> store(step.target(), driver.getTitle());
      case EXECUTE_SCRIPT -> executeScript(step);
      case RUN_SCRIPT -> runScript(step);
      case ECHO -> vars.substitute(step.target()); // recorded as what the step observed
      case SCREENSHOT -> screenshot(vars.substitute(step.target()));
      // Masked as messages are: an event travels to annotations and reports.
      case PUBLISH_EVENT -> events.publish(topic(step), vars.mask(vars.substitute(step.value())));
      case WAIT_FOR_EVENT -> events.await(topic(step), EventRules.pattern(step.value(), name -> vars.substitute("${" + name + "}")),
          step.value(), wait);
    };
  }

  /** The step's wait: a waitFor* value in ms (Selenium IDE), else timeout_s, else the default. */
  Duration waitFor(Step step) {
    if (step.command().isWait() && !step.value().isEmpty()) {
      return Duration.ofMillis(Long.parseLong(vars.substitute(step.value())));
    }
    return step.timeoutS() != null ? Duration.ofSeconds(step.timeoutS()) : defaultWait;
  }

  private String open(String url) {
    String absolute = url;
    if (!URI.create(url.replace(" ", "%20")).isAbsolute()) {
      String base = vars.get("BASE_URL");
      if (base == null) {
        throw new StepFailedException("'" + url + "' is not an absolute URL and BASE_URL is not set");
      }
      absolute = base.replaceAll("/+$", "") + (url.startsWith("/") ? url : "/" + url);
    }
    driver.get(absolute);
    return driver.getCurrentUrl();
  }

  private String act(Step step, Duration wait, Function<By, org.openqa.selenium.support.ui.ExpectedCondition<WebElement>> ready,
      Consumer<WebElement> action) {
    By by = by(step);
    WebElement element;
    try {
      element = new WebDriverWait(driver, wait, POLL).until(ready.apply(by));
    } catch (TimeoutException e) {
      throw notReady(step, by, wait);
    }
    action.accept(element);
    return null;
  }

  private StepFailedException notReady(Step step, By by, Duration wait) {
    List<WebElement> found = driver.findElements(by);
    String state = found.isEmpty() ? "no element matches it"
        : !found.get(0).isDisplayed() ? "the element is not visible"
        : !found.get(0).isEnabled() ? "the element is disabled" : "the element is not ready";
    return new StepFailedException(state + " after " + seconds(wait));
  }

  private WebElement find(Step step, Duration wait) {
    By by = by(step);
    try {
      return new WebDriverWait(driver, wait, POLL).until(ExpectedConditions.presenceOfElementLocated(by));
    } catch (TimeoutException e) {
      throw new StepFailedException("no element matches it after " + seconds(wait));
    }
  }

  private String waitUntil(Step step, Duration wait, Function<WebDriver, ?> condition, String what) {
    try {
      new WebDriverWait(driver, wait, POLL).until(condition::apply);
      return null;
    } catch (TimeoutException e) {
      throw new StepFailedException("the element was not " + what + " after " + seconds(wait));
    }
  }

  private java.util.Optional<WebElement> first(WebDriver d, Step step) {
    return d.findElements(by(step)).stream().findFirst();
  }

  private String present(Step step, Duration wait) {
    find(step, wait);
    return null;
  }

  private String notPresent(Step step) {
    int count = driver.findElements(by(step)).size();
    if (count > 0) {
      throw new StepFailedException("expected no element, found " + count, count + " element(s)");
    }
    return null;
  }

  private String expectEqual(Step step, String observed, boolean equal) {
    return expect(observed, vars.substitute(step.value()), equal);
  }

  private static String expect(String observed, String expected, boolean equal) {
    if (Objects.equals(observed, expected) != equal) {
      throw new StepFailedException(equal
          ? "expected '" + expected + "' but was '" + observed + "'"
          : "expected anything but '" + expected + "'", observed);
    }
    return observed;
  }

  private static String checked(WebElement element, boolean expected) {
    boolean selected = element.isSelected();
    if (selected != expected) {
      throw new StepFailedException(expected ? "expected checked but was unchecked" : "expected unchecked but was checked",
          selected ? "checked" : "unchecked");
    }
    return selected ? "checked" : "unchecked";
  }

  private String variable(String name) {
    String value = vars.get(name);
    if (value == null) {
      throw new StepFailedException("variable " + name + " is not set");
    }
    return value;
  }

  private String store(String name, String value) {
    vars.put(name, value);
    return value;
  }

  private String executeScript(Step step) {
    RunVariables.Script script = vars.script(step.target());
    Object result = ((JavascriptExecutor) driver).executeScript(script.body(), script.args());
    String text = asText(result);
    if (!step.value().isEmpty()) {
      vars.put(step.value(), text);
    }
    return text;
  }

  private String runScript(Step step) {
    RunVariables.Script script = vars.script(step.target());
    ((JavascriptExecutor) driver).executeScript(script.body(), script.args());
    return null;
  }

  /** A script result as Selenium IDE shows it: whole numbers without ".0", null as empty. */
  static String asText(Object result) {
    if (result == null) {
      return "";
    }
    if (result instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return result.toString();
  }

  private String screenshot(String name) {
    screenshots.save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return name;
  }

  private static String pause(String millis) {
    try {
      Thread.sleep(Long.parseLong(millis)); // the one fixed wait: the step asks for it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailedException("interrupted");
    }
    return null;
  }

  private String setWindowSize(String size) {
    String[] wh = size.split("x");
    driver.manage().window().setSize(new Dimension(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
    return size;
  }

  private static void select(WebElement element, String option) {
    Select select = new Select(element);
    String arg = option.substring(option.indexOf('=') + 1);
    try {
      switch (option.substring(0, option.indexOf('='))) {
        case "label" -> select.selectByVisibleText(arg);
        case "value" -> select.selectByValue(arg);
        case "index" -> select.selectByIndex(Integer.parseInt(arg));
        case "id" -> select.getOptions().stream().filter(o -> arg.equals(o.getDomAttribute("id"))).findFirst()
            .orElseThrow(() -> new StepFailedException("no option with id '" + arg + "'")).click();
        default -> throw new StepFailedException("'" + option + "' is not an option locator (label=, value=, index=, id=)");
      }
    } catch (org.openqa.selenium.NoSuchElementException | NumberFormatException e) {
      throw new StepFailedException("no option matches '" + option + "'");
    }
  }

  private static void setChecked(WebElement element, boolean checked) {
    if (element.isSelected() != checked) {
      element.click();
    }
  }

  /** Moves the pointer just off the element: above it, or right of it when it touches the top. */
  private void mouseOut(WebElement element) {
    Rectangle r = element.getRect();
    try {
      new Actions(driver).moveToElement(element, 0, -(r.getHeight() / 2) - 2).perform();
    } catch (MoveTargetOutOfBoundsException e) {
      new Actions(driver).moveToElement(element, r.getWidth() / 2 + 2, 0).perform();
    }
  }

  private static boolean editable(WebElement element) {
    return element.isEnabled() && element.getDomAttribute("readonly") == null;
  }

  private static String valueOf(WebElement element) {
    String value = element.getDomProperty("value");
    return value == null ? "" : value;
  }

  private By by(Step step) {
    String text = vars.substitute(step.target());
    Locator locator = Locator.parse(text)
        .orElseThrow(() -> new StepFailedException("'" + text + "' is not " + Locator.EXPECTED));
    return switch (locator.strategy()) {
      case CSS -> By.cssSelector(locator.expression());
      case XPATH -> By.xpath(locator.expression());
      case ID -> By.id(locator.expression());
      case NAME -> By.name(locator.expression());
      case LINK_TEXT -> By.linkText(locator.expression());
    };
  }

  private String topic(Step step) {
    String topic = vars.substitute(step.target());
    if (!EventRules.TOPIC.matcher(topic).matches()) {
      throw new StepFailedException("'" + topic + "' is not " + EventRules.TOPIC_EXPECTED);
    }
    return topic;
  }

  /** A wait as step messages write it: {@code 5 s}, {@code 1500 ms}. */
  public static String seconds(Duration wait) {
    return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
  }
}
