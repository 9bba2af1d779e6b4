package io.sitegen.links;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A URL as written in a page, split into the path and what follows it.
 *
 * @param path     the part before {@code ?} and {@code #}, percent-decoded
 * @param suffix   {@code ?query#fragment} as written, kept on the published URL
 * @param fragment the fragment without {@code #}, decoded, or null
 */
record Url(String path, String suffix, String fragment) {
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

  /** Whether the URL names another site or a scheme of its own; such URLs are left alone. */
  static boolean isExternal(String url) {
    return url.startsWith("//") || SCHEME.matcher(url).lookingAt();
  }

  static Url parse(String url) {
    int cut = url.length();
    int query = url.indexOf('?');
    int hash = url.indexOf('#');
    if (query >= 0) cut = query;
    if (hash >= 0 && hash < cut) cut = hash;
    String fragment = hash < 0 ? null : decode(url.substring(hash + 1));
    return new Url(decode(url.substring(0, cut)), url.substring(cut), fragment);
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) return s;
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray '%': take the text as written
    }
  }
}
