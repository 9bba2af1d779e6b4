package io.sitegen.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code site} command. Exit codes: 0 success, 1 content errors, 2 usage errors. */
@Command(name = "site",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds a static site and blog from Markdown, checking every link on the way.",
    subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class,
        DraftsCommand.class, PublishCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  content errors, each printed as file:line: what is wrong", "  2  usage errors"})
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
      commandLine.getErr().println("site: internal error (a bug in site, not in your content): " + e);
      if (parsed.originalArgs().contains("--verbose") || parsed.originalArgs().contains("-v")) {
        e.printStackTrace(commandLine.getErr());
      }
      return INTERNAL;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
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
