package io.sitegen.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param root   the site root, holding {@code site.yml}, {@code content/}, {@code layouts/}, {@code assets/}
 * @param output the output folder, replaced as a whole on success
 * @param drafts whether pages with {@code draft: true} are published
 * @param write  false to run every check without writing anything
 */
public record BuildOptions(Path root, Path output, boolean drafts, boolean write) {
  public static BuildOptions of(Path root) {
    return new BuildOptions(root, root.resolve("_site"), false, true);
  }

  public BuildOptions withDrafts(boolean include) {
    return new BuildOptions(root, output, include, write);
  }

  public BuildOptions withOutput(Path folder) {
    return new BuildOptions(root, folder, drafts, write);
  }
}
