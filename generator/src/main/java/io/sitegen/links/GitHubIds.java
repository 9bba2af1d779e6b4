package io.sitegen.links;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The ids GitHub gives the headings of a page, beside the ids the page is published with. Authors
 * test their links on GitHub, whose rule differs from ours: it lower-cases the text, drops
 * punctuation but keeps every letter ({@code ł}, Cyrillic) and {@code -} and {@code _}, and turns
 * each space into {@code -}, so that {@code a -- b} gives {@code a----b}; a repeated id gets
 * {@code -1}, {@code -2}. A link whose fragment is such an id is published with the real one.
 */
public final class GitHubIds {
  private GitHubIds() {}

  private static final Pattern HEADING =
      Pattern.compile("<h([1-6])\\b([^>]*)>(.*?)</h\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  /** GitHub's id of each heading of the rendered page, to the heading's published id, where the two differ. */
  public static Map<String, String> of(String html) {
    Map<String, String> aliases = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    if (html.indexOf("<h") < 0) return aliases;
    Matcher m = HEADING.matcher(html);
    while (m.find()) {
      Matcher id = ID.matcher(m.group(2));
      String text = Parser.unescapeEntities(TAG.matcher(m.group(3)).replaceAll(""), false);
      String slug = slug(text);
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      String github = n == 0 ? slug : slug + "-" + n;
      if (id.find()) {
        String published = Parser.unescapeEntities(id.group(1), true);
        if (!published.equals(github)) aliases.putIfAbsent(github, published);
      }
    }
    return aliases;
  }

  /** GitHub's slug of a heading's text. */
  static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean keep = Character.isLetter(cp) || Character.isDigit(cp) || cp == '-' || cp == '_'
          || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
      if (cp == ' ') out.append('-');
      else if (keep) out.appendCodePoint(cp);
    }
    return out.toString();
  }
}
