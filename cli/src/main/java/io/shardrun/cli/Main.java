package io.shardrun.cli;

import io.shardrun.core.render.Images;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shardrun} command. */
@Command(
    name = "shardrun",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.Version.class,
    description = "Run browser action suites sharded: on Kubernetes, rendered for GitOps, or locally.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      RenderJobsCommand.class,
      SubmitCommand.class,
      ResultsCommand.class,
      RunCommand.class,
      PipelineCommand.class,
      ReportCommand.class,
      ExecuteCommand.class,
      OperatorCommand.class,
      BenchPlanCommand.class,
      BenchDynamicCommand.class,
      BenchExecutorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Selenium logs through java.util.logging; held here so the level set in main sticks. */
  private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    SELENIUM.setLevel(java.util.logging.Level.WARNING); // its INFO lines would mix into our output
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it directly. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExitCodeExceptionMapper(e -> e instanceof CliException c ? c.exitCode() : ExitCodes.USAGE_OR_INFRASTRUCTURE)
        .setParameterExceptionHandler((e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("error: " + e.getMessage());
          cmd.getErr().println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
          return ExitCodes.USAGE_OR_INFRASTRUCTURE;
        })
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("error: " + ErrorMessages.of(e));
          if (System.getenv(ErrorMessages.DEBUG_VARIABLE) != null) {
            e.printStackTrace(cmd.getErr());
          }
          return cmd.getExitCodeExceptionMapper().getExitCode(e);
        });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Prints the build's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"shardrun " + Images.version()};
    }
  }
}
