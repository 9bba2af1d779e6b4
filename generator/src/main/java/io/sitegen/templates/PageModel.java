package io.sitegen.templates;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.sitegen.content.Page;
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
    // a translation is in its original's section, wherever translations.pattern puts it (pl/docs/x.md)
    String place = page.original() != null ? page.original() : page.relPath();
    int slash = place.indexOf('/');
    model.put("section", slash < 0 ? "" : place.substring(0, slash));
    model.put("content", html == null ? null : new SafeString(html));
    return model;
  }
}
