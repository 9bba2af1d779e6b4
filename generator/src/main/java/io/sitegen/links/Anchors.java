package io.sitegen.links;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The targets a {@code #fragment} can name in a rendered page: every {@code id}, and the
 * {@code name} of every {@code <a name>}.
 *
 * <p>This reads start tags with a small scanner instead of building a Jsoup tree: Markdown output
 * escapes every {@code <} of text, so each start tag in it is a real element, and a build needs the
 * ids of every page. Building thousands of trees, and then matching patterns over every tag, cost
 * more than the whole link check was allowed to (bench/links.sh).
 */
public final class Anchors {
  private Anchors() {}

  public static Set<String> of(String html) {
    Set<String> ids = new HashSet<>();
    int n = html.length();
    int lt = html.indexOf('<');
    while (lt >= 0 && lt + 1 < n) {
      int gt = html.indexOf('>', lt + 1);
      if (gt < 0) break;
      char first = html.charAt(lt + 1);
      // Only between '<' and '>': indexOf('=') from each tag scanned to the end of the page when the
      // tag had none, quadratic on a 40,000-item list.
      if (Character.isLetter(first) && hasEquals(html, lt + 2, gt)) attributes(html, lt + 1, gt, ids);
      lt = html.indexOf('<', gt);
    }
    return ids;
  }

  /** Reads the attributes of the start tag between {@code from} (its name) and {@code to} ('>'). */
  private static void attributes(String html, int from, int to, Set<String> ids) {
    int i = from;
    while (i < to && !isSpace(html.charAt(i)) && html.charAt(i) != '/') i++;
    boolean isA = i - from == 1 && (html.charAt(from) | 0x20) == 'a';
    while (i < to) {
      while (i < to && (isSpace(html.charAt(i)) || html.charAt(i) == '/')) i++;
      int nameStart = i;
      while (i < to && !isSpace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '/') i++;
      int nameEnd = i;
      while (i < to && isSpace(html.charAt(i))) i++;
      if (i >= to || html.charAt(i) != '=') continue;
      i++;
      while (i < to && isSpace(html.charAt(i))) i++;
      int valueStart;
      int valueEnd;
      if (i < to && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
        char quote = html.charAt(i);
        valueStart = i + 1;
        valueEnd = valueStart; // not indexOf: an unclosed quote would send it to the end of the page
        while (valueEnd < to && html.charAt(valueEnd) != quote) valueEnd++;
        if (valueEnd >= to) return;
        i = valueEnd + 1;
      } else {
        valueStart = i;
        while (i < to && !isSpace(html.charAt(i))) i++;
        valueEnd = i;
      }
      int length = nameEnd - nameStart;
      boolean id = length == 2 && html.regionMatches(true, nameStart, "id", 0, 2);
      boolean name = isA && length == 4 && html.regionMatches(true, nameStart, "name", 0, 4);
      if (id || name) {
        String value = html.substring(valueStart, valueEnd);
        ids.add(value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true));
      }
    }
  }

  private static boolean hasEquals(String html, int from, int to) {
    for (int i = from; i < to; i++) if (html.charAt(i) == '=') return true;
    return false;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }
}
