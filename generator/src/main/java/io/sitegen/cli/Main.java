package io.sitegen.cli;

import io.sitegen.pipeline.OutputFolder;
import io.sitegen.pipeline.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code site} command. Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal
 * errors. They are listed in every command's --help, as scripts call the commands one by one: the
 * list and the help layout are inherited by the subcommands (scope INHERIT), and a subcommand's own
 * description and examples still win.
 */
@Command(name = "site",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds a static site and blog from Markdown, checking every link on the way.",
    subcommands = {InitCommand.class, BuildCommand.class, CheckCommand.class, ServeCommand.class, CleanCommand.class,
        NewCommand.class,
        DraftsCommand.class, PublishCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
    scope = CommandLine.ScopeType.INHERIT,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:content errors, each printed as file:line: what is wrong, or a file that cannot be read or written"
            + " (no space left, permission denied)",
        "2:usage errors, such as an unknown option (the closest one is suggested) or an output folder that"
            + " must not be replaced",
        "3:an internal error: a bug in sitegen, not in your content"})
public final class Main implements java.util.concurrent.Callable<Integer> {
  public static final int OK = 0;
  public static final int CONTENT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; never throws. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(Console.colours()));
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      commandLine.getErr().println("site: internal error (a bug in sitegen, not in your content): " + e);
      if (parsed.originalArgs().contains("--verbose") || parsed.originalArgs().contains("-v")) {
        e.printStackTrace(commandLine.getErr());
      }
      return INTERNAL;
    });
    cli.setExecutionStrategy(parsed -> {
      recoverOutput(parsed, err);
      return new CommandLine.RunLast().execute(parsed);
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Before any command that reads a site does anything else: puts back the site's {@code _site}
   * if a build was killed while replacing it, and deletes what killed builds left beside it.
   */
  private static void recoverOutput(CommandLine.ParseResult parsed, PrintWriter err) {
    CommandLine.ParseResult command = parsed;
    while (command.hasSubcommand()) command = command.subcommand();
    if (command.commandSpec().findOption("--source") == null || command.isUsageHelpRequested()) return;
    Path root = command.matchedOptionValue("--source", Path.of(".")).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) return;
    SiteBuilder.recover(root.resolve(OutputFolder.DEFAULT), line -> err.println("site: " + line));
  }

  /** {@code site} without a command: the usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"site " + (v == null ? "dev" : v)};
    }
  }
}
