package io.sitegen.content;

import io.sitegen.config.Languages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code translations.pattern} as a test of site paths: whether a page is a translation, in which
 * language, and of which original. A pure function of the path and the settings, as a page's
 * permalink is.
 */
public final class TranslationPattern {
  private final Languages languages;
  /** The pattern with {@code {lang}} matching the declared codes only. */
  private final Pattern declared;
  /** The pattern with {@code {lang}} matching any code, to tell an undeclared one; null when that is no error. */
  private final Pattern anyCode;
  private final boolean byName;

  /**
   * What a site path is by the pattern.
   *
   * @param lang     the declared language code (as site.yml writes it)
   * @param original the site path of the page it translates
   */
  record Match(String lang, String original) {}

  public TranslationPattern(Languages languages) {
    this.languages = languages;
    String pattern = languages.pattern();
    this.byName = pattern.contains("{name}");
    StringBuilder codes = new StringBuilder();
    for (Languages.Language l : languages.all()) {
      if (codes.length() > 0) codes.append('|');
      codes.append(Pattern.quote(l.code()));
    }
    this.declared = languages.declared() ? compile(pattern, "(?i:" + codes + ")") : null;
    // only a name shaped as a language code: docs/lang/java/ is a folder of docs, not a language
    this.anyCode = languages.declared() && fixedSegmentBeforeLang(pattern) ? compile(pattern, Languages.CODE_PATTERN) : null;
  }

  private static Pattern compile(String pattern, String lang) {
    StringBuilder regex = new StringBuilder("^");
    int i = 0;
    while (i < pattern.length()) {
      if (pattern.startsWith("{dir}/", i)) {
        regex.append("(?<dir>(?:[^/]+/)*)"); // none or more folders, each with its slash
        i += "{dir}/".length();
      } else if (pattern.startsWith("{lang}", i)) {
        regex.append("(?<lang>").append(lang).append(')');
        i += "{lang}".length();
      } else if (pattern.startsWith("{file}", i)) {
        regex.append("(?<file>[^/]+\\.md)");
        i += "{file}".length();
      } else if (pattern.startsWith("{name}", i)) {
        regex.append("(?<name>[^/]+?)");
        i += "{name}".length();
      } else {
        int next = pattern.indexOf('{', i);
        int end = next < 0 ? pattern.length() : next;
        regex.append(Pattern.quote(pattern.substring(i, end)));
        i = end;
      }
    }
    return Pattern.compile(regex.append('$').toString());
  }

  /**
   * Whether {@code {lang}} fills a folder of its own after a folder whose name is fixed
   * ({@code {dir}/lang/{lang}/{file}}): then a path with an undeclared code there is a mistake,
   * where in {@code {dir}/{name}.{lang}.md} a name such as {@code v6.2.md} is no translation.
   */
  static boolean fixedSegmentBeforeLang(String pattern) {
    String[] segments = pattern.split("/");
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].equals("{lang}")) return !segments[i - 1].contains("{");
    }
    return false;
  }

  /** What the page at {@code sitePath} is by the pattern: a translation, or null for an original. */
  Match match(String sitePath) {
    if (declared == null) return null;
    Matcher m = declared.matcher(sitePath);
    if (!m.matches()) return null;
    String lang = languages.find(m.group("lang")).code();
    String dir = group(m, "dir");
    String original = dir + (byName ? m.group("name") + ".md" : m.group("file"));
    return new Match(lang, original);
  }

  /**
   * The code in {@code {lang}}'s place of a path that the pattern would make a translation but for
   * its code, which no language declares; null otherwise (and always for a pattern where such a
   * path may well be no translation, see {@link #fixedSegmentBeforeLang}).
   */
  String undeclaredCode(String sitePath) {
    if (anyCode == null || match(sitePath) != null) return null;
    Matcher m = anyCode.matcher(sitePath);
    return m.matches() ? m.group("lang") : null;
  }

  private static String group(Matcher m, String name) {
    try {
      String g = m.group(name);
      return g == null ? "" : g;
    } catch (IllegalArgumentException e) {
      return ""; // the pattern has no such placeholder
    }
  }

  /**
   * The site path that names the versions of the page at {@code sitePath}: the original's path for
   * a translation, and for an original written in the default language's form ({@code guide.en.md}
   * under {@code {dir}/{name}.{lang}.md}, Hugo's way); else its own path.
   */
  String keyOf(String sitePath) {
    Match m = match(sitePath);
    return m == null ? sitePath : m.original();
  }

  /** {@code page} (as {@link PageReader} reads it) with its language and, for a translation, its original, as this pattern reads its path. */
  Page tag(Page page) {
    if (!languages.declared()) return page.inLanguage(null, null);
    Match m = match(page.relPath());
    // in the default language's form (guide.en.md), a page is the original of its versions
    if (m == null || m.lang().equals(languages.defaultCode())) return page.inLanguage(languages.defaultCode(), null);
    return page.inLanguage(m.lang(), m.original());
  }
}
