package io.sitegen.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param root   the site root, holding {@code site.yml}, {@code content/}, {@code layouts/}, {@code assets/}
 * @param output the output folder, replaced as a whole on success
 * @param drafts whether pages with {@code draft: true} are published
 * @param write  false to run every check without writing anything
 * @param strict whether warnings (such as a missing anchor) fail the build
 * @param links  whether links are resolved and checked; off only to measure what that costs
 */
public record BuildOptions(Path root, Path output, boolean drafts, boolean write, boolean strict,
    boolean links) {
  public BuildOptions(Path root, Path output, boolean drafts, boolean write, boolean strict) {
    this(root, output, drafts, write, strict, true);
  }

  public static BuildOptions of(Path root) {
    return new BuildOptions(root, root.resolve("_site"), false, true, false);
  }

  public BuildOptions withLinks(boolean on) {
    return new BuildOptions(root, output, drafts, write, strict, on);
  }

  public BuildOptions withDrafts(boolean include) {
    return new BuildOptions(root, output, include, write, strict, links);
  }

  public BuildOptions withOutput(Path folder) {
    return new BuildOptions(root, folder, drafts, write, strict, links);
  }

  public BuildOptions checkOnly() {
    return new BuildOptions(root, output, drafts, false, strict, links);
  }

  public BuildOptions withStrict(boolean on) {
    return new BuildOptions(root, output, drafts, write, on, links);
  }
}
