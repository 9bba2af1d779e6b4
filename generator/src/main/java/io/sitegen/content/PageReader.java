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

  PageReader(SiteConfig config) {
    this.config = config;
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

  private Optional<Page> resolve(String relPath, String source, FrontMatter fm, Problems allProblems) {
    Problems problems = new Problems();
    Map<String, Object> data = new LinkedHashMap<>();
    for (PathDefault d : config.pathDefaults()) {
      if (d.covers(relPath)) data.putAll(d.values());
    }
    data.putAll(fm.data());

    boolean draft = readDraft(data.get("draft"), source, fm, problems);
    OffsetDateTime date = readDate(data.get("date"), source, fm, problems);

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

    allProblems.addAll(problems);
    if (problems.hasErrors()) return Optional.empty();

    String title = data.get("title") == null ? "" : Parser.unescapeEntities(String.valueOf(data.get("title")), false);
    String url = Permalinks.publishedUrl(permalink);
    return Optional.of(new Page(source, relPath, data, layout, url, Permalinks.outputPath(url), title,
        date, draft, fm.bodyLine(), fm.keyLines()));
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

  private static OffsetDateTime readDate(Object value, String source, FrontMatter fm, Problems problems) {
    if (value == null) return null;
    String s = String.valueOf(value).trim();
    try {
      if (s.length() == 10) return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
      if (s.matches(".*([+-]\\d\\d:?\\d\\d|Z)$")) return OffsetDateTime.parse(s.replace(' ', 'T'));
      return LocalDateTime.parse(s.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      problems.error(source, fm.lineOf("date"),
          "date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, found '" + s + "'");
      return null;
    }
  }
}
