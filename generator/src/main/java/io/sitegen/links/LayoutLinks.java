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
   * The value of an {@code href} or {@code src} attribute whose name ends just before it. A pattern
   * tried only where {@code indexOf} found such a name rather than an HTML parser: parsing every
   * page of a 4,000-post build with jsoup to find a dozen links each would cost more than
   * rendering its layout, and a case-insensitive pattern searching the whole page took 0.65 to
   * 2.2 s of CPU on its 25.6 MB of HTML against 0.27 s this way.
   */
  private static final Pattern VALUE = Pattern.compile("\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("(?i)[\\s\"'/](?:href|src)(?=\\s*=)");

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
  private final String origin;

  /**
   * @param basePath the sub-path the site is served under, decoded ({@code /project}), or ""
   * @param origin   the scheme and host of baseUrl ({@code https://org.github.io}), or "": a link
   *                 to the site's own address is checked as a link from its root
   */
  public LayoutLinks(SiteIndex index, String basePath, String origin) {
    this.index = index;
    this.basePath = basePath;
    this.origin = origin;
  }

  /**
   * The wrong links of a rendered page, each once.
   *
   * @param content the page's own rendered Markdown, as the layout inserted it, or null
   * @param pageUrl the page's URL without the sub-path, which relative links start from
   * @param served  gets the paths (from the site root, without the sub-path) that links led to
   */
  public List<Finding> check(String html, String content, String pageUrl, Set<String> served) {
    int cut = content == null || content.isEmpty() ? -1 : html.indexOf(content);
    Set<String> urls = new LinkedHashSet<>();
    if (cut < 0) {
      collect(html, 0, html.length(), urls);
    } else {
      collect(html, 0, cut, urls);
      collect(html, cut + content.length(), html.length(), urls);
    }
    List<Finding> found = new ArrayList<>();
    for (String url : urls) {
      Kind kind = kindOf(url, pageUrl, served);
      if (kind != null) found.add(new Finding(url, kind));
    }
    return found;
  }

  private void collect(String html, int from, int to, Set<String> urls) {
    boolean anyCase = html.regionMatches(true, from, html, from, 0) && (html.contains("HREF") || html.contains("SRC")
        || html.contains("Href") || html.contains("Src"));
    if (anyCase) {
      Matcher names = ATTRIBUTE.matcher(html).region(from, to);
      while (names.find()) value(html, names.end(), to, urls);
      return;
    }
    for (String name : new String[] {"href", "src"}) {
      for (int at = html.indexOf(name, from); at >= 0 && at < to; at = html.indexOf(name, at + name.length())) {
        char before = at == 0 ? ' ' : html.charAt(at - 1);
        if (Character.isWhitespace(before) || before == '"' || before == '\'' || before == '/') {
          value(html, at + name.length(), to, urls);
        }
      }
    }
  }

  private void value(String html, int at, int to, Set<String> urls) {
    Matcher m = VALUE.matcher(html).region(at, to);
    if (!m.lookingAt()) return;
    String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    String url = Parser.unescapeEntities(raw, true).trim();
    if (!origin.isEmpty() && url.startsWith(origin + "/")) url = url.substring(origin.length());
    if (!url.isEmpty() && !url.startsWith("#") && !Url.isExternal(url)) urls.add(url);
  }

  /** What is wrong with one link of a page at {@code pageUrl}, or null when it leads to a file of the build. */
  Kind kindOf(String url, String pageUrl, Set<String> served) {
    Url u = Url.parse(url);
    String path = u.path();
    if (path.isEmpty()) return null; // "?page=2": this page
    if (!path.startsWith("/")) {
      int slash = pageUrl.lastIndexOf('/');
      String resolved = Links.normalize(pageUrl.substring(0, slash + 1) + path);
      if (resolved == null) return Kind.BROKEN;
      return serves("/" + resolved + (path.endsWith("/") && !resolved.isEmpty() ? "/" : ""), served)
          ? null : Kind.BROKEN;
    }
    if (basePath.isEmpty()) return serves(path, served) ? null : Kind.BROKEN;
    if (path.equals(basePath) || path.startsWith(basePath + "/")) {
      // as a browser reads it: the sub-path is where the site starts
      String inside = path.substring(basePath.length());
      if (serves(inside.isEmpty() ? "/" : inside, served)) return null;
    }
    return serves(path, served) ? Kind.SKIPS_BASE_PATH : Kind.BROKEN;
  }

  private boolean serves(String path, Set<String> served) {
    if (!index.serves(path)) return false;
    served.add(path);
    return true;
  }

  /** Whether a path that a link led to ({@link #check}'s {@code served}) still leads to a file of the build. */
  public boolean stillServes(String path) {
    return index.serves(path);
  }
}
