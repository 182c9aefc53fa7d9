package io.shardrun.cli;

import io.shardrun.core.action.Command;
import io.shardrun.core.action.Step;
import io.shardrun.core.action.Variables;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bench's baseline interpreter: each action-file command as the Selenium calls it needs, and
 * nothing else (no executor code, no results, no page metrics). It waits where the executor's step
 * waits, for the same condition, polling as often; any step that does not hold ends the file.
 */
final class PlainWebDriverSteps {
  /** Commands the baseline does not map: assertWithinBudget reads the executor's page metrics. */
  static final List<Command> UNMAPPED = List.of(Command.ASSERT_WITHIN_BUDGET);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);

  private final WebDriver driver;
  private final Map<String, String> vars;

  PlainWebDriverSteps(WebDriver driver, Map<String, String> environment) {
    this.driver = driver;
    this.vars = new HashMap<>(environment);
  }

  void run(Step step) {
    String target = sub(step.target());
    String value = step.value();
    switch (step.command()) {
      case OPEN -> driver.get(target);
      case CLICK -> until(step, ExpectedConditions.elementToBeClickable(by(target))).click();
      case DOUBLE_CLICK -> new Actions(driver).doubleClick(until(step, ExpectedConditions.elementToBeClickable(by(target)))).perform();
      case TYPE -> {
        WebElement e = until(step, ExpectedConditions.presenceOfElementLocated(by(target)));
        e.clear();
        e.sendKeys(sub(value));
      }
      case SEND_KEYS -> until(step, ExpectedConditions.presenceOfElementLocated(by(target))).sendKeys(keys(value));
      case SELECT -> select(new Select(until(step, ExpectedConditions.presenceOfElementLocated(by(target)))), sub(value));
      case CHECK, UNCHECK -> {
        WebElement e = until(step, ExpectedConditions.elementToBeClickable(by(target)));
        if (e.isSelected() != (step.command() == Command.CHECK)) {
          e.click();
        }
      }
      case MOUSE_OVER -> new Actions(driver).moveToElement(until(step, ExpectedConditions.visibilityOfElementLocated(by(target)))).perform();
      case MOUSE_OUT -> {
        WebElement e = until(step, ExpectedConditions.visibilityOfElementLocated(by(target)));
        new Actions(driver).moveToElement(e, 0, -(e.getRect().getHeight() / 2) - 2).perform();
      }
      case PAUSE -> sleep(Long.parseLong(target));
      case SET_WINDOW_SIZE -> {
        String[] wh = target.split("x");
        driver.manage().window().setSize(new Dimension(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
      }
      case WAIT_FOR_ELEMENT_VISIBLE -> until(step, ExpectedConditions.visibilityOfElementLocated(by(target)));
      case WAIT_FOR_ELEMENT_NOT_VISIBLE -> until(step, ExpectedConditions.invisibilityOfElementLocated(by(target)));
      case WAIT_FOR_ELEMENT_PRESENT -> until(step, ExpectedConditions.presenceOfElementLocated(by(target)));
      case WAIT_FOR_ELEMENT_NOT_PRESENT -> until(step, d -> d.findElements(by(target)).isEmpty());
      case WAIT_FOR_ELEMENT_EDITABLE -> until(step, d -> d.findElements(by(target)).stream().findFirst().filter(PlainWebDriverSteps::editable).isPresent());
      case WAIT_FOR_ELEMENT_NOT_EDITABLE -> until(step, d -> d.findElements(by(target)).stream().findFirst().filter(e -> !editable(e)).isPresent());
      case ASSERT_TEXT, VERIFY_TEXT -> same(find(step, target).getText(), sub(value), true);
      case ASSERT_NOT_TEXT, VERIFY_NOT_TEXT -> same(find(step, target).getText(), sub(value), false);
      case ASSERT_VALUE, VERIFY_VALUE -> same(valueOf(find(step, target)), sub(value), true);
      case ASSERT_TITLE, VERIFY_TITLE -> same(driver.getTitle(), target, true);
      case ASSERT_ELEMENT_PRESENT, VERIFY_ELEMENT_PRESENT -> find(step, target);
      case ASSERT_ELEMENT_NOT_PRESENT, VERIFY_ELEMENT_NOT_PRESENT -> same(driver.findElements(by(target)).size(), 0, true);
      case ASSERT_CHECKED, VERIFY_CHECKED -> same(find(step, target).isSelected(), true, true);
      case ASSERT_NOT_CHECKED, VERIFY_NOT_CHECKED -> same(find(step, target).isSelected(), false, true);
      case ASSERT, VERIFY -> same(vars.get(step.target()), sub(value), true);
      case STORE -> vars.put(value, target);
      case STORE_TEXT -> vars.put(value, find(step, target).getText());
      case STORE_VALUE -> vars.put(value, valueOf(find(step, target)));
      case STORE_TITLE -> vars.put(step.target(), driver.getTitle());
      case EXECUTE_SCRIPT -> {
        Object result = ((JavascriptExecutor) driver).executeScript(target);
        if (!value.isEmpty()) {
          vars.put(value, result instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(result));
        }
      }
      case RUN_SCRIPT -> ((JavascriptExecutor) driver).executeScript(target);
      case ECHO -> { }
      case SCREENSHOT -> ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      case ASSERT_WITHIN_BUDGET -> throw new IllegalStateException(step.command().wireName() + " is not mapped");
    }
  }

  private <T> T until(Step step, Function<WebDriver, T> condition) {
    Duration wait = step.command().isWait() && !step.value().isEmpty() ? Duration.ofMillis(Long.parseLong(step.value()))
        : step.timeoutS() != null ? Duration.ofSeconds(step.timeoutS()) : WAIT;
    return new WebDriverWait(driver, wait, POLL).until(condition);
  }

  private WebElement find(Step step, String target) {
    return until(step, ExpectedConditions.presenceOfElementLocated(by(target)));
  }

  private static void same(Object observed, Object expected, boolean equal) {
    if (Objects.equals(observed, expected) != equal) {
      throw new IllegalStateException("expected " + (equal ? "" : "anything but ") + "'" + expected + "', got '" + observed + "'");
    }
  }

  private static void select(Select select, String option) {
    String arg = option.substring(option.indexOf('=') + 1);
    switch (option.substring(0, option.indexOf('='))) {
      case "label" -> select.selectByVisibleText(arg);
      case "value" -> select.selectByValue(arg);
      case "index" -> select.selectByIndex(Integer.parseInt(arg));
      default -> select.getOptions().stream().filter(o -> arg.equals(o.getDomAttribute("id"))).findFirst().orElseThrow().click();
    }
  }

  private static boolean editable(WebElement e) {
    return e.isEnabled() && e.getDomAttribute("readonly") == null;
  }

  private static String valueOf(WebElement e) {
    return Objects.requireNonNullElse(e.getDomProperty("value"), "");
  }

  private String sub(String text) {
    return Variables.substitute(text, vars);
  }

  private String keys(String text) {
    return Variables.substitute(text, name -> name.startsWith("KEY_") ? Keys.valueOf(name.substring(4)).toString() : vars.get(name));
  }

  private static By by(String locator) {
    String how = locator.substring(0, locator.indexOf('='));
    String what = locator.substring(locator.indexOf('=') + 1);
    return switch (how) {
      case "css" -> By.cssSelector(what);
      case "xpath" -> By.xpath(what);
      case "id" -> By.id(what);
      case "name" -> By.name(what);
      default -> By.linkText(what);
    };
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
