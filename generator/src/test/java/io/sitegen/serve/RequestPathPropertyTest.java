package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.sitegen.testing.Properties;
import static io.sitegen.testing.Properties.visible;

/**
 * Properties of {@link RequestPath} over random and hostile request paths: it answers with a path
 * or {@link RequestPath.Refused}, nothing else, and a path it answers with stays inside the site.
 */
class RequestPathPropertyTest {
  private static final int TRIES = 20_000;

  /** What attacks on path handling are made of, plus ordinary and odd text. */
  private static final List<String> PIECES = List.of(
      "/", "/", "/", "..", ".", "%2e", "%2E", "%252e", "%252E", "%2f", "%2F", "%252f", "%5c", "%5C", "%255c",
      "\\", "%00", "%", "%zz", "%2", "%25", "+", "%2b", "%c0%ae", "%c0%af", "%e0%80%ae", "%ff", "%7f", "%1f",
      "%c2%85", "%c2%9f", "%ed%a0%80", "%f0%9f%98%80", "\u0085", "\u009f", "\t", "\n", "\u0000", "\u202e",
      "\ud800", "\udc00", "\ud83d\ude00", "é", "日本", " ", "%20", ";", "?", "#", ":", "~", "a", "b.html",
      "index.html", "blog", "...", "x".repeat(300));

  @TempDir
  Path root;

  @Test
  void builtFromPiecesOfAttacks() {
    check(random -> {
      List<String> parts = new ArrayList<>();
      if (random.nextInt(10) > 0) parts.add("/");
      for (int i = random.nextInt(12); i >= 0; i--) parts.add(PIECES.get(random.nextInt(PIECES.size())));
      return parts;
    });
  }

  @Test
  void randomText() {
    check(random -> {
      List<String> chars = new ArrayList<>();
      chars.add("/");
      for (int i = random.nextInt(40); i >= 0; i--) {
        int pick = random.nextInt(4);
        char c = switch (pick) {
          case 0 -> "/.%\\25eEfFcC0".charAt(random.nextInt(13)); // the characters attacks are made of
          case 1 -> (char) (0x20 + random.nextInt(0x5f)); // printable ASCII
          case 2 -> (char) random.nextInt(0x100); // Latin-1, controls included
          default -> (char) random.nextInt(0x10000); // any UTF-16 unit, lone surrogates included
        };
        chars.add(String.valueOf(c));
      }
      return chars;
    });
  }

  private void check(Function<Random, List<String>> generator) {
    Properties.check(TRIES, generator, this::violation);
  }

  /** What is under test: {@link RequestPath#toOutputPath}, or a broken stand-in to test the checker. */
  interface Mapper {
    String map(String raw) throws RequestPath.Refused;
  }

  private String violation(String raw) {
    return violation(raw, RequestPath::toOutputPath);
  }

  /** The property: null when {@code raw} is handled correctly, otherwise what went wrong. */
  private String violation(String raw, Mapper mapper) {
    String out;
    try {
      out = mapper.map(raw);
    } catch (RequestPath.Refused e) {
      return null;
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    if (out == null) return "returned null";
    if (out.startsWith("/")) return "starts with '/': " + visible(out);
    if (out.contains("\\")) return "contains a backslash: " + visible(out);
    if (out.chars().anyMatch(Character::isISOControl)) return "contains a control character: " + visible(out);
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(out)) return "is not well-formed text: " + visible(out);
    for (String segment : out.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) return "has a dot segment: " + visible(out);
    }
    Path resolved;
    try {
      resolved = root.resolve(out).normalize();
    } catch (InvalidPathException e) {
      // only a platform whose file names cannot hold the text (a POSIX locale) may refuse it
      Charset names = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
      return names.newEncoder().canEncode(out) ? "cannot be resolved: " + e.getMessage() : null;
    }
    if (!resolved.startsWith(root)) return "leaves the root: " + resolved;
    return null;
  }

  @Test
  void thePropertyCatchesAMapperThatChecksNothing() {
    Mapper naive = raw -> java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8).substring(1);
    assertThat(violation("/blog/one.html", naive)).isNull();
    assertThat(violation("/blog/../../x", naive)).startsWith("has a dot segment");
    assertThat(violation("//etc/passwd", naive)).startsWith("starts with '/'");
    assertThat(violation("/a%5cb", naive)).startsWith("contains a backslash");
    assertThat(violation("/a%0ab", naive)).startsWith("contains a control character");
    assertThat(violation("/%zz", naive)).startsWith("threw java.lang.IllegalArgumentException");
    assertThat(violation("/blog/../../x", raw -> "../x")).startsWith("has a dot segment");
    assertThat(violation("/x", raw -> "a/../../x")).startsWith("has a dot segment");
  }
}
