package io.sitegen.output;

import java.nio.file.Path;

/**
 * Where a run's files go: a staging folder swapped in on success (pipeline.StagedOutput), memory
 * for the preview server, or nowhere for {@code site check}. Paths are relative to the output
 * folder, with '/' separators.
 */
public interface Output {
  void write(String path, byte[] bytes);

  void copy(Path source, String path);

  void delete(String path);

  /**
   * Writes a file made from the inputs that {@code key} sums up: the same key always makes the same
   * bytes, so a later run may {@link #reuse} them.
   */
  default void write(String path, byte[] bytes, String key) {
    write(path, bytes);
  }

  /**
   * Puts the previous run's file at {@code path} in the output again, if it was written with the
   * same {@code key} and is still as it was written; the caller makes it otherwise.
   *
   * @return whether the file was reused
   */
  default boolean reuse(String path, String key) {
    return false;
  }
}
