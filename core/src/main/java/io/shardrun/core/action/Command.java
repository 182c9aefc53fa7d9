package io.shardrun.core.action;

import static io.shardrun.core.action.Arg.EVENT_PATTERN;
import static io.shardrun.core.action.Arg.LOCATOR;
import static io.shardrun.core.action.Arg.MILLIS;
import static io.shardrun.core.action.Arg.NONE;
import static io.shardrun.core.action.Arg.OPTION;
import static io.shardrun.core.action.Arg.OPTIONAL_MILLIS;
import static io.shardrun.core.action.Arg.OPTIONAL_VARIABLE;
import static io.shardrun.core.action.Arg.REQUIRED_TEXT;
import static io.shardrun.core.action.Arg.TEXT;
import static io.shardrun.core.action.Arg.TOPIC;
import static io.shardrun.core.action.Arg.VARIABLE;
import static io.shardrun.core.action.Arg.WINDOW_SIZE;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The step vocabulary: Selenium IDE's command names with its target/value conventions, so a
 * recorded .side test maps one to one. Each command declares what its target and value hold.
 */
public enum Command {
  OPEN("open", REQUIRED_TEXT, NONE),
  CLICK("click", LOCATOR, NONE),
  DOUBLE_CLICK("doubleClick", LOCATOR, NONE),
  TYPE("type", LOCATOR, TEXT),
  SEND_KEYS("sendKeys", LOCATOR, TEXT),
  SELECT("select", LOCATOR, OPTION),
  CHECK("check", LOCATOR, NONE),
  UNCHECK("uncheck", LOCATOR, NONE),
  MOUSE_OVER("mouseOver", LOCATOR, NONE),
  MOUSE_OUT("mouseOut", LOCATOR, NONE),
  PAUSE("pause", MILLIS, NONE),
  SET_WINDOW_SIZE("setWindowSize", WINDOW_SIZE, NONE),
  WAIT_FOR_ELEMENT_VISIBLE("waitForElementVisible", LOCATOR, OPTIONAL_MILLIS),
  WAIT_FOR_ELEMENT_NOT_VISIBLE("waitForElementNotVisible", LOCATOR, OPTIONAL_MILLIS),
  WAIT_FOR_ELEMENT_PRESENT("waitForElementPresent", LOCATOR, OPTIONAL_MILLIS),
  WAIT_FOR_ELEMENT_NOT_PRESENT("waitForElementNotPresent", LOCATOR, OPTIONAL_MILLIS),
  WAIT_FOR_ELEMENT_EDITABLE("waitForElementEditable", LOCATOR, OPTIONAL_MILLIS),
  WAIT_FOR_ELEMENT_NOT_EDITABLE("waitForElementNotEditable", LOCATOR, OPTIONAL_MILLIS),
  ASSERT_TEXT("assertText", LOCATOR, TEXT),
  ASSERT_NOT_TEXT("assertNotText", LOCATOR, TEXT),
  ASSERT_VALUE("assertValue", LOCATOR, TEXT),
  ASSERT_TITLE("assertTitle", TEXT, NONE),
  ASSERT_ELEMENT_PRESENT("assertElementPresent", LOCATOR, NONE),
  ASSERT_ELEMENT_NOT_PRESENT("assertElementNotPresent", LOCATOR, NONE),
  ASSERT_CHECKED("assertChecked", LOCATOR, NONE),
  ASSERT_NOT_CHECKED("assertNotChecked", LOCATOR, NONE),
  ASSERT("assert", VARIABLE, TEXT),
  /** Not Selenium IDE's: the page's latest navigation against budgets.json (target: a route, or the page's own). */
  ASSERT_WITHIN_BUDGET("assertWithinBudget", TEXT, NONE),
  VERIFY_TEXT("verifyText", LOCATOR, TEXT),
  VERIFY_NOT_TEXT("verifyNotText", LOCATOR, TEXT),
  VERIFY_VALUE("verifyValue", LOCATOR, TEXT),
  VERIFY_TITLE("verifyTitle", TEXT, NONE),
  VERIFY_ELEMENT_PRESENT("verifyElementPresent", LOCATOR, NONE),
  VERIFY_ELEMENT_NOT_PRESENT("verifyElementNotPresent", LOCATOR, NONE),
  VERIFY_CHECKED("verifyChecked", LOCATOR, NONE),
  VERIFY_NOT_CHECKED("verifyNotChecked", LOCATOR, NONE),
  VERIFY("verify", VARIABLE, TEXT),
  STORE("store", TEXT, VARIABLE),
  STORE_TEXT("storeText", LOCATOR, VARIABLE),
  STORE_VALUE("storeValue", LOCATOR, VARIABLE),
  STORE_TITLE("storeTitle", VARIABLE, NONE),
  EXECUTE_SCRIPT("executeScript", REQUIRED_TEXT, OPTIONAL_VARIABLE),
  RUN_SCRIPT("runScript", REQUIRED_TEXT, NONE),
  ECHO("echo", TEXT, NONE),
  SCREENSHOT("screenshot", REQUIRED_TEXT, NONE),
  /** Not Selenium IDE's: publishes an event (target: topic, value: what it says) to every shard of the run. */
  PUBLISH_EVENT("publishEvent", TOPIC, TEXT),
  /** Not Selenium IDE's: waits for an event on the topic whose value matches the pattern, published by any shard. */
  WAIT_FOR_EVENT("waitForEvent", TOPIC, EVENT_PATTERN);

  private static final Map<String, Command> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(Command::wireName, Function.identity()));

  private final String wireName;
  private final Arg target;
  private final Arg value;

  Command(String wireName, Arg target, Arg value) {
    this.wireName = wireName;
    this.target = target;
    this.value = value;
  }

  public static Optional<Command> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The name written in action files. */
  public String wireName() {
    return wireName;
  }

  public Arg target() {
    return target;
  }

  public Arg value() {
    return value;
  }

  /** verify* commands record a failure and let the file go on; everything else stops it. */
  public boolean isVerify() {
    return wireName.startsWith("verify");
  }

  /**
   * Whether a step may end on a page other than the one it started on: it acts on the page, runs
   * a script, or waits while the page may load another. Reading, asserting, storing, echoing and
   * taking a screenshot change nothing a page could load from.
   */
  public boolean mayLoadAPage() {
    return switch (this) {
      case ASSERT_TEXT, ASSERT_NOT_TEXT, ASSERT_VALUE, ASSERT_TITLE, ASSERT_ELEMENT_PRESENT, ASSERT_ELEMENT_NOT_PRESENT,
          ASSERT_CHECKED, ASSERT_NOT_CHECKED, ASSERT, ASSERT_WITHIN_BUDGET,
          VERIFY_TEXT, VERIFY_NOT_TEXT, VERIFY_VALUE, VERIFY_TITLE, VERIFY_ELEMENT_PRESENT, VERIFY_ELEMENT_NOT_PRESENT,
          VERIFY_CHECKED, VERIFY_NOT_CHECKED, VERIFY,
          STORE, STORE_TEXT, STORE_VALUE, STORE_TITLE, ECHO, SCREENSHOT, SET_WINDOW_SIZE, PUBLISH_EVENT -> false;
      default -> true;
    };
  }

  /** The wait commands whose value is Selenium IDE's timeout in milliseconds (waitForEvent's is a pattern). */
  public boolean isWait() {
    return value == OPTIONAL_MILLIS;
  }
}
