package io.sitegen.cli;

import io.sitegen.pipeline.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site. */
final class SiteOptions {
  @Mixin
  SourceOption where;

  @Option(names = "--drafts",
      description = "Publish pages marked draft: true as well, and pages dated after now, as drafts (listed, not in the feeds).")
  boolean drafts;

  @Option(names = "--future",
      description = "Publish pages dated after now (in site.yml's timezone) as well; without it they wait for their date.")
  boolean future;

  @Option(names = "--strict", description = "Treat every warning (a missing anchor, a link that leaves out the sub-path, a nearly known key) as an error.")
  boolean strict;

  @Option(names = "--no-cache", description = "Render every page again, neither reading nor writing .site-cache/.")
  boolean noCache;

  BuildOptions toBuildOptions(Path output, boolean write) {
    Path root = where.root();
    Path out = output == null ? root.resolve("_site") : output.toAbsolutePath().normalize();
    return new BuildOptions(root, out, drafts, write, strict).withCache(!noCache).withFuture(future);
  }
}
