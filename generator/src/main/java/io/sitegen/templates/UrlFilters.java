package io.sitegen.templates;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The layouts' {@code exists} function and their {@code url} and {@code absoluteUrl} filters, for a site served under a sub-path
 * ({@code baseUrl: https://org.github.io/project}): {@code {{ "/css/site.css" | url }}} is
 * {@code /project/css/site.css}, and {@code absoluteUrl} adds the scheme and host. Both leave a URL
 * that has them already as it is, so that {@code {{ page.url | url }}} is right too.
 * {@code exists("/docs/")} tells whether the build writes that URL, for a nav that links only to
 * what the site has.
 */
final class UrlFilters extends AbstractExtension {
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final String origin;
  private final String basePath;
  private volatile java.util.function.Predicate<String> serves = path -> false;

  /**
   * @param baseUrl  the site's address, or "" when it has none
   * @param basePath its path without the last slash, "" at the root of the host
   */
  UrlFilters(String baseUrl, String basePath) {
    this.origin = originOf(baseUrl);
    this.basePath = basePath;
  }

  private static String originOf(String baseUrl) {
    try {
      URI uri = new URI(baseUrl.trim());
      return uri.getScheme() == null || uri.getRawAuthority() == null ? ""
          : uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (URISyntaxException e) {
      return ""; // reading site.yml reported it
    }
  }

  /** What the site's outputs are, from a URL path from the root (without the sub-path): set once the outputs are known. */
  void serving(java.util.function.Predicate<String> outputs) {
    this.serves = outputs;
  }

  @Override
  public Map<String, io.pebbletemplates.pebble.extension.Function> getFunctions() {
    return Map.of("exists", new Exists());
  }

  /** Whether the build writes a root-relative URL, written with or without the sub-path. */
  boolean exists(String url) {
    boolean answer = answer(url);
    record(url, answer);
    return answer;
  }

  /**
   * The questions of the outputs the rendering on this thread asked (an {@code exists} URL, or
   * whether a URL given to {@code url} is a path of the site), with their answers: a page
   * rendered with an answer that has changed since must be rendered again. Null when not asked for.
   */
  static final ThreadLocal<Map<String, Boolean>> ASKED = new ThreadLocal<>();

  private static void record(String question, boolean answer) {
    Map<String, Boolean> asked = ASKED.get();
    if (asked != null) asked.put(question, answer);
  }

  /**
   * What {@code exists(url)} answers now: a URL is read as a path of the site first; failing that,
   * as one written with the sub-path. Also the answer to a question {@link #url} asked.
   */
  boolean answer(String url) {
    if (url.startsWith(SITE_PATH)) return serves.test(stripped(url.substring(SITE_PATH.length())));
    if (!url.startsWith("/") || url.startsWith("//")) return false;
    String path = url;
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) if (path.indexOf(c) >= 0) cut = Math.min(cut, path.indexOf(c));
    path = path.substring(0, cut);
    if (serves.test(path)) return true;
    if (hasBasePath(path)) {
      String inside = path.substring(basePath.length());
      return serves.test(inside.isEmpty() ? "/" : inside);
    }
    return false;
  }

  private final class Exists implements io.pebbletemplates.pebble.extension.Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("url");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
      Object url = args.get("url");
      return url != null && exists(url.toString());
    }
  }

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of("url", new Simple(this::url), "absoluteUrl", new Simple(this::absoluteUrl));
  }

  /**
   * A root-relative URL with the sub-path in front, once; any other URL as it is. A URL that starts
   * with the sub-path is taken as written with it, unless it is also a path of the site (the
   * sub-path {@code /blog} and the blog's {@code /blog/}): then it is a path of the site.
   */
  String url(String url) {
    if (!url.startsWith("/") || url.startsWith("//")) return url;
    if (hasBasePath(url)) {
      String question = SITE_PATH + url;
      boolean sitePath = answer(question);
      record(question, sitePath);
      if (!sitePath) return url;
    }
    return basePath + url;
  }

  /** A question {@link #url} asks: whether a URL is a path of the site (without the sub-path). */
  private static final String SITE_PATH = "\0site-path:";

  /** The URL with the site's scheme, host and sub-path; a path without '/' is taken from the site's root. */
  String absoluteUrl(String url) {
    if (url.isEmpty() || url.startsWith("//") || SCHEME.matcher(url).lookingAt()) return url;
    String rooted = url(url.startsWith("/") ? url : "/" + url);
    return origin + rooted;
  }

  private static String stripped(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) if (url.indexOf(c) >= 0) cut = Math.min(cut, url.indexOf(c));
    return url.substring(0, cut);
  }

  private boolean hasBasePath(String url) {
    if (basePath.isEmpty() || !url.startsWith(basePath)) return false;
    if (url.length() == basePath.length()) return true;
    char next = url.charAt(basePath.length());
    return next == '/' || next == '?' || next == '#';
  }

  /** A filter of one string argument, its input; null is "". */
  private record Simple(java.util.function.UnaryOperator<String> apply) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
        int lineNumber) {
      return apply.apply(input == null ? "" : input.toString());
    }
  }
}
