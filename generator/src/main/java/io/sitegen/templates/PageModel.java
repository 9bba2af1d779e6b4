package io.sitegen.templates;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.sitegen.content.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a layout sees as {@code page}: the front matter plus the values the generator works out. */
public final class PageModel {
  private PageModel() {}

  /**
   * @param html the page's rendered body, inserted as it is (it is marked safe for escaping)
   */
  public static Map<String, Object> of(Page page, String html) {
    Map<String, Object> model = new LinkedHashMap<>(page.data());
    model.put("title", page.title());
    model.put("url", page.url());
    model.put("date", page.date());
    model.put("draft", page.draft());
    model.put("source", page.source());
    model.put("layout", page.layout());
    int slash = page.relPath().indexOf('/');
    model.put("section", slash < 0 ? "" : page.relPath().substring(0, slash));
    model.put("content", html == null ? null : new SafeString(html));
    return model;
  }
}
