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
      List.of(new PageCache.Link("./b.md#x", 3, "/b.html#x")), "é", "run-1");

  private Path onlyFile() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(PageCache.FOLDER))) {
      return files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
  }

  @Test
  void keepsAnEntryUnderItsKey() {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("blog/a.md", "/blog/a.html");
    cache.put(key, entry);
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
  void aTruncatedCorruptedOrForeignEntryIsAMissAndCounted() throws IOException {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("x");
    cache.put(key, entry);
    Path file = onlyFile();
    byte[] good = Files.readAllBytes(file);

    Files.write(file, java.util.Arrays.copyOf(good, good.length - 5));
    assertThat(cache.get(key)).isEmpty();
    byte[] flipped = good.clone();
    flipped[20] ^= 0x40;
    Files.write(file, flipped);
    assertThat(cache.get(key)).isEmpty();
    Files.writeString(file, "{\"not\": \"ours\"}");
    assertThat(cache.get(key)).isEmpty();
    Files.write(file, new byte[0]);
    assertThat(cache.get(key)).isEmpty();
    assertThat(cache.damaged()).isEqualTo(4);

    Files.delete(file);
    assertThat(cache.get(key)).isEmpty();
    assertThat(cache.damaged()).as("a missing entry is an ordinary miss").isEqualTo(4);
  }

  @Test
  void aTemporaryFileLeftByAKilledWriteIsNeverRead() throws IOException {
    PageCache cache = new PageCache(root, "gen");
    String key = cache.key("x");
    Path dir = root.resolve(PageCache.FOLDER).resolve("pages").resolve(key.substring(0, 2));
    Files.createDirectories(dir);
    Files.write(dir.resolve("." + key.substring(2) + ".tmp-1-1-1"), PageCache.encode(entry));
    assertThat(cache.get(key)).isEmpty();
    cache.put(key, entry);
    assertThat(cache.get(key)).contains(entry);
  }

  @Test
  void entriesWrittenFromManyThreadsAtOnceAreWhole() throws Exception {
    PageCache cache = new PageCache(root, "gen");
    List<String> keys = java.util.stream.IntStream.range(0, 50).mapToObj(i -> cache.key("page " + i)).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    for (int round = 0; round < 8; round++) for (String key : keys) pool.submit(() -> cache.put(key, entry));
    pool.shutdown();
    assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    for (String key : keys) assertThat(cache.get(key)).contains(entry);
    assertThat(cache.damaged()).isZero();
  }
}
