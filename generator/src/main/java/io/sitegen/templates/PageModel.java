package io.sitegen.templates;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.sitegen.config.Languages;
import io.sitegen.content.Page;
import io.sitegen.content.Translations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a layout sees as {@code page}: the front matter plus the values the generator works out. */
public final class PageModel {
  private PageModel() {}

  /**
   * @param html     the page's rendered body, inserted as it is (it is marked safe for escaping)
   * @param basePath the sub-path the site is served under ({@code /project}, or ""): {@code url}
   *                 starts with it, so that a layout can write it as it is
   */
  public static Map<String, Object> of(Page page, String html, String basePath) {
    return of(page, html, basePath, null);
  }

  /**
   * @param tags the page's tags as layouts see them ({@code name}, {@code slug}, {@code url},
   *             {@code count}), given as {@code page.tags} in place of the front matter's names;
   *             null leaves {@code tags} as the front matter has it
   */
  public static Map<String, Object> of(Page page, String html, String basePath, List<Map<String, Object>> tags) {
    Map<String, Object> model = new LinkedHashMap<>(page.data());
    if (tags != null) model.put("tags", tags);
    model.put("title", page.title());
    model.put("url", basePath + page.url());
    model.put("date", page.date());
    model.put("draft", page.draft());
    model.put("source", page.source());
    // the page's language, on a site that declares languages (else front matter's lang, if any)
    if (page.lang() != null) model.put("lang", page.lang());
    model.put("layout", page.layout());
    model.put("section", page.section());
    model.put("content", html == null ? null : new SafeString(html));
    return model;
  }

  /**
   * What a layout sees of a page's versions in the site's languages: {@code original} (for a
   * translation), {@code translations} (every version, this one included) and {@code outdated}.
   */
  public static Map<String, Object> translations(Page page, Translations translations, Languages languages,
      String basePath) {
    Map<String, Object> model = new LinkedHashMap<>();
    Page original = translations.originalOf(page);
    model.put("original", original == null ? null : version(original, page, translations, languages, basePath));
    List<Map<String, Object>> versions = new java.util.ArrayList<>();
    for (Page p : translations.versionsOf(page)) versions.add(version(p, page, translations, languages, basePath));
    model.put("translations", versions);
    model.put("outdated", translations.outdated(page));
    return model;
  }

  private static Map<String, Object> version(Page version, Page current, Translations translations,
      Languages languages, String basePath) {
    Languages.Language l = version.lang() == null ? null : languages.find(version.lang());
    return version(version.lang(), l == null ? version.lang() : l.name(), basePath + version.url(), version.title(),
        version.relPath().equals(current.relPath()), translations.outdated(version));
  }

  /**
   * One version of a page in {@code page.translations}, as a language switcher reads it: its
   * {@code lang}, the language's {@code name}, {@code url}, {@code title}, whether it is the
   * {@code current} page, and whether it is {@code outdated}.
   */
  public static Map<String, Object> version(String lang, String name, String url, String title, boolean current,
      boolean outdated) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lang", lang);
    m.put("name", name);
    m.put("url", url);
    m.put("title", title);
    m.put("current", current);
    m.put("outdated", outdated);
    return m;
  }
}
