package io.sitegen.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

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

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
