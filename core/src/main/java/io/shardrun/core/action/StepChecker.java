package io.shardrun.core.action;

import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a raw step into a {@link Step}, checking the command and what its target and value hold. */
final class StepChecker {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern WINDOW_SIZE = Pattern.compile("[1-9][0-9]{1,4}x[1-9][0-9]{1,4}");
  private static final Pattern OPTION = Pattern.compile("(label|value|index|id)=.*", Pattern.DOTALL);

  private StepChecker() {}

  /**
   * The checked step, or empty after recording what is wrong.
   *
   * @param where where to report problems: the step's place in the file
   */
  static Optional<Step> check(RawStep raw, String where, JsonReader reader) {
    Optional<Command> command = command(raw, where, reader);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = checkArg(command.get(), "target", raw.target(), command.get().target(), where, reader);
    ok &= checkArg(command.get(), "value", raw.value(), command.get().value(), where, reader);
    return ok ? Optional.of(new Step(command.get(), raw.target(), raw.value(), raw.timeoutS(), where)) : Optional.empty();
  }

  /** The step's command, or empty after recording that it is missing or unknown. */
  static Optional<Command> command(RawStep raw, String where, JsonReader reader) {
    Optional<Command> command = Command.byName(raw.command());
    if (command.isEmpty()) {
      reader.problem(where + ".command", raw.command().isEmpty()
          ? "missing command"
          : "unknown command '" + raw.command() + "'; see docs/action-files.md for the commands");
    }
    return command;
  }

  private static boolean checkArg(Command command, String field, String text, Arg arg, String where, JsonReader reader) {
    String at = where + "." + field;
    Optional<String> syntax = Variables.syntaxError(text);
    if (syntax.isPresent()) {
      reader.problem(at, syntax.get());
      return false;
    }
    Optional<String> wrong = problem(text, arg);
    wrong.ifPresent(message -> reader.problem(at, command.wireName() + " expects " + arg.expected() + " in " + field + ", " + message));
    return wrong.isEmpty();
  }

  /** What is wrong with {@code text} for {@code arg}; empty when it fits. */
  private static Optional<String> problem(String text, Arg arg) {
    if (text.startsWith("${") && arg != Arg.NONE) {
      return Optional.empty(); // filled in at run time; the executor checks it then
    }
    boolean fits = switch (arg) {
      case NONE -> text.isEmpty();
      case TEXT -> true;
      case REQUIRED_TEXT -> !text.isBlank();
      case LOCATOR -> Locator.parse(text).isPresent();
      case VARIABLE -> Variables.NAME.matcher(text).matches();
      case OPTIONAL_VARIABLE -> text.isEmpty() || Variables.NAME.matcher(text).matches();
      case MILLIS -> WHOLE_NUMBER.matcher(text).matches();
      case OPTIONAL_MILLIS -> text.isEmpty() || WHOLE_NUMBER.matcher(text).matches();
      case WINDOW_SIZE -> WINDOW_SIZE.matcher(text).matches();
      case OPTION -> OPTION.matcher(text).matches();
      case TOPIC -> EventRules.TOPIC.matcher(Variables.substitute(text, name -> "x")).matches(); // ${NAME} may be anywhere
      case EVENT_PATTERN -> EventRules.isPattern(text);
    };
    if (fits) {
      return Optional.empty();
    }
    return Optional.of(text.isEmpty() ? "found nothing" : "found '" + abbreviate(text) + "'");
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
