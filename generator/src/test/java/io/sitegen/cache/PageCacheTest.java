package io.sitegen.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageCacheTest {
  @TempDir
  Path root;

  private final PageCache.Entry entry = new PageCache.Entry("# é", "<h1 id=\"a\">é</h1>", Set.of("a"),
      java.util.Map.of("é", "a"), List.of(new PageCache.Link("./b.md#x", 3, "/b.html#x")), "é", "é, its text", "run-1");

  private List<Path> packs() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(PageCache.FOLDER).resolve("pages"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("pack-")).sorted().toList();
    }
  }

  @Test
  void keepsAnEntryUnderItsKeyFromTheFlushOn() {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("blog/a.md", "/blog/a.html");
    cache.put(key, entry);
    assertThat(new PageCache(root, "gen").get(key, "# é")).as("before the flush").isEmpty();
    cache.flush();
    assertThat(cache.get(key, "# é")).contains(entry);
    assertThat(new PageCache(root, "gen").get(key, "# é")).as("another run").contains(entry);
    assertThat(cache.get(key, "# e")).as("another text").isEmpty();
  }

  @Test
  void everyInputChangesTheKey() {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("a", "b");
    assertThat(cache.key("a", "b!")).isNotEqualTo(key);
    assertThat(cache.key("ab", "")).isNotEqualTo(key);
    assertThat(cache.key("a", "b", "c")).isNotEqualTo(key);
    assertThat(new PageCache(root, "other generator").key("a", "b")).isNotEqualTo(key);
  }

  @Test
  void aTruncatedCorruptedOrForeignPackOrEntryIsAMissAndCounted() throws IOException {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("x");
    cache.put(key, entry);
    cache.flush();
    cache.close();
    Path file = packs().get(0);
    byte[] good = Files.readAllBytes(file);

    Files.write(file, java.util.Arrays.copyOf(good, good.length - 5));
    PageCache truncated = new PageCache(root, "gen");
    assertThat(truncated.get(key)).isEmpty();
    assertThat(truncated.damaged()).as("a pack whose index is cut off").isEqualTo(1);

    byte[] flipped = good.clone();
    flipped[20] ^= 0x40; // inside the entry, not the index
    Files.write(file, flipped);
    PageCache corrupted = new PageCache(root, "gen");
    assertThat(corrupted.get(key)).isEmpty();
    assertThat(corrupted.damaged()).as("an entry whose CRC fails").isEqualTo(1);

    Files.writeString(file, "{\"not\": \"ours\"}");
    assertThat(new PageCache(root, "gen").damaged()).isEqualTo(1);
    Files.write(file, new byte[0]);
    assertThat(new PageCache(root, "gen").damaged()).isEqualTo(1);

    Files.delete(file);
    PageCache gone = new PageCache(root, "gen");
    assertThat(gone.get(key)).isEmpty();
    assertThat(gone.damaged()).as("a missing entry is an ordinary miss").isZero();
  }

  @Test
  void aPackLeftByAKilledRunIsNeverReadAndIsDeleted() throws IOException {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("x");
    Path pages = Files.createDirectories(root.resolve(PageCache.FOLDER).resolve("pages"));
    Path left = pages.resolve(".pack-0000000000000001-dead-1");
    Files.write(left, PageCache.encode(entry)); // no index, nobody holds its lock: its writer was killed
    PageCache next = new PageCache(root, "gen");
    assertThat(next.get(key)).isEmpty();
    assertThat(left).doesNotExist();
    assertThat(next.damaged()).isZero();
    cache.put(key, entry);
    cache.flush();
    assertThat(new PageCache(root, "gen").get(key)).contains(entry);
  }

  @Test
  void entriesWrittenFromManyThreadsAtOnceAreWhole() throws Exception {
    PageCache cache = new PageCache(root, "gen");
    List<String> keys = java.util.stream.IntStream.range(0, 50).mapToObj(i -> cache.key("page " + i)).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    for (int round = 0; round < 8; round++) for (String key : keys) pool.submit(() -> cache.put(key, entry));
    pool.shutdown();
    assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    cache.flush();
    PageCache next = new PageCache(root, "gen");
    for (String key : keys) assertThat(next.get(key)).contains(entry);
    assertThat(next.damaged()).isZero();
  }

  @Test
  void twoRunsAtOnceKeepBothAndTheLaterHidesTheEarlier() throws Exception {
    PageCache first = new PageCache(root, "gen");
    PageCache second = new PageCache(root, "gen");
    String shared = first.key("shared");
    PageCache.Entry other = new PageCache.Entry("# b", "<p>b</p>", Set.of(), java.util.Map.of(), List.of(), null, "run-2");
    first.put(shared, entry);
    first.put(first.key("a"), entry);
    second.put(shared, other);
    second.put(second.key("b"), other);
    first.flush();
    Thread.sleep(2);
    second.flush();
    PageCache next = new PageCache(root, "gen");
    assertThat(next.get(next.key("a"))).contains(entry);
    assertThat(next.get(next.key("b"))).contains(other);
    assertThat(next.get(shared)).contains(other);
  }

  @Test
  void packsPilingUpAreMergedKeepingWhatTheRunUsed() throws IOException {
    for (int run = 0; run <= Packs.MAX_PACKS; run++) {
      PageCache cache = new PageCache(root, "gen");
      cache.get(cache.key("kept"));
      if (run == 0) cache.put(cache.key("kept"), entry);
      cache.put(cache.key("run " + run), entry);
      cache.flush();
      cache.close();
    }
    assertThat(packs()).hasSize(1);
    PageCache merged = new PageCache(root, "gen");
    assertThat(merged.get(merged.key("kept"))).contains(entry);
    assertThat(merged.get(merged.key("run " + Packs.MAX_PACKS))).contains(entry);
    assertThat(merged.get(merged.key("run 0"))).as("put by a run and not used since").isEmpty();
    assertThat(merged.damaged()).isZero();
  }
}
