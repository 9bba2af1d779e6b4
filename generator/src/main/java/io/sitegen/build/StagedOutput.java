package io.sitegen.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder written as a whole: files go to a staging folder beside it, which replaces the
 * output folder only when the build succeeded. A failed build leaves the old output as it was.
 */
final class StagedOutput implements Session.Output {
  private final Path target;
  private final Path staging;

  StagedOutput(Path target) {
    this.target = target.toAbsolutePath().normalize();
    String unique = ProcessHandle.current().pid() + "-" + System.nanoTime();
    this.staging = this.target.resolveSibling("." + this.target.getFileName() + ".staging-" + unique);
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(String relPath, byte[] bytes) {
    Path file = resolve(relPath);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String relPath) {
    // a staged folder starts empty: nothing of an earlier build is in it
  }

  @Override
  public void copy(Path source, String relPath) {
    Path file = resolve(relPath);
    try {
      Files.createDirectories(file.getParent());
      Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path resolve(String relPath) {
    Path file = staging.resolve(relPath).normalize();
    if (!file.startsWith(staging)) {
      throw new IllegalArgumentException("output path leaves the output folder: " + relPath);
    }
    return file;
  }

  /** Puts the staged files in place of the output folder. */
  void commit() {
    Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
    try {
      boolean hadOutput = Files.exists(target);
      if (hadOutput) Files.move(target, old);
      Files.move(staging, target);
      if (hadOutput) deleteTree(old);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws the staged files away; the output folder is untouched. */
  void abort() {
    deleteTree(staging);
  }

  /** Deletes a folder and everything in it, files on all cores (a site can have tens of thousands). */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    List<Path> folders = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.forEach(p -> (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? folders : files).add(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.parallelStream().forEach(StagedOutput::delete);
    folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    folders.forEach(StagedOutput::delete);
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
