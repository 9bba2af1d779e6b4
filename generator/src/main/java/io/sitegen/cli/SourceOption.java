package io.sitegen.cli;

import io.sitegen.config.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -s DIR}: the site root, on every command that reads a site. */
final class SourceOption {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR",
      description = "Site root, holding site.yml (default: the nearest folder from here up that holds one, as git"
          + " finds its repository; else the current folder).")
  Path source;

  Path root() {
    if (source != null) return source.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    return siteAbove(here);
  }

  /**
   * The nearest folder from {@code here} up that holds a {@code site.yml}, leaving out any under a
   * {@code .github} folder (a workflow's own settings), else {@code here}.
   */
  static Path siteAbove(Path here) {
    for (Path p = here; p != null; p = p.getParent()) {
      boolean underGithub = false;
      for (Path segment : p) if (segment.toString().equals(".github")) underGithub = true;
      if (!underGithub && Files.isRegularFile(p.resolve(SiteConfig.FILE_NAME))) return p;
    }
    return here;
  }
}
