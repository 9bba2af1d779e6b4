package io.sitegen.content;

import io.sitegen.config.PathDefault;
import io.sitegen.config.SiteConfig;
import io.sitegen.config.Text;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.parser.Parser;

/** Turns one Markdown file into a {@link Page}: reads it, parses its front matter, resolves it. */
final class PageReader {
  private final SiteConfig config;

  /** Where translations live: a translation takes the defaults of its original's place too. */
  private final TranslationPattern translations;

  PageReader(SiteConfig config) {
    this.config = config;
    this.translations = new TranslationPattern(config.languages());
  }

  /**
   * @param relPath  the page's path in the site
   * @param repoPath its path in the repository (from the site root), where it is read
   */
  Optional<Source> read(String relPath, String repoPath, Problems problems) {
    String source = repoPath;
    Path file = config.root().resolve(repoPath);
    String text;
    try {
      text = Text.read(file);
    } catch (CharacterCodingException e) {
      problems.error(source, 0, "not valid UTF-8 text; save the file as UTF-8");
      return Optional.empty();
    } catch (IOException e) {
      problems.error(source, 0, "cannot read: " + e.getMessage());
      return Optional.empty();
    }
    return FrontMatter.parse(text, source, problems)
        .flatMap(fm -> resolve(relPath, source, fm, problems).map(page -> new Source(page, fm.body())));
  }

  /**
   * The title of a page whose front matter has none: its first {@code #} heading, else its file
   * name, so that no page is published with an empty {@code <title>} (docs are often written with
   * no front matter).
   */
  static String titleFallback(String body, String relPath) {
    String fence = null;
    for (String line : body.split("\\R", 200)) {
      String t = line.strip();
      // not a comment line of a fenced code block
      if (fence != null) {
        if (t.startsWith(fence)) fence = null;
        continue;
      }
      if (t.startsWith("```") || t.startsWith("~~~")) {
        fence = t.substring(0, 3);
        continue;
      }
      if (!line.startsWith("    ") && !line.startsWith("\t") && (t.startsWith("# ") || t.equals("#"))) {
        String heading = plain(t.substring(1).replaceAll("\\s#+$", "").strip());
        if (!heading.isEmpty()) return heading;
      }
    }
    String name = relPath.substring(relPath.lastIndexOf('/') + 1);
    return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
  }

