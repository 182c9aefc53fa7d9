package io.shardrun.core.action;

/** What a command expects in its target or value field. */
public enum Arg {
  /** Must be empty. */
  NONE("nothing"),
  /** An element locator with a prefix: css=, xpath=, id=, name= or linkText=. */
  LOCATOR("a locator (css=, xpath=, id=, name= or linkText=)"),
  /** Free text, may be empty. */
  TEXT("text"),
  /** Non-empty text: a URL, a script, a title, a file name. */
  REQUIRED_TEXT("non-empty text"),
  /** A variable name for store* commands. */
  VARIABLE("a variable name ([A-Za-z_][A-Za-z0-9_]*)"),
  /** Optional variable name (executeScript stores its result only when given). */
  OPTIONAL_VARIABLE("an optional variable name ([A-Za-z_][A-Za-z0-9_]*)"),
  /** Milliseconds, a whole number. */
  MILLIS("a whole number of milliseconds"),
  /** Optional wait in milliseconds (Selenium IDE's waitFor* value). */
  OPTIONAL_MILLIS("an optional whole number of milliseconds"),
  /** WIDTHxHEIGHT in pixels. */
  WINDOW_SIZE("WIDTHxHEIGHT in pixels, for example 1280x800"),
  /** An option locator for select: label=, value=, index= or id=. */
  OPTION("an option locator (label=, value=, index= or id=)"),
  /** An event topic ({@link EventRules#TOPIC}). */
  TOPIC(EventRules.TOPIC_EXPECTED),
  /** A waitForEvent pattern: an optional Java regular expression the whole value must match. */
  EVENT_PATTERN("an optional Java regular expression the whole event value must match");

  private final String expected;

  Arg(String expected) {
    this.expected = expected;
  }

  public String expected() {
    return expected;
  }
}
