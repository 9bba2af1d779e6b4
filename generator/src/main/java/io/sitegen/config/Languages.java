package io.sitegen.config;

import io.sitegen.problems.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code languages:} and {@code translations:} settings of {@code site.yml}: the languages a
 * site is written in, the first being the default, and where a translation of a page lives.
 *
 * @param all                the declared languages, in the order written; empty for a site in one language
 * @param pattern            where a translation of {@code {dir}/{file}} lives, as a site path
 *                           ({@code {dir}/lang/{lang}/{file}})
 * @param preferSameLanguage whether a link to a page that has a version in the linking page's
 *                           language is sent to that version
 */
public record Languages(List<Language> all, String pattern, boolean preferSameLanguage) {
  /** Hugo's convention, for a site that declares languages but no pattern: {@code docs/x.pl.md}. */
  private static final String DEFAULT_PATTERN = "{dir}/{name}.{lang}.md";
  public static final Languages NONE = new Languages(List.of(), DEFAULT_PATTERN, false);
  /**
   * The language of a site that declares none, for its layouts' words ({@code i18n/en.yml}): English,
   * as Hugo's {@code defaultContentLanguage} is. Its pages have no {@code page.lang} and no translations.
   */
  private static final Languages IMPLICIT = new Languages(List.of(new Language("en", "English", false)),
      DEFAULT_PATTERN, false);

  /**
   * One declared language.
   *
   * @param code its code as written in site.yml ({@code pl}, {@code pt-BR})
   * @param name its name in itself, for a language switcher ({@code Polski})
   * @param blog whether its translated posts get a blog index and feeds of their own
   */
  public record Language(String code, String name, boolean blog) {}

