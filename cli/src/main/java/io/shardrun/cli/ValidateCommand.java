package io.shardrun.cli;

import io.shardrun.core.action.Problem;
import io.shardrun.core.suite.SuiteFiles;
import io.shardrun.core.suite.SuiteParser;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code shardrun validate DIR}: every problem of a suite, one per line. */
@Command(name = "validate", description = "Check every action file and template of a suite, and its budgets.json. Prints"
    + " all problems (file, place, what was expected); exits 1 when there are any, 0 when valid.")
final class ValidateCommand implements Callable<Integer> {
  /** Exit code when the suite has problems. */
  static final int EXIT_INVALID = 1;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SUITE_DIR", description = "The suite's root folder.")
  Path suite;

  @Override
  public Integer call() {
    SuiteFiles files = SuiteFiles.fromDirectory(suite);
    SuiteParser.Result result = SuiteParser.parse(files);
    for (Problem problem : result.problems()) {
      spec.commandLine().getErr().println(problem);
    }
    long actionFiles = files.files().stream().filter(f -> SuiteFiles.isActionFile(f.path())).count();
    if (!result.ok()) {
      spec.commandLine().getErr().printf("%d problem(s) in %s%n", result.problems().size(), suite);
      return EXIT_INVALID;
    }
    spec.commandLine().getOut().printf("%s: %d action files valid%n", suite, actionFiles);
    return 0;
  }
}
