package io.sitegen.content;

import static io.sitegen.testing.Properties.visible;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.testing.Properties;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of {@link Permalinks} over random and hostile permalinks: a permalink is either
 * refused with a one-line reason or written to a file inside the output folder, under a name a
 * file system takes; expanding a pattern never fails.
 */
class PermalinksPropertyTest {
  private static final List<String> PIECES = List.of(
      "/", "/", "/", "..", ".", "%2e", "%2E", "%2f", "%2F", "%5c", "\\", "%00", "%", "%zz", "%2", "%25", "%c3%a9",
      "%ff", "\u0000", "\t", "\n", "\u007f", "?", "#", "é", "日本", " ", "%20", "a", "x.html", "index.html", "blog",
      "{path}", "{basename:lower}", "{year}", "{nope}", "a".repeat(120), "é".repeat(100));

  @TempDir
  Path out;

  @Test
  void aPermalinkIsRefusedOrWrittenInsideTheOutput() {
    Properties.check(20_000, random -> Properties.draw(random, random.nextInt(8) == 0 ? "" : "/", PIECES, 10),
        this::violation);
  }

  @Test
  void expandingAnyPatternNeverFails() {
    Properties.check(5_000, random -> Properties.draw(random, "/", PIECES, 10), pattern -> {
      try {
        Permalinks.expand(pattern, "blog/Some Post.md", random(pattern));
        return null;
      } catch (RuntimeException e) {
        return "threw " + e;
      }
    });
  }

  private static OffsetDateTime random(String seed) {
    return seed.length() % 2 == 0 ? null : OffsetDateTime.parse("2024-12-10T10:00:00Z");
  }

  /** The property: null when {@code permalink} is handled correctly, otherwise what went wrong. */
  String violation(String permalink) {
    String problem;
    String file;
    try {
      problem = Permalinks.problemWith(permalink);
      if (problem != null) return problem.contains("\n") ? "a reason of more than one line" : null;
      file = Permalinks.outputPath(Permalinks.publishedUrl(permalink));
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    if (file.isEmpty() || file.startsWith("/")) return "writes " + visible(file);
    if (file.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "writes a control character: " + visible(file);
    for (String segment : file.split("/", -1)) {
      if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) return "writes " + visible(file);
      if (segment.getBytes(StandardCharsets.UTF_8).length > 255) return "writes a name over 255 bytes";
    }
    Path resolved;
    try {
      resolved = out.resolve(file).normalize();
    } catch (InvalidPathException e) {
      return "cannot be a file: " + e.getMessage();
    }
    return resolved.startsWith(out) && !resolved.equals(out) ? null : "leaves the output: " + resolved;
  }

  @Test
  void thePropertyCatchesWhatWasWrongBefore() {
    // Each of these was written outside the output folder, or failed the build as a bug.
    assertThat(Permalinks.problemWith("//x")).startsWith("permalink must not start with '//'");
    assertThat(Permalinks.problemWith("/%2e%2e/x.html")).startsWith("permalink leaves the output folder");
    assertThat(violation("/blog/my%20post.html")).isNull();
    assertThat(Permalinks.outputPath("/blog/my%20post.html")).isEqualTo("blog/my post.html");
    // two "." segments in a row kept one (seed 26147509919430)
    assertThat(Permalinks.outputPath("/%20/%2e/%2e/")).isEqualTo(" /index.html");
  }
}