  /** A heading's Markdown as text: images dropped, links to their text, emphasis and code marks removed. */
  private static String plain(String markdown) {
    return markdown.replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "")
        .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("[*`]", "")
        .strip();
  }

  private static final java.util.regex.Pattern DATED_NAME =
      java.util.regex.Pattern.compile("^(\\d{4})-?(\\d{2})-?(\\d{2})-");

  /** The date at the start of a file name, Jekyll's way: {@code 2024-01-31-x.md} or {@code 20240131-x.md}; else null. */
  static OffsetDateTime dateOfName(String relPath) {
    String name = relPath.substring(relPath.lastIndexOf('/') + 1);
    java.util.regex.Matcher m = DATED_NAME.matcher(name);
    if (!m.find()) return null;
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          .atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private Optional<Page> resolve(String relPath, String source, FrontMatter fm, Problems allProblems) {
    Problems problems = new Problems();
    Map<String, Object> data = new LinkedHashMap<>();
    // a translation takes the defaults of its original's place too (docs' for pl/docs/x.md), in the order
    // written; but not a fixed permalink, which is its original's own (/404.html for 404.md)
    TranslationPattern.Match translation = translations.match(relPath);
    for (PathDefault d : config.pathDefaults()) {
      if (d.covers(relPath)) {
        data.putAll(d.values());
      } else if (translation != null && d.covers(translation.original())) {
        d.values().forEach((key, value) -> {
          if (!key.equals("permalink") || String.valueOf(value).contains("{")) data.put(key, value);
        });
      }
    }
    data.putAll(fm.data());

    boolean draft = readDraft(data.get("draft"), source, fm, problems);
    OffsetDateTime date = readDate(data.get("date"), source, fm, problems);
    // a date without an offset is a time of the site's time zone: see Page.publishedAt
    boolean localDate = data.get("date") == null || !hasOffset(String.valueOf(data.get("date")).trim());
    if (data.get("date") == null) date = dateOfName(relPath);

    Object layoutValue = data.get("layout");
    String layout = null;
    if (layoutValue == null || String.valueOf(layoutValue).isBlank()) {
      problems.error(source, 1, "no layout: set 'layout' in the front matter or a default for its path in site.yml");
    } else {
      layout = layoutPath(String.valueOf(layoutValue));
    }

    Object permalinkValue = data.get("permalink");
    String permalink = permalinkValue == null
        ? Permalinks.defaultFor(relPath)
        : Permalinks.expand(String.valueOf(permalinkValue), relPath, date);
    String permalinkProblem = Permalinks.problemWith(permalink);
    if (permalinkProblem != null) {
      problems.error(source, fm.lineOf("permalink"), permalinkProblem);
    }

    if (data.get("toc") != null
        && io.sitegen.config.TocLevels.read(data.get("toc"), config.tocLevels()) == null) {
      problems.warning(source, fm.lineOf("toc"), io.sitegen.config.TocLevels.EXPECTED + "; the site's levels are used");
    }
    for (String key : java.util.List.of("title", "description")) {
      Object value = data.get(key);
      if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
        problems.error(source, fm.lineOf(key), key + ": expected text, found a "
            + (value instanceof Map<?, ?> ? "mapping" : "list") + " (quote a " + key + " that starts with [ or {)");
      }
    }
    if (data.get("weight") != null && !(data.get("weight") instanceof Number)) {
      problems.warning(source, fm.lineOf("weight"), "weight: expected a number, found '" + data.get("weight")
          + "'; the page is ordered as one without a weight");
    }

    allProblems.addAll(problems);
    if (problems.hasErrors()) return Optional.empty();

    String title = data.get("title") == null || String.valueOf(data.get("title")).isBlank()
        ? titleFallback(fm.body(), relPath)
        : Parser.unescapeEntities(String.valueOf(data.get("title")), false);
    String url = Permalinks.publishedUrl(permalink);
    // its language, and the page it translates, as translations.pattern reads its path (as the permalink, from it alone)
    return Optional.of(translations.tag(new Page(source, relPath, data, layout, url, Permalinks.outputPath(url), title,
        date, localDate, draft, fm.bodyLine(), fm.keyLines())));
  }

  /** {@code article} and {@code article.html} name {@code layouts/article.html}; a path is from the site root. */
  static String layoutPath(String value) {
    String v = value.trim();
    if (v.contains("/")) return v.startsWith("/") ? v.substring(1) : v;
    return SiteConfig.LAYOUTS + "/" + (v.endsWith(".html") ? v : v + ".html");
  }

  private static boolean readDraft(Object value, String source, FrontMatter fm, Problems problems) {
    if (value == null || value instanceof Boolean) return Boolean.TRUE.equals(value);
    problems.error(source, fm.lineOf("draft"), "draft: expected true or false, found '" + value + "'");
    return false;
  }

  /**
   * A date as front matter writes it: {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM[:SS]}, or ISO 8601
   * with an offset. One without an offset is given UTC's here; {@link #hasOffset} tells which.
   *
   * @throws DateTimeParseException when it is none of these
   */
  static OffsetDateTime parseDate(String s) {
    if (s.length() == 10) return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    if (hasOffset(s)) return OffsetDateTime.parse(s.replace(' ', 'T'));
    return LocalDateTime.parse(s.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
  }

  private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile(".*([+-]\\d\\d:?\\d\\d|Z)$");

  /** Whether a date written as {@code s} names its offset ({@code Z}, {@code +02:00}). */
  static boolean hasOffset(String s) {
    return s.length() != 10 && OFFSET.matcher(s).matches();
  }

  private static OffsetDateTime readDate(Object value, String source, FrontMatter fm, Problems problems) {
    if (value == null) return null;
    String s = String.valueOf(value).trim();
    try {
      return parseDate(s);
    } catch (DateTimeParseException e) {
      problems.error(source, fm.lineOf("date"),
          "date: expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with an offset"
              + " (2024-12-10T09:00:00+01:00), found '" + s + "'");
      return null;
    }
  }
}
