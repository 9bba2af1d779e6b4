package io.sitegen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders recursively, new folders included, and hands over each burst of changes as one
 * set of paths once the files have been quiet for a short while.
 */
final class Watcher implements AutoCloseable {
  /** How long the files must be quiet before a burst of saves counts as one change. */
  static final long QUIET_MILLIS = 25;

  private final WatchService service;
  private final Path root;
  private final Set<String> rootFiles;
  private final Consumer<Set<Path>> onChange;
  private final PrintWriter log;
  private final Thread thread;

  /**
   * @param folders   folders to watch with everything under them
   * @param rootFiles names of single files in {@code root} to watch too (site.yml)
   * @param log       where a failing {@code onChange} is reported, on one line
   */
  Watcher(Path root, List<Path> folders, Set<String> rootFiles, Consumer<Set<Path>> onChange, PrintWriter log) {
    this.root = root;
    this.rootFiles = rootFiles;
    this.onChange = onChange;
    this.log = log;
    try {
      this.service = root.getFileSystem().newWatchService();
      root.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      for (Path folder : folders) {
        if (Files.isDirectory(folder)) registerTree(folder, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.thread = new Thread(this::loop, "sitegen-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void registerTree(Path folder, Set<Path> found) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isDirectory(p)) {
          p.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } else if (found != null) {
          found.add(p); // created before the folder was watched
        }
      }
    }
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = service.take();
        Set<Path> changed = new LinkedHashSet<>();
        collect(key, changed);
        // gather the rest of the burst
        WatchKey more;
        while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) collect(more, changed);
        if (!changed.isEmpty()) deliver(changed);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  /** Hands over one burst; whatever the callback throws ends that burst, never the watching. */
  private void deliver(Set<Path> changed) {
    try {
      onChange.accept(changed);
    } catch (ThreadDeath death) {
      throw death;
    } catch (Throwable t) {
      log.println("site serve: handling a change failed: " + PreviewServer.describe(t) + "; still watching");
      log.flush();
    }
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        changed.add(root.resolve("site.yml")); // events were lost: rebuild everything
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      if (dir.equals(root) && !rootFiles.contains(path.getFileName().toString())) continue;
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
        try {
          registerTree(path, changed);
        } catch (IOException | UncheckedIOException e) {
          // the folder went away again (Files.walk reports that unchecked, midway)
        }
      }
      changed.add(path);
    }
    key.reset();
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    thread.interrupt();
  }
}
