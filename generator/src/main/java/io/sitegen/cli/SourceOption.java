package io.sitegen.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -s DIR}: the site root, on every command that reads a site. */
final class SourceOption {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
      description = "Site root, holding site.yml, content/, layouts/ and assets/ (default: ${DEFAULT-VALUE}).")
  Path source;

  Path root() {
    return source.toAbsolutePath().normalize();
  }
}
