package io.sitegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site held in memory, the preview server's twin of the staged output folder: what a run writes
 * or deletes is pending, unseen by {@link #get}, until {@link #commit} says the run succeeded.
 *
 * <p>Unlike a staging folder, the pending changes of a failed run are not thrown away: they wait
 * for the next commit. {@code Session.update} hands over only what changed since the run before,
 * failed or not (its pages, bodies and list of written paths already hold the failed run's
 * results), so the next run does not write those files again. Dropping them would serve a stale
 * page after the fix, or keep serving a file the failed run deleted, until a full rebuild.
 *
 * <p>A build writes from several threads while HTTP threads read. Each file is replaced whole, but
 * a reader during {@link #commit} can see some files of the new build beside others of the old.
 */
public final class MemoryOutput implements Output {
  /** The last good site, by output path. */
  private final Map<String, byte[]> committed = new ConcurrentHashMap<>();
  /** Guards what changed since the last commit: a build writes from several threads. */
  private final Object lock = new Object();
  private final Map<String, byte[]> pendingWrites = new HashMap<>();
  private final Set<String> pendingDeletes = new HashSet<>();

  @Override
  public void write(String path, byte[] bytes) {
    synchronized (lock) {
      pendingWrites.put(path, bytes);
      pendingDeletes.remove(path);
    }
  }

  @Override
  public void copy(Path source, String path) {
    try {
      write(path, Files.readAllBytes(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String path) {
    synchronized (lock) {
      pendingWrites.remove(path);
      pendingDeletes.add(path);
    }
  }

  /** Applies every change since the last commit: the run that made the last of them succeeded. */
  public void commit() {
    synchronized (lock) {
      pendingDeletes.forEach(committed::remove);
      committed.putAll(pendingWrites);
      pendingDeletes.clear();
      pendingWrites.clear();
    }
  }

  /** A file of the last good site; null if it has none at that path. */
  public byte[] get(String path) {
    return committed.get(path);
  }

  /** Every path of the last good site. */
  public Set<String> paths() {
    return Set.copyOf(committed.keySet());
  }

  /** Whether the last good site has a file at that path. */
  public boolean contains(String path) {
    return committed.containsKey(path);
  }
}
