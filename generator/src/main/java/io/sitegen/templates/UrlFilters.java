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
    if (!url.startsWith("/") || url.startsWith("//")) return false;
    String path = url;
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) if (path.indexOf(c) >= 0) cut = Math.min(cut, path.indexOf(c));
    path = path.substring(0, cut);
    if (hasBasePath(path)) {
      String inside = path.substring(basePath.length());
      if (serves.test(inside.isEmpty() ? "/" : inside)) return true;
    }
    return serves.test(path);
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

  /** A root-relative URL with the sub-path in front, once; any other URL as it is. */
  String url(String url) {
    if (!url.startsWith("/") || url.startsWith("//") || hasBasePath(url)) return url;
    return basePath + url;
  }

  /** The URL with the site's scheme, host and sub-path; a path without '/' is taken from the site's root. */
  String absoluteUrl(String url) {
    if (url.startsWith("//") || SCHEME.matcher(url).lookingAt()) return url;
    String rooted = url(url.startsWith("/") ? url : "/" + url);
    return origin + rooted;
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
