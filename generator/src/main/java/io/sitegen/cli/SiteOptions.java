package io.sitegen.cli;

import io.sitegen.pipeline.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site. */
final class SiteOptions {
  @Mixin
  SourceOption where;

  @Option(names = "--drafts", description = "Publish pages marked draft: true as well.")
  boolean drafts;

  @Option(names = "--strict", description = "Treat every warning (a missing anchor, a link that leaves out the sub-path, a nearly known key) as an error.")
  boolean strict;

  @Option(names = "--no-cache", description = "Render every page again, neither reading nor writing .site-cache/.")
  boolean noCache;

  BuildOptions toBuildOptions(Path output, boolean write) {
    Path root = where.root();
    Path out = output == null ? root.resolve("_site") : output.toAbsolutePath().normalize();
    return new BuildOptions(root, out, drafts, write, strict).withCache(!noCache);
  }
}
