package io.sitegen.pipeline;

import io.sitegen.output.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An output folder written as a whole: files go to a staging folder, which replaces the output
 * folder only when the build succeeded. A failed build leaves the old output as it was.
 *
 * <p>The swap is two renames: the output to {@code .NAME.old-*}, then the staging folder to the
 * output. A run killed between them leaves no output folder; the next run of any command puts the
 * old one back ({@link #recover}) before it does anything else. So at every instant the old or the
 * new complete site is at the output path, or the next run restores the old one. Every run that
 * holds the output's lock also deletes what killed runs left: staging and old folders.
 *
 * <p>With a spare folder (in the cache), the output before last is kept there and is the next
 * staging folder: its files are overwritten in place, left alone when the last build but one wrote
 * them from the same key, and deleted when no longer made; after the swap the old output becomes
 * the spare. Creating a file costs 0.2 to 0.4 ms on the test machine's ext4 and deleting one about
 * 0.07 ms, with long stalls when its journal fills; overwriting 4,000 files and swapping took a
 * steady 0.07 s where creating them and deleting the old ones took 0.2 to 1.6 s. Files in the spare
 * are never written through a link: a link, or a file with a second name, is replaced.
 * Without a spare (no cache), the staging folder starts empty beside the output, and a file with
 * the bytes of the old output's file is hard-linked to it.
 */
final class StagedOutput implements Output, AutoCloseable {
  /**
   * Called before each step that changes the file system, with the step's name: tests stop a
   * run there, as a kill would.
   */
  static volatile Consumer<String> faults = step -> { };

  private final Path target;
  private final Path staging;
  /** Where the old output is kept after the swap, or null; when set, staging is that folder, recycled. */
  private final Path spare;
  private final OutputLock lock;

  private StagedOutput(Path target, Path staging, Path spare, OutputLock lock) {
    this.target = target;
    this.staging = staging;
    this.spare = spare;
    this.lock = lock;
  }

  static StagedOutput open(Path target, Runnable onWait, Consumer<String> notes) throws IOException {
    return open(target, null, onWait, notes);
  }

  /**
   * Locks the output folder (waiting for another run that holds it), repairs what a killed run
   * left, and starts a staging folder.
   *
   * @param onWait runs once if another run holds the lock
   * @param notes  receives one line for each repair made
   */
  /**
   * @param spare where the output before last is kept, to be the staging folder (null for none);
   *              unused when it is on another file system than the output
   */
  static StagedOutput open(Path target, Path spare, Runnable onWait, Consumer<String> notes) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    OutputLock lock = OutputLock.acquire(abs, onWait);
    try {
      recoverLocked(abs, notes);
      Path recycled = spare == null ? null : spareFolder(abs, spare.toAbsolutePath().normalize());
      if (recycled != null) return new StagedOutput(abs, recycled, recycled, lock);
      String unique = ProcessHandle.current().pid() + "-" + System.nanoTime();
      Path staging = abs.resolveSibling("." + abs.getFileName() + ".staging-" + unique);
      step("create staging");
      Files.createDirectories(staging);
      return new StagedOutput(abs, staging, null, lock);
    } catch (Throwable e) {
      lock.close();
      throw e;
    }
  }

  /**
   * The spare folder, made if missing, when it can be swapped with the output by renames (the same
   * file system); else null. Anything at its path that is not a real folder is deleted, unfollowed.
   */
  private static Path spareFolder(Path target, Path spare) {
    try {
      if (Files.exists(spare, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(spare, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(spare);
      }
      if (!Files.exists(spare, LinkOption.NOFOLLOW_LINKS)) {
        step("create staging");
        Files.createDirectories(spare);
      }
      Path parent = target.getParent();
      if (parent == null || !Files.isDirectory(parent)
          || !Files.getFileStore(parent).equals(Files.getFileStore(spare))) {
        return null;
      }
      return spare;
    } catch (IOException e) {
      return null; // a cache folder that is a file, or read-only: staged without a spare
    }
  }

  /**
   * Repairs what a killed run left at {@code target}, unless a live run holds it: puts the old
   * output back when the swap was cut short, and deletes staging and old folders.
   */
  static void recover(Path target, Consumer<String> notes) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) return;
    // Most runs find nothing to repair: they take no lock, so that a read-only checkout can be checked.
    boolean leftovers = Files.exists(OutputLock.fileFor(abs), LinkOption.NOFOLLOW_LINKS)
        || !leftovers(abs, ".staging-").isEmpty() || !leftovers(abs, ".old-").isEmpty();
    if (!leftovers) return;
    try (OutputLock lock = OutputLock.tryAcquire(abs)) {
      if (lock != null) recoverLocked(abs, notes);
    }
  }

  /** Deletes the output folder and what killed runs left beside it, once no other run holds it. */
  static void delete(Path target, Runnable onWait) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) return;
    try (OutputLock lock = OutputLock.acquire(abs, onWait)) {
      for (Path p : leftovers(abs, ".staging-")) deleteTree(p);
      for (Path p : leftovers(abs, ".old-")) deleteTree(p);
      deleteTree(abs);
    }
  }

  private static void recoverLocked(Path target, Consumer<String> notes) throws IOException {
    List<Path> staged = leftovers(target, ".staging-");
    List<Path> old = leftovers(target, ".old-");
    // Only a real folder is put back: a link named like one (a pull request can add it) is deleted.
    old.removeIf(p -> Files.isSymbolicLink(p) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
        ? deleteQuietly(p) : false);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !old.isEmpty()) {
      Path newest = old.get(old.size() - 1);
      step("restore old output");
      Files.move(newest, target);
      old.remove(newest);
      notes.accept(target.getFileName() + ": put back the output of the last complete build,"
          + " after a build was stopped while replacing it");
    }
    for (Path p : staged) deleteTree(p);
    for (Path p : old) deleteTree(p);
  }

  private static boolean deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // left for the next run
    }
    return true;
  }

  /** Folders named {@code .NAME<kind>*} beside {@code target}, oldest first. */
  private static List<Path> leftovers(Path target, String kind) throws IOException {
    String prefix = "." + target.getFileName() + kind;
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
      for (Path p : siblings) found.add(p);
    }
    found.sort(Comparator.comparingLong(p -> stamp(p.getFileName().toString(), prefix)));
    return found;
  }

  /** The time in a leftover's name ({@code .NAME.old-PID-MILLIS}); 0 when it has none. */
  private static long stamp(String name, String prefix) {
    String rest = name.substring(prefix.length());
    try {
      return Long.parseLong(rest.substring(rest.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The check of each file written, by output path: what a later build verifies the output against. */
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  /** The key of each file written with one ({@link #write(String, byte[], String)}), by output path. */
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  /** The keys and checks of the files the output folder's last build wrote. */
  private Map<String, String> previousKeys = Map.of();
  private Map<String, String> previousChecks = Map.of();
  /** Folders of the old output whose real path lies inside it, so their files may be linked. */
  private final Map<Path, Boolean> confinedFolders = new ConcurrentHashMap<>();
  private volatile Path realTarget;

  Map<String, String> digests() {
    return new TreeMap<>(digests);
  }

  Map<String, String> keys() {
    return new TreeMap<>(keys);
  }

  /** The keys and checks (as {@link LastBuild#stamped} keeps them) of the files in the spare folder. */
  private Map<String, String> spareKeys = Map.of();
  private Map<String, String> spareChecks = Map.of();
  /** Paths written by this build: in a recycled staging folder, every other file is deleted. */
  private final java.util.Set<String> written = ConcurrentHashMap.newKeySet();
  /** Folders of a recycled staging folder found to be real folders, not links. */
  private final java.util.Set<Path> realFolders = ConcurrentHashMap.newKeySet();

  /**
   * What the build that wrote the output folder recorded (the keys and checks of its files, as
   * {@link LastBuild#stamped} keeps them), and the same for the build that wrote the spare.
   */
  void previous(Map<String, String> fileKeys, Map<String, String> fileChecks, Map<String, String> spareFileKeys,
      Map<String, String> spareFileChecks) {
    previousKeys = Map.copyOf(fileKeys);
    previousChecks = Map.copyOf(fileChecks);
    spareKeys = Map.copyOf(spareFileKeys);
    spareChecks = Map.copyOf(spareFileChecks);
  }

  void previous(Map<String, String> fileKeys, Map<String, String> fileChecks) {
    previous(fileKeys, fileChecks, Map.of(), Map.of());
  }

  /** Whether the staging folder is the spare: after the swap, the old output is the spare. */
  boolean recycles() {
    return spare != null;
  }

  @Override
  public void write(String relPath, byte[] bytes, String key) {
    if (spare == null) {
      write(relPath, bytes);
      if (key != null) keys.put(relPath, key);
      return;
    }
    Path file = resolve(relPath);
    try {
      step("write file");
      // the spare's file was made from the same key by the build before last, and not changed since
      boolean there = key != null && key.equals(spareKeys.get(relPath)) && spareUnchanged(relPath, file);
      if (!there) overwrite(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written.add(staging.relativize(file).toString().replace('\\', '/'));
    digests.put(relPath, LastBuild.checkOf(bytes));
    if (key != null) keys.put(relPath, key);
  }

  /**
   * Puts the last build's file at {@code relPath} in the new output when that build wrote it with
   * the same key and it is still as written (a CI step may have changed it since): it has the stamp
   * recorded with its check, so that it was not written since, or else its bytes have that check.
   * A recycled staging folder whose file the build before last made from the same key keeps it;
   * otherwise the bytes are copied there. Without a spare, the file is hard-linked.
   */
  @Override
  public boolean reuse(String relPath, String key) {
    if (spare != null && keptFromSpare(relPath, key)) return true;
    String recorded = previousChecks.get(relPath);
    if (recorded == null || !key.equals(previousKeys.get(relPath))) return false;
    String check = LastBuild.checkPart(recorded);
    Path file = resolve(relPath);
    Path old = oldFile(relPath);
    try {
      if (old == null || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) return false;
      if (spare != null) {
        byte[] bytes = Files.readAllBytes(old);
        if (!LastBuild.checkOf(bytes).equals(check)) return false;
        step("reuse file");
        overwrite(file, bytes);
        written.add(staging.relativize(file).toString().replace('\\', '/'));
      } else {
        // A file with the stamp recorded beside its check was not written since: it has those bytes.
        String stamp = LastBuild.stampOf(old, System.currentTimeMillis());
        boolean asWritten = stamp != null && recorded.endsWith(" " + stamp)
            || LastBuild.checkOf(Files.readAllBytes(old)).equals(check);
        if (!asWritten) return false;
        step("reuse file");
        folderFor(file);
        Files.createLink(file, old);
      }
    } catch (IOException | UnsupportedOperationException e) {
      return false; // gone, a second page at the path, no hard links: made again
    }
    digests.put(relPath, check);
    keys.put(relPath, key);
    return true;
  }

  /**
   * Keeps the spare's file at {@code relPath} as this build's, when the build before last made it
   * from {@code key} and it was not changed since; @return whether it did
   */
  private boolean keptFromSpare(String relPath, String key) {
    Path file = resolve(relPath);
    if (!key.equals(spareKeys.get(relPath)) || !spareUnchanged(relPath, file)) return false;
    written.add(staging.relativize(file).toString().replace('\\', '/'));
    digests.put(relPath, LastBuild.checkPart(spareChecks.get(relPath)));
    keys.put(relPath, key);
    return true;
  }

  /** Whether the spare's file at {@code relPath} is a file with the stamp recorded when it was written. */
  private boolean spareUnchanged(String relPath, Path file) {
    String recorded = spareChecks.get(relPath);
    if (recorded == null || !realFolder(file.getParent())) return false;
    String stamp = LastBuild.stampOf(file, System.currentTimeMillis(), LinkOption.NOFOLLOW_LINKS);
    return stamp != null && recorded.endsWith(" " + stamp);
  }

  /**
   * Writes {@code bytes} at {@code file} in the recycled staging folder: over the file there when it
   * is a plain file with one name, else in a new file (a link, a file with a second name, a folder
   * or anything else there is deleted first, never followed).
   */
  private void overwrite(Path file, byte[] bytes) throws IOException {
    makeRealFolder(file.getParent());
    Map<String, Object> a;
    try {
      a = Files.readAttributes(file, "unix:nlink,isRegularFile,isDirectory", LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      a = null;
    } catch (UnsupportedOperationException e) {
      a = Map.of("nlink", 2, "isRegularFile", false, "isDirectory", Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS));
    }
    if (a != null && Boolean.TRUE.equals(a.get("isRegularFile")) && ((Number) a.get("nlink")).intValue() == 1) {
      Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
          LinkOption.NOFOLLOW_LINKS);
      return;
    }
    if (a != null && Boolean.TRUE.equals(a.get("isDirectory"))) deleteTree(file);
    writeNew(file, bytes);
  }

  /** Makes {@code folder} a real folder of the staging folder, replacing any link or file on its way. */
  private void makeRealFolder(Path folder) throws IOException {
    if (realFolders.contains(folder)) return;
    if (!folder.equals(staging)) makeRealFolder(folder.getParent());
    synchronized (realFolders) { // two threads may find the same file where a folder must be
      if (realFolders.contains(folder)) return;
      if (Files.isSymbolicLink(folder) || Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(folder);
      }
      try {
        Files.createDirectory(folder);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) throw e;
      }
      realFolders.add(folder);
    }
  }

  /** Whether {@code folder}, and each folder up to the staging folder, is a real folder. */
  private boolean realFolder(Path folder) {
    if (realFolders.contains(folder)) return true;
    if (!folder.startsWith(staging)) return false;
    if (!folder.equals(staging) && !realFolder(folder.getParent())) return false;
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
    realFolders.add(folder);
    return true;
  }

  /**
   * The old output's file at {@code relPath}, or null when a folder on its way is a link out of the
   * old output (a link committed as {@code _site/blog}): its files are never linked into the new one.
   */
  private Path oldFile(String relPath) {
    Path old = target.resolve(relPath).normalize();
    if (!old.startsWith(target) || old.equals(target)) return null;
    boolean confined = confinedFolders.computeIfAbsent(old.getParent(), folder -> {
      try {
        if (realTarget == null) realTarget = target.toRealPath();
        return folder.toRealPath().startsWith(realTarget);
      } catch (IOException e) {
        return false;
      }
    });
    return confined ? old : null;
  }

  @Override
  public void write(String relPath, byte[] bytes) {
    if (spare != null) {
      write(relPath, bytes, null);
      return;
    }
    Path file = resolve(relPath);
    try {
      step("write file");
      folderFor(file);
      if (!linkedToOld(relPath, bytes, file)) writeNew(file, bytes);
      digests.put(relPath, LastBuild.checkOf(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a new file at {@code file}: one already there (two pages writing the same path, an
   * error the build reports) may be a link to the old output's file, and writing into it would
   * change the old output, which a failed build must leave as it was.
   */
  private static void writeNew(Path file, byte[] bytes) throws IOException {
    while (true) {
      try {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return;
      } catch (FileAlreadyExistsException e) {
        // Written already, by another page or thread: replace that file. Deleting first on every
        // write (almost always of a file not there) cost 15% of the system time of 4,000 writes.
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * Links {@code file} to the output folder's file at {@code relPath} when that file holds the same
   * bytes: then linking it is writing it, and far cheaper here, where creating the files of a
   * 5,000-file site cost 1.97 s of system time and linking them 0.30 s.
   */
  private boolean linkedToOld(String relPath, byte[] bytes, Path file) {
    Path old = oldFile(relPath);
    try {
      if (old == null || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) || Files.size(old) != bytes.length
          || !java.util.Arrays.equals(Files.readAllBytes(old), bytes)) {
        return false;
      }
      Files.createLink(file, old);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false; // gone meanwhile, or a file system without hard links: write it
    }
  }

  @Override
  public void delete(String relPath) {
    // a staged folder starts empty: nothing of an earlier build is in it
  }

  @Override
  public void copy(Path source, String relPath) {
    if (spare != null) {
      // A copy is keyed by its source's stamp: a source not written since the spare's copy was made
      // has the same bytes (reading and writing the 572 files of the benchmark site took 60 ms).
      String stamp = LastBuild.stampOf(source, System.currentTimeMillis());
      String key = stamp == null ? null : "copy " + stamp;
      if (key != null && keptFromSpare(relPath, key)) return;
      try {
        step("copy file");
        write(relPath, Files.readAllBytes(source), key);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    Path file = resolve(relPath);
    try {
      step("copy file");
      folderFor(file);
      byte[] bytes = Files.readAllBytes(source);
      if (!linkedToOld(relPath, bytes, file)) writeNew(file, bytes);
      digests.put(relPath, LastBuild.checkOf(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Folders made in the staging folder: asking the file system again for each file cost 60 ms per 4,000 pages. */
  private final java.util.Set<Path> folders = ConcurrentHashMap.newKeySet();

  private void folderFor(Path file) throws IOException {
    Path folder = file.getParent();
    if (folders.contains(folder)) return;
    Files.createDirectories(folder);
    folders.add(folder);
  }

  private Path resolve(String relPath) {
    Path file = staging.resolve(relPath).normalize();
    if (!file.startsWith(staging) || file.equals(staging)) {
      throw new IllegalArgumentException("output path leaves the output folder: " + relPath);
    }
    return file;
  }

  /** Puts the staged files in place of the output folder. */
  void commit() throws IOException {
    if (spare != null) deleteUnwritten();
    Path marker = staging.resolve(OutputFolder.MARKER);
    byte[] note = "Written by site build, which replaces this folder as a whole on every build.\n"
        .getBytes(StandardCharsets.UTF_8);
    step("write marker");
    if (spare != null) overwrite(marker, note);
    else Files.write(marker, note);
    Path old = target.resolveSibling("." + target.getFileName() + ".old-"
        + ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
    boolean hadOutput = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (hadOutput) {
      step("move output aside");
      Files.move(target, old);
    }
    step("move staging in");
    Files.move(staging, target);
    if (!hadOutput) return;
    if (spare != null && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
      try {
        step("keep old output as spare");
        Files.move(old, spare);
        return;
      } catch (IOException e) {
        // deleted below instead
      }
    }
    step("delete old output");
    deleteTree(old);
  }

  /** Deletes what the recycled staging folder holds that this build did not write. */
  private void deleteUnwritten() throws IOException {
    List<Path> stale = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.forEach(p -> {
        if (p.equals(staging)) return;
        String rel = staging.relativize(p).toString().replace('\\', '/');
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) folders.add(p);
        else if (!written.contains(rel) && !rel.equals(OutputFolder.MARKER)) stale.add(p);
      });
    }
    for (Path p : stale) delete(p);
    folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path folder : folders) {
      try (Stream<Path> in = Files.list(folder)) {
        if (in.findAny().isEmpty()) delete(folder);
      }
    }
  }

  /** Throws the staged files away; the output folder is untouched. A recycled staging folder stays the spare. */
  void abort() {
    if (spare != null) return;
    try {
      deleteTree(staging);
    } catch (IOException e) {
      // the next run deletes it
    }
  }

  /** Releases the output's lock. */
  @Override
  public void close() throws IOException {
    lock.close();
  }

  private static void step(String name) {
    faults.accept(name);
  }

  /**
   * Deletes a folder and everything in it, files on all cores (a site can have tens of
   * thousands). Links are deleted, never followed.
   */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    List<Path> folders = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.forEach(p -> (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? folders : files).add(p));
    }
    try {
      files.parallelStream().forEach(StagedOutput::delete);
      folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      folders.forEach(StagedOutput::delete);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path p) {
    try {
      step("delete file");
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
