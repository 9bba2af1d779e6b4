package io.sitegen.content;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
  /** Whether {@link #date} was written without an offset: then it is a time of the site's time zone. */
  private final boolean localDate;
  /** Whether the front matter says {@code draft: true}. */
  private final boolean draft;
  /** Whether the page is dated after the moment it was last scheduled at ({@link #asOf}), and no draft. */
  private final boolean scheduled;
  /** Whether a scheduled page is left out as a draft until its date: the build does not take the future. */
  private final boolean waiting;
  /** The time zone the page was scheduled in ({@link #asOf}), or null. */
  private final ZoneId zone;
  private final int bodyLine;
  private final ToIntFunction<String> keyLines;
  /** The page's language code, or null on a site that declares no languages ({@link Translations}). */
  private final String lang;
  /** For a translation, the site path of the page it translates; null for an original. */
  private final String original;
  /** Whether the page is a translation of a page left out as a draft: it waits for its original. */
  private final boolean held;

  Page(String source, String relPath, Map<String, Object> data, String layout, String url,
      String outputPath, String title, OffsetDateTime date, boolean localDate, boolean draft, int bodyLine,
      ToIntFunction<String> keyLines) {
    this(source, relPath, data, layout, url, outputPath, title, date, localDate, draft, false, false, null, bodyLine,
        keyLines, null, null, false);
  }

  private Page(String source, String relPath, Map<String, Object> data, String layout, String url,
      String outputPath, String title, OffsetDateTime date, boolean localDate, boolean draft, boolean scheduled,
      boolean waiting, ZoneId zone, int bodyLine, ToIntFunction<String> keyLines, String lang, String original,
      boolean held) {
    this.source = source;
    this.relPath = relPath;
    this.data = Collections.unmodifiableMap(data);
    this.layout = layout;
    this.url = url;
    this.outputPath = outputPath;
    this.title = title;
    this.date = date;
    this.localDate = localDate;
    this.draft = draft;
    this.scheduled = scheduled;
    this.waiting = waiting;
    this.zone = zone;
    this.bodyLine = bodyLine;
    this.keyLines = keyLines;
    this.lang = lang;
    this.original = original;
    this.held = held;
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

  /**
   * Whether the page is left out as a draft: its front matter says {@code draft: true}, or it is
   * {@link #scheduled} and the build does not take the future ({@code --future}), or it translates
   * a page left out so ({@link #held}).
   */
  public boolean draft() {
    return draft || waiting || held;
  }

  /** Whether the front matter says {@code draft: true}, whatever the page's date. */
  public boolean markedDraft() {
    return draft;
  }

  /**
   * Whether the page is no draft but dated after the moment it was scheduled at ({@link #asOf}):
   * it is published on that date. False for a page read and not scheduled yet.
   */
  public boolean scheduled() {
    return scheduled;
  }

  /**
   * The moment the page is published at: its date, where one written without an offset (and a
   * date of its file name) is a time of {@code zone}; null for a page without a date.
   */
  public Instant publishedAt(ZoneId zone) {
    return publishedAt(date, localDate, zone);
  }

  /**
   * The moment a date written as {@code written} (in front matter, or a file name's {@code
   * YYYY-MM-DD}) publishes a page at, read as {@link PageReader} reads it; null when it is no date.
   */
  public static Instant publishedAt(String written, ZoneId zone) {
    String s = written.trim();
    try {
      return publishedAt(PageReader.parseDate(s), !PageReader.hasOffset(s), zone);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** {@link #publishedAt(ZoneId)} of a date as {@link PageReader} reads it. */
  static Instant publishedAt(OffsetDateTime date, boolean localDate, ZoneId zone) {
    if (date == null) return null;
    return localDate ? date.toLocalDateTime().atZone(zone).toInstant() : date.toInstant();
  }

  /**
   * This page as a build at {@code now} sees it: {@link #scheduled} when it is no draft and dated
   * after {@code now}; then a {@link #draft} too, unless {@code future} (the build publishes pages
   * dated in the future, {@code --future}).
   *
   * @param zone the site's time zone, for dates written without an offset
   */
  public Page asOf(Instant now, ZoneId zone, boolean future) {
    Instant at = publishedAt(zone);
    boolean later = !draft && at != null && at.isAfter(now);
    boolean held = later && !future;
    ZoneId in = later ? zone : null;
    if (later == scheduled && held == waiting && java.util.Objects.equals(in, this.zone)) return this;
    return new Page(source, relPath, data, layout, url, outputPath, title, date, localDate, draft, later, held,
        in, bodyLine, keyLines, lang, original, held);
  }

  /**
   * This page in language {@code lang}, as {@link TranslationPattern#tag} reads its path: a
   * translation of the page at {@code original} (a site path), or an original when that is null.
   */
  Page inLanguage(String lang, String original) {
    if (java.util.Objects.equals(lang, this.lang) && java.util.Objects.equals(original, this.original)) return this;
    return new Page(source, relPath, data, layout, url, outputPath, title, date, localDate, draft, scheduled, waiting,
        zone, bodyLine, keyLines, lang, original, held);
  }

  /**
   * This translation as its original leaves it: left out as a draft while the original is one (a
   * draft, or scheduled for later), so that a translation never publishes what its original does
   * not; and, when it has no date of its own, dated as the original is.
   */
  public Page following(Page original) {
    boolean hold = original.draft();
    // undated, it is dated as its original is: a translated post is listed where its original is
    boolean dated = date == null && original.date() != null;
    if (hold == held && !dated) return this;
    return new Page(source, relPath, data, layout, url, outputPath, title, dated ? original.date : date,
        dated ? original.localDate : localDate, draft, scheduled, waiting, zone, bodyLine, keyLines, lang, original(),
        hold);
  }

  /** Whether the page is a translation left out because its original is a draft ({@link #following}). */
  public boolean held() {
    return held;
  }

  /** The page's language code; null on a site that declares no {@code languages}. */
  public String lang() {
    return lang;
  }

  /**
   * The first folder of the page's place ({@code docs} for {@code docs/x.md}), or "" for a page at
   * the top: for a translation, its original's, wherever translations.pattern puts it ({@code pl/docs/x.md}).
   */
  public String section() {
    String place = original != null ? original : relPath;
    int slash = place.indexOf('/');
    return slash < 0 ? "" : place.substring(0, slash);
  }

  /** For a translation, the site path of the page it translates ({@code docs/SERVER.md}); null for an original. */
  public String original() {
    return original;
  }

  /**
   * When a {@link #scheduled} page is published, for messages: {@code 2026-12-01} for a date
   * without a time, else the date and time in the site's time zone ({@code 2026-12-01 10:30
   * Europe/Warsaw}); null for a page that is not scheduled.
   */
  public String publishedOn() {
    if (!scheduled) return null;
    java.time.ZonedDateTime at = publishedAt(zone).atZone(zone);
    if (localDate && at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) return at.toLocalDate().toString();
    return at.toLocalDate() + " " + at.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " " + zone.getId();
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
