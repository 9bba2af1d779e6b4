package io.sitegen.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a request path into the output file it names, refusing anything that tries to leave the
 * site: {@code ..} segments, encoded or not, encoded slashes, backslashes, empty segments, control
 * characters and text that is not well-formed.
 */
final class RequestPath {
  private RequestPath() {}

  /** Thrown for a path that is refused outright (answered 400). */
  static final class Refused extends Exception {
    Refused(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * @param raw the path as sent, still percent-encoded
   * @return the output path it names, without a leading slash; a folder ends with '/'
   */
  static String toOutputPath(String raw) throws Refused {
    if (raw == null || !raw.startsWith("/")) throw new Refused("not an absolute path");
    String lower = raw.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || raw.contains("\\")) {
      throw new Refused("encoded slashes and backslashes are not served");
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Refused("malformed percent-encoding");
    }
    if (decoded.contains("%")) {
      // decoding twice is how double-encoded dots (%252e) get through elsewhere: refuse it
      String twice;
      try {
        twice = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        twice = decoded; // "%25zz": a literal '%', not a second encoding
      }
      if (!twice.equals(decoded) && (twice.contains("..") || twice.contains("\\"))) {
        throw new Refused("double-encoded path");
      }
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      // ISO controls include U+0080..U+009F, which a raw request line can carry as Latin-1
      if (Character.isISOControl(c) || c == '\\') throw new Refused("control characters and backslashes are not served");
    }
    // a lone surrogate names no file, and a file system refuses it with an unchecked exception
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(decoded)) throw new Refused("not well-formed text");
    // "//etc/passwd" would become the absolute "/etc/passwd", and "//host/" in a redirect another site
    if (decoded.contains("//")) throw new Refused("empty path segments are not served");
    for (String segment : decoded.split("/")) {
      if (segment.equals("..") || segment.equals(".")) throw new Refused("dot segments are not served");
    }
    return decoded.substring(1);
  }
}
