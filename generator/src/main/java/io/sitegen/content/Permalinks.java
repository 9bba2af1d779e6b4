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
    Matcher unknown = Pattern.compile("\\{[^}]*}").matcher(url);
    if (unknown.find()) {
      return "permalink has an unknown placeholder " + unknown.group() + "; the known ones are {path}, {basename},"
          + " {year}, {month} and {day}, each also as {NAME:lower}";
    }
    if (!url.startsWith("/")) return "permalink must start with '/': " + shown(url);
    if (url.contains("\\")) return "permalink must not contain '\\': " + shown(url);
    if (url.contains("?") || url.contains("#")) return "permalink must not contain '?' or '#': " + shown(url);
    if (url.startsWith("//")) return "permalink must not start with '//', which browsers read as a host: " + shown(url);
    String decoded = decode(url);
    if (decoded == null) return "permalink has a '%' that is not followed by two hex digits: " + shown(url);
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c")) {
      return "permalink must not contain an encoded '/' or '\\' (%2F, %5C): " + shown(url);
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f) return "permalink must not contain control characters: " + shown(url);
    }
    String[] segments = decoded.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.equals("..")) return "permalink leaves the output folder: " + shown(url);
      if (segment.equals(".") && i == segments.length - 1) return "permalink must not end in '/.': " + shown(url);
      if (segment.isEmpty() && i < segments.length - 1) return "permalink has an empty segment ('//'): " + shown(url);
      if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
        return "permalink has a segment longer than 255 bytes, more than a file name may have: " + shown(url);
      }
    }
    return null;
  }

  /** A permalink as a message shows it: control characters escaped, at most 100 characters. */
  private static String shown(String url) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < url.length() && out.length() < 100; i++) {
      char c = url.charAt(i);
      if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c)); else out.append(c);
    }
    return out.length() < url.length() ? out + "…" : out.toString();
  }

  /**
   * The path with its %-escapes decoded as UTF-8 (a '+' stays a '+'), or null when a '%' is not
   * followed by two hex digits. A permalink may be written encoded; its file has the decoded name.
   */
  static String decode(String path) {
    if (path.indexOf('%') < 0) return path;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length()) return null;
        int hi = Character.digit(path.charAt(i + 1), 16);
        int lo = Character.digit(path.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) return null;
        bytes.write(hi * 16 + lo);
        i += 2;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(c);
    }
    if (bytes.size() > 0) out.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    return out.toString();
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

  /** The file a published URL is written to, relative to the output folder: %-escapes decoded. */
  static String outputPath(String url) {
    String path = decode(url).substring(1);
    if (path.isEmpty() || path.endsWith("/")) path += "index.html";
    // "." segments carry no meaning in a published path; dropped one by one, as "/././" holds two
    StringBuilder kept = new StringBuilder(path.length());
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".")) continue;
      if (kept.length() > 0) kept.append('/');
      kept.append(segment);
    }
    return kept.toString();
  }

  private static String stripMd(String relPath) {
    return relPath.endsWith(".md") ? relPath.substring(0, relPath.length() - 3) : relPath;
  }
}
