package io.sitegen.content;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A Markdown source file, read and resolved: its front matter merged with the defaults for its
 * path, its layout, its permalink and where it is written. The Markdown body is not kept here: it
 * is handed over once, as a {@link Source}, and dropped when rendered, so that a build of tens of
 * thousands of pages does not hold every text at once.
 */
public final class Page {
  private final String source;
  private final String relPath;
  private final Map<String, Object> data;
  private final String layout;
  private final String url;
  private final String outputPath;
  private final String title;
  private final OffsetDateTime date;
  private final boolean draft;
  private final int bodyLine;
  private final ToIntFunction<String> keyLines;

  Page(String source, String relPath, Map<String, Object> data, String layout, String url,
      String outputPath, String title, OffsetDateTime date, boolean draft, int bodyLine,
      ToIntFunction<String> keyLines) {
    this.source = source;
    this.relPath = relPath;
    this.data = Collections.unmodifiableMap(data);
    this.layout = layout;
    this.url = url;
    this.outputPath = outputPath;
    this.title = title;
    this.date = date;
    this.draft = draft;
    this.bodyLine = bodyLine;
    this.keyLines = keyLines;
  }

  /** Path from the site root, for messages: {@code content/blog/x.md}. */
  public String source() {
    return source;
  }

  /** Path inside {@code content/}: {@code blog/x.md}. */
  public String relPath() {
    return relPath;
  }

  /** Front matter, after defaults for the page's path were applied. */
  public Map<String, Object> data() {
    return data;
  }

  /** Layout file, as a path from the site root: {@code layouts/article.html}. */
  public String layout() {
    return layout;
  }

  /** The published URL path, starting with {@code /}. */
  public String url() {
    return url;
  }

  /** Where the page is written inside the output folder, without a leading slash. */
  public String outputPath() {
    return outputPath;
  }

  /** The title as text: HTML entities written in the front matter are decoded. */
  public String title() {
    return title;
  }

  /** The date, or null when the page has none. */
  public OffsetDateTime date() {
    return date;
  }

  public boolean draft() {
    return draft;
  }

  /** The line of the source file on which the Markdown body starts. */
  public int bodyLine() {
    return bodyLine;
  }

  /** The source line on which a front matter key is written, or 1 when it is not. */
  public int lineOf(String key) {
    return keyLines.applyAsInt(key);
  }

  @Override
  public String toString() {
    return source + " -> " + url;
  }
}
