package io.sitegen.blog;

import io.sitegen.problems.Problem;
import java.util.Map;

/** Writes a page the blog makes (an index page, a tag page) through a layout, or reuses the last build's. */
@FunctionalInterface
public interface LayoutPages {
  /**
   * @param path   the output file
   * @param url    the page's URL without the sub-path
   * @param values what the page adds to the layouts' shared context ({@code page}, {@code paginator}, ...)
   * @return the problem that stopped the layout, or null
   */
  Problem write(String layout, String path, String url, Map<String, Object> values, String forSource);
}
