package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.cache.PageCache;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever happens to the cache's files, a cached build writes what a build without it writes. */
class CacheFaultsTest {
  @TempDir
  Path dir;

  @TempDir
  Path outputs;

  private Map<String, String> build(String name, boolean cache) {
    BuildResult result = SiteBuilder.build(new BuildOptions(dir, outputs.resolve(name), false, true, false)
        .withCache(cache));
    assertThat(result.ok()).as(result.problems().toString()).isTrue();
    Map<String, String> files = new java.util.TreeMap<>(Snapshot.of(outputs.resolve(name)));
    lastWarnings = result.problems().stream().filter(p -> p.file().equals(PageCache.FOLDER)).map(Problem::toString)
        .toList();
    return files;
  }

  private List<String> lastWarnings = List.of();

  /** Page entries are counted in the warning; the record of the last build is only read or not. */
  private boolean isPageEntry(Path file) {
    return file.startsWith(dir.resolve(PageCache.FOLDER).resolve("pages"));
  }

  @Test
  void damagedEntriesAreMadeAgainWithOneWarning() throws Exception {
    TestSite site = TestSite.withLayouts(dir);
    for (int i = 0; i < 30; i++) {
      site.write("content/blog/p" + i + ".md", "---\nlayout: article\ntitle: P" + i + "\ndate: 2024-01-01\n---\n# P"
          + i + "\n\nSee [the next](./p" + ((i + 1) % 30) + ".md#p" + ((i + 1) % 30) + ").\n");
    }
    Map<String, String> expected = build("reference", false);
    build("warm", true);
    long seed = Long.getLong("sitegen.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int round = 0; round < 6; round++) {
      List<Path> entries;
      try (Stream<Path> walk = Files.walk(dir.resolve(PageCache.FOLDER))) {
        entries = walk.filter(Files::isRegularFile).toList();
      }
      int damagedNow = 0;
      for (Path entry : entries) {
        // a file an earlier round cut to nothing has no byte left to cut or flip
        if (Files.size(entry) == 0) continue;
        switch (random.nextInt(5)) {
          case 0 -> Files.delete(entry);
          case 1 -> {
            byte[] bytes = Files.readAllBytes(entry);
            Files.write(entry, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            if (isPageEntry(entry)) damagedNow++;
          }
          case 2 -> {
            byte[] bytes = Files.readAllBytes(entry);
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(entry, bytes);
            if (isPageEntry(entry)) damagedNow++;
          }
          default -> { }
        }
      }
      Map<String, String> cached = build("cached-" + round, true);
      cached.remove(OutputFolder.MARKER);
      Map<String, String> reference = new java.util.TreeMap<>(expected);
      reference.remove(OutputFolder.MARKER);
      assertThat(cached).as("seed %d, round %d", seed, round).isEqualTo(reference);
      // A damaged pack or entry gives one warning; damage to an entry a later pack hides is never read.
      assertThat(lastWarnings).hasSizeLessThanOrEqualTo(1);
      assertThat(lastWarnings).allMatch(w -> w.matches(
          "\\.site-cache: warning: \\d+ damaged cache entries or packs were ignored; the pages in them were rendered again"));
      if (damagedNow > 0 && round == 0) assertThat(lastWarnings).hasSize(1); // one pack, every entry of it read
    }
  }
}
