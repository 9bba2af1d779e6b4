package io.sitegen.problems;

/**
 * One thing wrong with the site's input, located as precisely as the input allows.
 *
 * @param file   path relative to the site root, e.g. {@code content/blog/x.md}
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

  public enum Severity { ERROR, WARNING }

  public static Problem error(String file, int line, int column, String message) {
    return new Problem(Severity.ERROR, file, line, column, message);
  }

  public static Problem error(String file, int line, String message) {
    return error(file, line, 0, message);
  }

  public static Problem warning(String file, int line, String message) {
    return new Problem(Severity.WARNING, file, line, 0, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: message}, leaving out the parts that are unknown. */
  @Override
  public String toString() {
    StringBuilder where = new StringBuilder(file);
    if (line > 0) {
      where.append(':').append(line);
      if (column > 0) where.append(':').append(column);
    }
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return where + ": " + prefix + message;
  }
}
