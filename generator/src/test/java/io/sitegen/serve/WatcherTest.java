package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {
  @TempDir
  Path dir;

  @Test
  void aCallbackThatThrowsAnErrorDoesNotEndTheWatching() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    BlockingQueue<Set<Path>> bursts = new LinkedBlockingQueue<>();
    StringWriter log = new StringWriter();
    AtomicInteger calls = new AtomicInteger();
    try (Watcher watcher = new Watcher(dir, List.of(content), Set.of(), changed -> {
      bursts.add(changed);
      if (calls.incrementAndGet() == 1) throw new StackOverflowError();
    }, new PrintWriter(log, true))) {
      Files.writeString(content.resolve("deep.md"), "first save");
      Set<Path> first = bursts.poll(10, TimeUnit.SECONDS);
      assertThat(first).as("first burst").isNotNull().contains(content.resolve("deep.md"));

      Files.writeString(content.resolve("fixed.md"), "second save");
      // a slow disk may split a save into two bursts: wait for the one naming the second file
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      Set<Path> later;
      do {
        later = bursts.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertThat(later).as("a burst after the callback threw").isNotNull();
      } while (!later.contains(content.resolve("fixed.md")));
    }
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(log.toString().lines().toList())
        .containsExactly("site serve: handling a change failed: stack overflow (input nested too deeply?); still watching");
  }
}
