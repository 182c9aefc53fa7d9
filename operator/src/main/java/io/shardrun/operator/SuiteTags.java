package io.shardrun.operator;

import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A file's meta.tags from the suite, for results published in the compact form (which leaves
 * tags out). Reads and parses the suite only if asked, and at most once.
 */
final class SuiteTags implements Function<String, List<String>> {
  private final Supplier<Suite> suite;

  SuiteTags(Supplier<SuiteFiles> source) {
    this.suite = new Once<>(() -> SuiteParser.parse(source.get()).suite());
  }

  @Override
  public List<String> apply(String file) {
    Suite parsed = suite.get();
    return parsed.files().containsKey(file) ? parsed.file(file).meta().tags() : List.of();
  }
}