  /** A language code: two or three letters, then optional subtags ({@code pt-BR}, {@code zh-Hant}). */
  public static final String CODE_PATTERN = "[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*";
  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);
  private static final List<String> PLACEHOLDERS = List.of("{dir}", "{file}", "{name}", "{lang}");

  public boolean declared() {
    return !all.isEmpty();
  }

  /** These languages, or {@link #IMPLICIT} English when none is declared: the languages of the layouts' words. */
  public Languages ofText() {
    return declared() ? this : IMPLICIT;
  }

  /** The default language's code: the first declared; null for a site that declares none. */
  public String defaultCode() {
    return all.isEmpty() ? null : all.get(0).code();
  }

  /** The declared language whose code is {@code code}, compared without case; null when none is. */
  public Language find(String code) {
    for (Language l : all) if (l.code().equalsIgnoreCase(code)) return l;
    return null;
  }

  static Languages read(Object rawLanguages, Object rawTranslations, String text, Problems problems) {
    String file = SiteConfig.FILE_NAME;
    List<Language> all = new ArrayList<>();
    if (rawLanguages != null) {
      int line = Text.lineOfKey(text, "languages");
      if (!(rawLanguages instanceof Map<?, ?> map) || map.isEmpty()) {
        problems.error(file, line, "languages: expected a mapping of codes to settings, such as"
            + " {en: {name: English}, pl: {name: Polski}}");
      } else {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String code = String.valueOf(e.getKey());
          int at = lineOfCode(text, code, line);
          if (!CODE.matcher(code).matches()) {
            problems.error(file, at, "languages: '" + code + "' is not a language code such as en, pl or pt-BR");
            continue;
          }
          if (all.stream().anyMatch(l -> l.code().equalsIgnoreCase(code))) {
            problems.error(file, at, "languages: " + code + " is declared twice (codes are compared without case)");
            continue;
          }
          Object value = e.getValue();
          String name = code;
          boolean blog = false;
          if (value instanceof String s && !s.isBlank()) {
            name = s;
          } else if (value instanceof Map<?, ?> settings) {
            for (Object key : settings.keySet()) {
              if (!List.of("name", "blog").contains(String.valueOf(key))) {
                problems.warning(file, at, "languages." + code + "." + key + ": not a setting of a language"
                    + " (name, blog)");
              }
            }
            Object n = settings.get("name");
            if (n instanceof Map<?, ?> || n instanceof List<?>) {
              problems.error(file, at, "languages." + code + ".name: expected text, such as Polski");
            } else if (n != null && !String.valueOf(n).isBlank()) {
              name = String.valueOf(n);
            }
            Object b = settings.get("blog");
            if (b != null && !(b instanceof Boolean)) {
              problems.error(file, at, "languages." + code + ".blog: expected true or false, found '" + b + "'");
            }
            blog = Boolean.TRUE.equals(b);
          } else if (value != null) {
            problems.error(file, at, "languages." + code + ": expected settings such as {name: Polski, blog: true}");
          }
          all.add(new Language(code, name, blog));
        }
      }
    }
    String pattern = DEFAULT_PATTERN;
    boolean prefer = false;
    if (rawTranslations != null) {
      int line = Text.lineOfKey(text, "translations");
      if (!(rawTranslations instanceof Map<?, ?> map)) {
        problems.error(file, line, "translations: expected a mapping such as {pattern: \"{dir}/lang/{lang}/{file}\"}");
      } else {
        if (rawLanguages == null) {
          problems.error(file, line, "translations: set languages too, the default language first, such as"
              + " {en: {name: English}, pl: {name: Polski}}");
        }
        for (Object key : map.keySet()) {
          if (!List.of("pattern", "preferSameLanguage").contains(String.valueOf(key))) {
            problems.warning(file, line, "translations." + key + ": not a setting of translations"
                + " (pattern, preferSameLanguage)");
          }
        }
        Object p = map.get("pattern");
        if (p != null) {
          String why = patternProblem(String.valueOf(p));
          if (why != null) {
            problems.error(file, lineOfCode(text, "pattern", line), "translations.pattern: " + why);
          } else {
            pattern = String.valueOf(p);
          }
        }
        Object prefers = map.get("preferSameLanguage");
        if (prefers != null && !(prefers instanceof Boolean)) {
          problems.error(file, lineOfCode(text, "preferSameLanguage", line),
              "translations.preferSameLanguage: expected true or false, found '" + prefers + "'");
        }
        prefer = Boolean.TRUE.equals(prefers);
      }
    }
    return new Languages(List.copyOf(all), pattern, prefer);
  }

  /** Why a pattern cannot name where translations live, or null when it can. */
  static String patternProblem(String pattern) {
    String example = "; for example {dir}/lang/{lang}/{file}, {lang}/{dir}/{file} or {dir}/{name}.{lang}.md";
    if (pattern.isBlank()) return "empty" + example;
    if (!pattern.contains("{lang}")) return "'" + pattern + "' has no {lang}" + example;
    if (pattern.contains("{file}") == pattern.contains("{name}")) {
      return "'" + pattern + "' needs one of {file} (the original's file name) or {name} (it without .md)" + example;
    }
    // pages are Markdown files: a pattern that names anything else never matches one
    if (pattern.contains("{name}") && !pattern.endsWith(".md")) return "'" + pattern + "' with {name} must end in .md";
    if (pattern.contains("{file}") && !pattern.endsWith("{file}")) {
      return "'" + pattern + "': {file} (the original's file name, .md included) must end it";
    }
    for (String p : PLACEHOLDERS) {
      int first = pattern.indexOf(p);
      if (first >= 0 && pattern.indexOf(p, first + 1) >= 0) return "'" + pattern + "' has " + p + " twice";
    }
    String rest = pattern;
    for (String p : PLACEHOLDERS) rest = rest.replace(p, "");
    if (rest.contains("{") || rest.contains("}")) {
      return "'" + pattern + "' has a placeholder other than {dir}, {file}, {name} and {lang}";
    }
    if (pattern.contains("{dir}") && !pattern.contains("{dir}/")) return "'" + pattern + "': {dir} must be followed by /";
    if (pattern.startsWith("/") || pattern.contains("..") || pattern.contains("//")) {
      return "'" + pattern + "' must be a path inside the site, with no leading /, .. or //";
    }
    return null;
  }

  /** The line of {@code code:} written after the line {@code from} (a nested key), else {@code from}. */
  private static int lineOfCode(String text, String code, int from) {
    String[] lines = text.split("\n", -1);
    Pattern key = Pattern.compile("(^|[\\s{,])[\"']?" + Pattern.quote(code) + "[\"']?\\s*:");
    for (int i = Math.max(0, from - 1); i < lines.length; i++) {
      if (key.matcher(lines[i]).find()) return i + 1;
    }
    return from;
  }
}
