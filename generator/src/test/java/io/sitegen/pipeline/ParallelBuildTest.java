package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build on many threads writes the same files, byte for byte, as a build on one. */
class ParallelBuildTest {
  @TempDir
  Path out;

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void oneThreadAndManyThreadsWriteTheSameSite() throws IOException {
    Path fixture = Files.createDirectories(out.resolve("fixture"));
    // a site with enough pages for threads to interleave: the sample site plus generated posts
    Path sample = Path.of("..").toAbsolutePath().normalize();
    for (String dir : new String[] {"content", "layouts", "assets", "i18n"}) {
      try (Stream<Path> walk = Files.walk(sample.resolve(dir))) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path to = fixture.resolve(sample.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
        }
      }
    }
    Files.copy(sample.resolve("site.yml"), fixture.resolve("site.yml"));
    for (int i = 0; i < 120; i++) {
      String link = i == 0 ? "" : "See [the one before](./2025" + String.format("%04d", i - 1) + "-post.md#part-" + (i - 1) + ").";
      Files.writeString(fixture.resolve("content/blog/2025" + String.format("%04d", i) + "-post.md"),
          "---\nlayout: article\ntitle: \"Post " + i + " &amp; more\"\ndate: 2025-01-" + String.format("%02d", 1 + i % 28)
              + "\n---\n# Post " + i + "\n\n## Part " + i + "\n\nText " + i + " with https://example.org/" + i + ". " + link
              + "\n\n| a | b |\n|---|--:|\n| " + i + " | x |\n");
    }

    BuildResult one = SiteBuilder.build(BuildOptions.of(fixture).withOutput(out.resolve("one")).withThreads(1));
    BuildResult many = SiteBuilder.build(BuildOptions.of(fixture).withOutput(out.resolve("many")).withThreads(4));
    assertThat(one.problems()).isEmpty();
    assertThat(many.problems()).isEmpty();
    assertThat(one.pagesWritten()).isGreaterThan(120);

    Map<String, byte[]> a = files(out.resolve("one"));
    Map<String, byte[]> b = files(out.resolve("many"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String name : a.keySet()) {
      assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
    }
  }
}
