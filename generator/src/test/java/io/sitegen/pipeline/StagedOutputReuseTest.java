package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page's file is reused from the old output only when the last build wrote it from the same key, and it is as written. */
class StagedOutputReuseTest {
  @TempDir
  Path dir;

  private Path out;
  private Map<String, String> checks;

  @BeforeEach
  void lastBuild() throws Exception {
    out = dir.resolve("_site");
    try (StagedOutput first = StagedOutput.open(out, () -> { }, line -> { })) {
      first.write("blog/a.html", bytes("<p>A</p>"), "key-a");
      first.write("b.html", bytes("<p>B</p>"), "key-b");
      first.commit();
      checks = LastBuild.stamped(out, first.digests());
      assertThat(first.keys()).containsOnly(Map.entry("blog/a.html", "key-a"), Map.entry("b.html", "key-b"));
    }
  }

  private StagedOutput next() throws Exception {
    StagedOutput next = StagedOutput.open(out, () -> { }, line -> { });
    next.previous(Map.of("blog/a.html", "key-a", "b.html", "key-b"), checks);
    return next;
  }

  @Test
  void theSameKeyOverAnUnchangedFileLinksIt() throws Exception {
    Object inode = Files.getAttribute(out.resolve("blog/a.html"), "unix:ino");
    try (StagedOutput next = next()) {
      assertThat(next.reuse("blog/a.html", "key-a")).isTrue();
      assertThat(next.reuse("b.html", "another key")).isFalse();
      assertThat(next.reuse("c.html", "key-a")).isFalse();
      next.write("b.html", bytes("<p>B2</p>"), "key-b2");
      next.commit();
      assertThat(next.keys()).containsOnly(Map.entry("blog/a.html", "key-a"), Map.entry("b.html", "key-b2"));
      assertThat(next.digests()).containsEntry("blog/a.html", LastBuild.checkPart(checks.get("blog/a.html")));
    }
    assertThat(Files.getAttribute(out.resolve("blog/a.html"), "unix:ino")).isEqualTo(inode);
    assertThat(Files.readString(out.resolve("b.html"))).isEqualTo("<p>B2</p>");
  }

  @Test
  void aFileChangedSinceItWasWrittenIsNotReused() throws Exception {
    // the same length, so that only its check tells it apart
    Files.writeString(out.resolve("blog/a.html"), "<p>X</p>");
    try (StagedOutput next = next()) {
      assertThat(next.reuse("blog/a.html", "key-a")).isFalse();
      next.abort();
    }
  }

  @Test
  void aFolderOfTheOldOutputThatIsALinkOutOfItIsNeverLinkedFrom() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.move(out.resolve("blog/a.html"), elsewhere.resolve("a.html"));
    Files.delete(out.resolve("blog"));
    Files.createSymbolicLink(out.resolve("blog"), elsewhere);
    try (StagedOutput next = next()) {
      assertThat(next.reuse("blog/a.html", "key-a")).isFalse();
      next.abort();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
