package io.sitegen.links;

import io.sitegen.content.SiteIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Checks the links a layout adds to a page (its nav, its stylesheet, a list of posts) against
 * what the build writes. The page's own Markdown is left out: its links were checked, with their
 * lines, as it was rendered.
 */
public final class LayoutLinks {
  /**
   * An {@code href} or {@code src} attribute and its value. A pattern rather than an HTML parser:
   * parsing every page of a 4,000-post build with jsoup to find a dozen links each would cost more
   * than rendering its layout.
   */
  private static final Pattern ATTRIBUTE =
      Pattern.compile("(?i)[\\s\"'](?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");

  /** What is wrong with a link. */
  public enum Kind {
    /** it names nothing the build writes */
    BROKEN,
    /** under a sub-path, it names a file of the site from the host's root, leaving the sub-path out */
    SKIPS_BASE_PATH
  }

  /** One link of a layout that is wrong, as the page has it. */
  public record Finding(String url, Kind kind) {}

  private final SiteIndex index;
  private final String basePath;

  /** @param basePath the sub-path the site is served under ({@code /project}), or "" */
  public LayoutLinks(SiteIndex index, String basePath) {
    this.index = index;
    this.basePath = basePath;
  }

  /**
   * The wrong links of a rendered page, each once.
   *
   * @param content the page's own rendered Markdown, as the layout inserted it, or null
   * @param pageUrl the page's URL without the sub-path, which relative links start from
   */
  public List<Finding> check(String html, String content, String pageUrl) {
    int cut = content == null || content.isEmpty() ? -1 : html.indexOf(content);
    Set<String> urls = new LinkedHashSet<>();
    Matcher m = ATTRIBUTE.matcher(html);
    if (cut < 0) {
      collect(m, 0, html.length(), urls);
    } else {
      collect(m, 0, cut, urls);
      collect(m, cut + content.length(), html.length(), urls);
    }
    List<Finding> found = new ArrayList<>();
    for (String url : urls) {
      Kind kind = kindOf(url, pageUrl);
      if (kind != null) found.add(new Finding(url, kind));
    }
    return found;
  }

  private static void collect(Matcher m, int from, int to, Set<String> urls) {
    m.region(from, to);
    while (m.find()) {
      String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String url = Parser.unescapeEntities(raw, true).trim();
      if (!url.isEmpty() && !url.startsWith("#") && !Url.isExternal(url)) urls.add(url);
    }
  }

  /** What is wrong with one link of a page at {@code pageUrl}, or null when it leads to a file of the build. */
  Kind kindOf(String url, String pageUrl) {
    Url u = Url.parse(url);
    String path = u.path();
    if (path.isEmpty()) return null; // "?page=2": this page
    if (!path.startsWith("/")) {
      int slash = pageUrl.lastIndexOf('/');
      String resolved = Links.normalize(pageUrl.substring(0, slash + 1) + path);
      if (resolved == null) return Kind.BROKEN;
      return index.serves("/" + resolved + (path.endsWith("/") && !resolved.isEmpty() ? "/" : "")) ? null : Kind.BROKEN;
    }
    if (basePath.isEmpty()) return index.serves(path) ? null : Kind.BROKEN;
    if (path.equals(basePath) || path.startsWith(basePath + "/")) {
      String inside = path.substring(basePath.length());
      if (index.serves(inside.isEmpty() ? "/" : inside)) return null;
    }
    return index.serves(path) ? Kind.SKIPS_BASE_PATH : Kind.BROKEN;
  }
}
