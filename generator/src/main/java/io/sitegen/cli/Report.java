package io.sitegen.cli;

import io.sitegen.build.BuildResult;
import io.sitegen.config.Problem;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a build's problems, one line each, and its summary. */
final class Report {
  private Report() {}

  static void problems(BuildResult result, PrintWriter err) {
    for (Problem p : result.problems()) err.println(p);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
