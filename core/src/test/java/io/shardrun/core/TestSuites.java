package io.shardrun.core;

import io.shardrun.core.action.Problem;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFile;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteKeys;
import io.shardrun.core.suite.SuiteParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds suites in memory for tests. */
public final class TestSuites {
  private TestSuites() {}

  /** Files from alternating path, content arguments. */
  public static SuiteFiles files(String... pathsAndContents) {
    if (pathsAndContents.length % 2 != 0) {
      throw new IllegalArgumentException("expected path, content pairs");
    }
    List<SuiteFile> files = new ArrayList<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      String path = pathsAndContents[i];
      files.add(new SuiteFile(path, SuiteKeys.encode(path), pathsAndContents[i + 1]));
    }
    return new SuiteFiles(files);
  }

  public static SuiteParser.Result parse(String... pathsAndContents) {
    return SuiteParser.parse(files(pathsAndContents));
  }

  /** Parses a suite that must have no problems. */
  public static Suite suite(String... pathsAndContents) {
    return parse(pathsAndContents).orThrow();
  }

  public static List<Problem> problems(String... pathsAndContents) {
    return parse(pathsAndContents).problems();
  }

  /** A valid action file with {@code steps} open steps, the given tags and dependencies. */
  public static String actionFile(int steps, List<String> tags, List<String> dependsOn, boolean serial) {
    String stepList = java.util.stream.IntStream.range(0, steps)
        .mapToObj(i -> "{\"command\": \"open\", \"target\": \"${BASE_URL}/" + i + "\"}")
        .collect(Collectors.joining(", "));
    return "{\"meta\": {\"tags\": " + json(tags) + ", \"depends_on\": " + json(dependsOn)
        + ", \"serial\": " + serial + "}, \"steps\": [" + stepList + "]}";
  }

  public static String actionFile(List<String> tags, List<String> dependsOn) {
    return actionFile(1, tags, dependsOn, false);
  }

  public static String dependingOn(String... dependsOn) {
    return actionFile(1, List.of(), List.of(dependsOn), false);
  }

  public static String tagged(String... tags) {
    return actionFile(1, List.of(tags), List.of(), false);
  }

  public static String plain() {
    return actionFile(1, List.of(), List.of(), false);
  }

  private static String json(List<String> strings) {
    return strings.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
  }
}
