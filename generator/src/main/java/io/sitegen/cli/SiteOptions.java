package io.sitegen.cli;

import io.sitegen.build.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site. */
final class SiteOptions {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
      description = "Site root, holding site.yml, content/, layouts/ and assets/ (default: ${DEFAULT-VALUE}).")
  Path source;

  @Option(names = "--drafts", description = "Publish pages marked draft: true as well.")
  boolean drafts;

  @Option(names = "--strict", description = "Treat warnings, such as a missing anchor, as errors.")
  boolean strict;

  BuildOptions toBuildOptions(Path output, boolean write) {
    Path root = source.toAbsolutePath().normalize();
    Path out = output == null ? root.resolve("_site") : output.toAbsolutePath().normalize();
    return new BuildOptions(root, out, drafts, write, strict);
  }
}
