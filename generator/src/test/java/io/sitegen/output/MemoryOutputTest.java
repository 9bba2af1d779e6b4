package io.sitegen.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's in-memory site: a run's changes are seen only once a run succeeds. */
class MemoryOutputTest {
  private final MemoryOutput out = new MemoryOutput();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String text(String path) {
    byte[] b = out.get(path);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void writesAreUnseenUntilCommitted() {
    out.write("a.html", bytes("new"));
    assertThat(out.get("a.html")).isNull();
    assertThat(out.contains("a.html")).isFalse();
    out.commit();
    assertThat(text("a.html")).isEqualTo("new");
    assertThat(out.contains("a.html")).isTrue();
  }

  @Test
  void aFailedRunLeavesTheLastGoodSiteAndItsChangesWaitForTheNextGoodOne() {
    out.write("a.html", bytes("good"));
    out.write("b.html", bytes("good"));
    out.commit();

    // a failed run: no commit
    out.write("a.html", bytes("from the failed run"));
    out.delete("b.html");
    assertThat(text("a.html")).isEqualTo("good");
    assertThat(text("b.html")).isEqualTo("good");

    // the next run writes other files only, and succeeds
    out.write("c.html", bytes("fix"));
    out.commit();
    assertThat(text("a.html")).isEqualTo("from the failed run");
    assertThat(out.contains("b.html")).as("the failed run's delete").isFalse();
    assertThat(text("c.html")).isEqualTo("fix");
  }

  @Test
  void aDeleteAfterAWriteLeavesNothingAndAWriteAfterADeleteKeepsTheFile() {
    out.write("gone.html", bytes("old"));
    out.write("back.html", bytes("old"));
    out.commit();
    out.write("gone.html", bytes("new"));
    out.delete("gone.html");
    out.delete("back.html");
    out.write("back.html", bytes("new"));
    out.write("never.html", bytes("new"));
    out.delete("never.html");
    out.commit();
    assertThat(out.contains("gone.html")).isFalse();
    assertThat(text("back.html")).isEqualTo("new");
    assertThat(out.contains("never.html")).isFalse();
  }

  @Test
  void aCommitWithNothingPendingChangesNothing() {
    out.write("a.html", bytes("good"));
    out.commit();
    out.commit();
    assertThat(text("a.html")).isEqualTo("good");
  }

  @Test
  void copiesReadTheSourceWhenCopied(@TempDir Path dir) throws Exception {
    Path source = Files.writeString(dir.resolve("site.css"), "body {}");
    out.copy(source, "css/site.css");
    Files.writeString(source, "changed later");
    out.commit();
    assertThat(text("css/site.css")).isEqualTo("body {}");
  }

  @Test
  void writesFromManyThreadsAllArrive() {
    IntStream.range(0, 10_000).parallel().forEach(i -> {
      out.write("p" + i + ".html", bytes("page " + i));
      if (i % 2 == 0) out.delete("p" + i + ".html");
    });
    out.commit();
    for (int i = 0; i < 10_000; i++) {
      assertThat(out.contains("p" + i + ".html")).as("p" + i).isEqualTo(i % 2 == 1);
    }
  }
}
