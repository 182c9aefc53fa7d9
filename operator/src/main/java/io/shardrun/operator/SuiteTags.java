package io.shardrun.operator;

import io.shardrun.core.variant.VariantIds;
import io.shardrun.core.suite.Suite;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A file's meta.tags from the suite, for results published in the compact form (which leaves
 * tags out). Holds only the tags, not the suite; reads and parses the suite only if asked, once.
 */
final class SuiteTags implements Function<String, List<String>> {
  private final Supplier<Map<String, List<String>>> tags;

  SuiteTags(Supplier<SuiteFiles> source) {
    this.tags = new Once<>(() -> byFile(SuiteParser.parse(source.get()).suite()));
  }

  SuiteTags(Suite suite) {
    Map<String, List<String>> byFile = byFile(suite);
    this.tags = () -> byFile;
  }

  @Override
  public List<String> apply(String file) {
    return tags.get().getOrDefault(VariantIds.path(file), List.of()); // PATH#VARIANT has its file's tags
  }

  private static Map<String, List<String>> byFile(Suite suite) {
    return suite.files().keySet().stream().collect(Collectors.toMap(f -> f, f -> suite.file(f).meta().tags()));
  }
}
