package io.sitegen.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a request path into the output file it names, refusing anything that tries to leave the
 * site: {@code ..} segments, encoded or not, encoded slashes, backslashes and control characters.
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
      String twice = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (!twice.equals(decoded) && (twice.contains("..") || twice.contains("\\"))) {
        throw new Refused("double-encoded path");
      }
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') throw new Refused("control characters and backslashes are not served");
    }
    for (String segment : decoded.split("/")) {
      if (segment.equals("..") || segment.equals(".")) throw new Refused("dot segments are not served");
    }
    return decoded.substring(1);
  }
}
