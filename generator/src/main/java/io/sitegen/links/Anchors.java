package io.sitegen.links;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets a {@code #fragment} can name in a rendered page: every {@code id}, and the
 * {@code name} of every {@code <a name>}.
 *
 * <p>This reads start tags with a pattern instead of building a Jsoup tree: Markdown output escapes
 * every {@code <} of text, so each start tag in it is a real element, and checking anchors needs
 * the ids of nearly every page. Building thousands of trees cost more than the whole link check
 * was allowed to.
 */
public final class Anchors {
  private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)(\\s[^<>]*)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\s(id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", Pattern.CASE_INSENSITIVE);

  private Anchors() {}

  public static Set<String> of(String html) {
    Set<String> ids = new HashSet<>();
    Matcher tag = START_TAG.matcher(html);
    while (tag.find()) {
      String attributes = tag.group(2);
      if (attributes.indexOf('=') < 0) continue;
      boolean isA = tag.group(1).equalsIgnoreCase("a");
      Matcher attr = ATTRIBUTE.matcher(attributes);
      while (attr.find()) {
        if (!isA && attr.group(1).equalsIgnoreCase("name")) continue;
        String value = attr.group(2) != null ? attr.group(2) : attr.group(3) != null ? attr.group(3) : attr.group(4);
        ids.add(org.jsoup.parser.Parser.unescapeEntities(value, true));
      }
    }
    return ids;
  }
}
