package io.sitegen.pipeline;

import io.sitegen.config.SiteConfig;
import io.sitegen.content.Page;
import io.sitegen.data.DataFiles;
import io.sitegen.files.SiteFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed, by kind, decided from the paths alone: the settings, the data files and string tables, Markdown pages
 * and other files of the mounts (by default {@code content/}), layouts, assets. Paths outside the
 * site's sources, and files that are not sources (editor and OS temp files, hidden files), are no
 * change at all.
 *
 * @param data      whether anything under {@code data/} or {@code i18n/} changed, or either folder itself came
 *                  or went: every layout may read them
 * @param pages     Markdown files, by site path
 * @param files     other files of the mounts, by site path
 * @param layouts   files under the layouts folder, as paths from the site root ({@code layouts/x.html})
 * @param assets    files, relative to the assets folder
 * @param repoPaths the repository path (from the site root) of each page and file, by site path
 */
record Changes(boolean settings, boolean data, Set<String> pages, Set<String> files, Set<String> layouts, Set<String> assets,
    Map<String, String> repoPaths) {
  boolean none() {
    return !settings && !data && pages.isEmpty() && files.isEmpty() && layouts.isEmpty() && assets.isEmpty();
  }

  static Changes classify(SiteConfig config, Collection<Path> paths) {
    Path root = config.root().toAbsolutePath().normalize();
    Path layouts = config.layoutsDir().toAbsolutePath().normalize();
    Path assets = config.assetsDir().toAbsolutePath().normalize();
    Path dataDir = DataFiles.folder(root);
    Path stringsDir = config.stringsDir().toAbsolutePath().normalize();
    boolean settings = false;
    boolean data = false;
    Set<String> pages = new TreeSet<>();
    Set<String> files = new TreeSet<>();
    Set<String> layoutFiles = new TreeSet<>();
    Set<String> assetFiles = new TreeSet<>();
    Map<String, String> repoPaths = new HashMap<>();
    for (Path path : paths) {
      Path abs = path.toAbsolutePath().normalize();
      if (abs.equals(root.resolve(SiteConfig.FILE_NAME))) {
        settings = true;
      } else if (abs.equals(dataDir) || isSourceUnder(dataDir, abs) || abs.equals(stringsDir)
          || isSourceUnder(stringsDir, abs)) {
        // before the mounts: a mount of data/ or i18n/ (as odd as that is) is rebuilt with the rest
        data = true;
      } else if (isSourceUnder(layouts, abs)) {
        layoutFiles.add(slashed(root.relativize(abs)));
      } else if (isSourceUnder(assets, abs)) {
        assetFiles.add(slashed(assets.relativize(abs)));
      } else if (isSourceUnder(root, abs)) {
        String repoPath = slashed(root.relativize(abs));
        boolean mountFolder = config.mounts().all().stream().anyMatch(m -> m.source().equals(repoPath));
        if (mountFolder) continue;
        config.mounts().sitePathOf(repoPath).ifPresent(sitePath -> {
          (sitePath.endsWith(".md") ? pages : files).add(sitePath);
          repoPaths.put(sitePath, repoPath);
        });
      }
    }
    return new Changes(settings, data, pages, files, layoutFiles, assetFiles, repoPaths);
  }

  /**
   * Whether a page would be scheduled otherwise at {@code now} than when it was last decided: a
   * scheduled page's date came (or a clock was set back). No file changed, yet the page is
   * published now, and every list of pages with it.
   */
  static boolean scheduleMoved(Collection<Page> pages, Instant now, ZoneId zone, boolean future) {
    for (Page page : pages) if (page.asOf(now, zone, future) != page) return true;
    return false;
  }

  /** Whether {@code abs} lies under {@code folder} with no segment that names a non-source. */
  private static boolean isSourceUnder(Path folder, Path abs) {
    if (!abs.startsWith(folder) || abs.equals(folder)) return false;
    for (Path segment : folder.relativize(abs)) if (!SiteFiles.isSource(segment.toString())) return false;
    return true;
  }

  private static String slashed(Path p) {
    return p.toString().replace('\\', '/');
  }
}
