package io.sitegen.cli;

import io.sitegen.problems.Problem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine;

/**
 * What the commands print: results on standard output, problems on standard error, in colour only
 * on a terminal and never when NO_COLOR is set; {@code --quiet} leaves only errors.
 */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Ansi ansi;
  private final boolean quiet;
  private final boolean verbose;

  Console(CommandLine cli, Verbosity verbosity) {
    this.out = cli.getOut();
    this.err = cli.getErr();
    this.ansi = colours();
    this.quiet = verbosity != null && verbosity.quiet;
    this.verbose = verbosity != null && verbosity.verbose;
  }

  /** Colour when standard output is a terminal and NO_COLOR is not set (https://no-color.org). */
  static Ansi colours() {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) return Ansi.OFF;
    return Ansi.AUTO.enabled() ? Ansi.ON : Ansi.OFF;
  }

  void problems(List<Problem> problems) {
    for (Problem p : problems) {
      if (p.isError()) err.println(ansi.string("@|red " + escape(p.toString()) + "|@"));
      else if (!quiet) err.println(ansi.string("@|yellow " + escape(p.toString()) + "|@"));
    }
    err.flush();
  }

  /** A result line: left out with --quiet. */
  void result(String line) {
    if (quiet) return;
    out.println(ansi.string("@|green " + escape(line) + "|@"));
    out.flush();
  }

  /** Plain output that is the point of the command (a listing, a path): always printed. */
  void print(String line) {
    out.println(line);
    out.flush();
  }

  /** Something to know that is not a problem of the site, such as a wait: left out with --quiet. */
  void note(String line) {
    if (quiet) return;
    err.println("site: " + line);
    err.flush();
  }

  void detail(String line) {
    if (!verbose) return;
    err.println(line);
    err.flush();
  }

  void error(String line) {
    err.println(ansi.string("@|red,bold " + escape(line) + "|@"));
    err.flush();
  }

  private static String escape(String s) {
    // picocli markup uses @| and |@: keep text that holds them literal
    return s.replace("@|", "@\u200b|").replace("|@", "|\u200b@");
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
