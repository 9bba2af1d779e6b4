package io.sitegen.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * A page's table of contents, made from the headings of its rendered HTML (those with an id):
 * as a nested list for layouts ({@code page.toc}), as HTML ({@code page.tocHtml}), and in place of
 * a {@code [[toc]]} line of the Markdown.
 */
public final class TableOfContents {
  /** A heading and its level (1 to 6); its id and title as the page has them (the title as text). */
  public record Heading(int level, String id, String title) {}

  /** A rendered heading: a pattern, not a parser, as flexmark writes them in one known shape. */
  private static final Pattern HEADING = Pattern.compile("<h([1-6])([^>]*)>(.*?)</h\\1>", Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  /** A paragraph that is only {@code [[toc]]}: the line as flexmark renders it. */
  private static final String MARKER = "<p>[[toc]]</p>";

  private TableOfContents() {}

  /** The headings of a page's HTML that have an id, in order. */
  public static List<Heading> headings(String html) {
    List<Heading> found = new ArrayList<>();
    if (html == null || html.indexOf("<h") < 0) return found;
    Matcher m = HEADING.matcher(html);
    while (m.find()) {
      Matcher id = ID.matcher(m.group(2));
      if (!id.find()) continue;
      String title = Parser.unescapeEntities(TAG.matcher(m.group(3)).replaceAll(""), false).strip();
      found.add(new Heading(Integer.parseInt(m.group(1)), Parser.unescapeEntities(id.group(1), true), title));
    }
    return found;
  }

  /**
   * The headings from {@code minLevel} to {@code maxLevel} as a tree of maps ({@code level}, {@code id}, {@code title},
   * {@code children}): a heading holds the deeper ones after it, up to the next of its level or above.
   */
  public static List<Map<String, Object>> tree(List<Heading> headings, int minLevel, int maxLevel) {
    List<Map<String, Object>> top = new ArrayList<>();
    List<Map<String, Object>> open = new ArrayList<>(); // the last entry at each depth
    for (Heading h : headings) {
      if (h.level() < minLevel || h.level() > maxLevel) continue;
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("level", h.level());
      entry.put("id", h.id());
      entry.put("title", h.title());
      entry.put("children", new ArrayList<Map<String, Object>>());
      while (!open.isEmpty() && (int) open.get(open.size() - 1).get("level") >= h.level()) open.remove(open.size() - 1);
      if (open.isEmpty()) {
        top.add(entry);
      } else {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> children = (List<Map<String, Object>>) open.get(open.size() - 1).get("children");
        children.add(entry);
      }
      open.add(entry);
    }
    return top;
  }

  /** The tree as nested lists of links, in a {@code <nav class="toc">}; "" when it is empty. */
  public static String html(List<Map<String, Object>> tree) {
    if (tree.isEmpty()) return "";
    StringBuilder out = new StringBuilder("<nav class=\"toc\" aria-label=\"Contents\">");
    list(tree, out);
    return out.append("</nav>").toString();
  }

  @SuppressWarnings("unchecked")
  private static void list(List<Map<String, Object>> entries, StringBuilder out) {
    out.append("<ul>");
    for (Map<String, Object> e : entries) {
      out.append("<li><a href=\"#").append(escape((String) e.get("id"))).append("\">")
          .append(escape((String) e.get("title"))).append("</a>");
      List<Map<String, Object>> children = (List<Map<String, Object>>) e.get("children");
      if (!children.isEmpty()) list(children, out);
      out.append("</li>");
    }
    out.append("</ul>");
  }

  /** Text for an element or a quoted attribute: {@code & < > "} escaped, as flexmark escapes text. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The page's HTML with each {@code [[toc]]} paragraph replaced by its table of contents. */
  public static String replaceMarker(String html, int minLevel, int maxLevel) {
    if (html == null || !html.contains(MARKER)) return html;
    return html.replace(MARKER, html(tree(headings(html), minLevel, maxLevel)));
  }
}
