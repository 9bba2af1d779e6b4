package io.sitegen.config;

import java.util.Map;

/**
 * Front matter values given to every page under a folder of {@code content/}, in the spirit of
 * Jekyll's front matter defaults. A page's own front matter wins over them.
 *
 * @param path   folder under {@code content/}, e.g. {@code docs}; empty for every page
 * @param values the front matter keys and values to apply
 */
public record PathDefault(String path, Map<String, Object> values) {
  public PathDefault {
    path = trimSlashes(path);
    values = Map.copyOf(values);
  }

  /** Whether this default covers a page at {@code relPath}, a path inside {@code content/}. */
  public boolean covers(String relPath) {
    return path.isEmpty() || relPath.equals(path) || relPath.startsWith(path + "/");
  }

  private static String trimSlashes(String p) {
    String s = p.replace('\\', '/');
    while (s.startsWith("/") || s.startsWith("./")) s = s.substring(s.startsWith("/") ? 1 : 2);
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }
}
