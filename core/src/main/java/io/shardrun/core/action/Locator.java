package io.shardrun.core.action;

import java.util.Optional;

/** An element locator in Selenium IDE notation: a strategy prefix and the expression. */
public record Locator(Strategy strategy, String expression) {

  /** Locator strategies, by their prefix. */
  public enum Strategy {
    CSS("css="),
    XPATH("xpath="),
    ID("id="),
    NAME("name="),
    LINK_TEXT("linkText=");

    private final String prefix;

    Strategy(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  public static final String EXPECTED = "a locator starting with css=, xpath=, id=, name= or linkText=";

  /** Parses {@code css=.total}; empty when the prefix is unknown or the expression empty. */
  public static Optional<Locator> parse(String text) {
    for (Strategy strategy : Strategy.values()) {
      if (text.startsWith(strategy.prefix()) && text.length() > strategy.prefix().length()) {
        return Optional.of(new Locator(strategy, text.substring(strategy.prefix().length())));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return strategy.prefix() + expression;
  }
}
