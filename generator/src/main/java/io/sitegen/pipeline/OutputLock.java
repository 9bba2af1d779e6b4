package io.sitegen.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps two runs from writing the same output folder at once: a lock on a file beside it,
 * {@code .NAME.lock}. The operating system releases the lock when its process dies, however it
 * dies, so a killed build never blocks the next one. The file is deleted on release, so no lock
 * file is left behind; a run that locked a file deleted meanwhile locks the new one instead.
 */
final class OutputLock implements AutoCloseable {
  /** Threads of this JVM: a file lock is held per process, so two builds here must queue first. */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final ReentrantLock local;

  private OutputLock(Path file, FileChannel channel, FileLock lock, ReentrantLock local) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.local = local;
  }

  static Path fileFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".lock");
  }

  /** Waits for the lock on {@code target}; {@code onWait} runs once if another run holds it. */
  static OutputLock acquire(Path target, Runnable onWait) throws IOException {
    OutputLock lock = lock(target, false);
    if (lock != null) return lock;
    onWait.run();
    return lock(target, true);
  }

  /** The lock on {@code target}, or null at once when another run holds it. */
  static OutputLock tryAcquire(Path target) throws IOException {
    return lock(target, false);
  }

  private static OutputLock lock(Path target, boolean wait) throws IOException {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(target, k -> new ReentrantLock());
    if (wait) local.lock();
    else if (!local.tryLock()) return null;
    try {
      while (true) {
        Path file = fileFor(target);
        FileChannel channel = open(file);
        try {
          FileLock fileLock = wait ? channel.lock() : channel.tryLock();
          if (fileLock == null) {
            channel.close();
            local.unlock();
            return null;
          }
          if (stillNamed(file, channel)) return new OutputLock(file, channel, fileLock, local);
        } catch (java.nio.channels.OverlappingFileLockException e) {
          if (wait) throw e;
          channel.close(); // held by this JVM on another thread's behalf: busy
          local.unlock();
          return null;
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        channel.close(); // its lock goes with it
      }
    } catch (IOException | RuntimeException e) {
      if (local.isHeldByCurrentThread()) local.unlock();
      throw e;
    }
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Whether the file locked is still the one named {@code file}: its last holder may have deleted
   * it meanwhile. The holder writes a token of its own through its channel and reads it back by
   * name; only the same file gives the token back.
   */
  private static boolean stillNamed(Path file, FileChannel channel) throws IOException {
    byte[] token = (ProcessHandle.current().pid() + "-" + System.nanoTime() + "-" + Thread.currentThread().getId())
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    channel.truncate(0);
    channel.write(java.nio.ByteBuffer.wrap(token), 0);
    try {
      return java.util.Arrays.equals(Files.readAllBytes(file), token);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
    } finally {
      local.unlock();
    }
  }
}
