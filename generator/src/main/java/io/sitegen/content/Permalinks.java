package io.sitegen.content;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Permalinks: the default one for a path, the placeholders a pattern may use, and the rules a
 * permalink must follow.
 *
 * <p>Placeholders: {@code {path}} (path inside {@code content/} without {@code .md}),
 * {@code {basename}} (file name without {@code .md}), {@code {year}}, {@code {month}},
 * {@code {day}}; {@code {path:lower}} and {@code {basename:lower}} lower-case the value.
 */
final class Permalinks {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(path|basename|year|month|day)(:lower)?}");

  private Permalinks() {}

  static String defaultFor(String relPath) {
    return "/" + stripMd(relPath) + ".html";
  }

  /** Fills the placeholders of {@code pattern} for the page at {@code relPath}. */
  static String expand(String pattern, String relPath, OffsetDateTime date) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = stripMd(relPath);
      String value = switch (m.group(1)) {
        case "path" -> path;
        case "basename" -> path.substring(path.lastIndexOf('/') + 1);
        case "year" -> date == null ? "" : String.format("%04d", date.getYear());
        case "month" -> date == null ? "" : String.format("%02d", date.getMonthValue());
        default -> date == null ? "" : String.format("%02d", date.getDayOfMonth());
      };
      if (m.group(2) != null) value = value.toLowerCase(Locale.ROOT);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Why {@code url} cannot be a permalink, or null when it can. */
  static String problemWith(String url) {
    if (!url.startsWith("/")) return "permalink must start with '/': " + url;
    if (url.contains("\\")) return "permalink must not contain '\\': " + url;
    if (url.contains("?") || url.contains("#")) return "permalink must not contain '?' or '#': " + url;
    for (String segment : url.split("/")) {
      if (segment.equals("..")) return "permalink leaves the output folder: " + url;
    }
    return null;
  }

  /**
   * The URL under which a permalink is published: one without a file extension in its last
   * segment is a folder, like Hugo's pretty URLs, so it gets a trailing slash.
   */
  static String publishedUrl(String permalink) {
    String last = permalink.substring(permalink.lastIndexOf('/') + 1);
    if (last.isEmpty() || last.contains(".")) return permalink;
    return permalink + "/";
  }

  /** The file a published URL is written to, relative to the output folder. */
  static String outputPath(String url) {
    String path = url.substring(1);
    if (path.isEmpty() || path.endsWith("/")) path += "index.html";
    // "." segments carry no meaning in a published path
    return path.replace("/./", "/").replaceFirst("^\\./", "");
  }

  private static String stripMd(String relPath) {
    return relPath.endsWith(".md") ? relPath.substring(0, relPath.length() - 3) : relPath;
  }
}
