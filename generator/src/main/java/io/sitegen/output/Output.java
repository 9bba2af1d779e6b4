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
}
