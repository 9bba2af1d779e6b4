package io.sitegen.content;

import io.sitegen.config.Mounts;
import io.sitegen.config.SiteConfig;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the site's mounts hold (by default, {@code content/}): the Markdown pages, read and
 * resolved, and the other files, which are copied as they are. Pages come sorted by site path.
 */
public final class Content {
  private final List<Page> pages;
  private final List<String> staticFiles;
  private final Path root;
  private final Map<String, String> repoPaths;

  private Content(List<Page> pages, List<String> staticFiles, Path root, Map<String, String> repoPaths) {
    this.pages = List.copyOf(pages);
    this.staticFiles = List.copyOf(staticFiles);
    this.root = root;
    this.repoPaths = Map.copyOf(repoPaths);
  }

  /** Scans and reads every mount; problems with single files go to {@code problems}. */
  public static Content read(SiteConfig config, SiteFiles files, Problems problems) {
    Map<String, String> markdown = new TreeMap<>();
    List<String> others = new ArrayList<>();
    Map<String, String> repoPaths = new HashMap<>();
    for (Mounts.Mount mount : config.mounts().all()) {
      for (String inside : files.list(config.root().resolve(mount.source()), config.mounts().skipped(mount), problems)) {
        String sitePath = config.mounts().sitePath(mount, inside);
        String repoPath = mount.source() + "/" + inside;
        String earlier = repoPaths.putIfAbsent(sitePath, repoPath);
        if (earlier != null) {
          problems.error(repoPath, 0, "is mounted at " + sitePath + ", where " + earlier + " is mounted too");
          continue;
        }
        if (inside.endsWith(".md")) markdown.put(sitePath, repoPath);
        else others.add(sitePath);
      }
    }
    PageReader reader = new PageReader(config);
    // Only the front matter is kept: holding every body from here to rendering would make memory
    // grow with the site. Bodies are read again, one page at a time, by bodyOf.
    List<Page> pages = markdown.entrySet().parallelStream()
        .map(e -> reader.read(e.getKey(), e.getValue(), problems))
        .flatMap(Optional::stream)
        .map(Source::page)
        .sorted(Comparator.comparing(Page::relPath))
        .toList();
    return new Content(pages, others, config.root(), repoPaths);
  }

  /** Reads the one page at {@code relPath} in the site, from {@code repoPath}, as {@link #read} does. */
  public static Optional<Source> readPage(SiteConfig config, String relPath, String repoPath, Problems problems) {
    return new PageReader(config).read(relPath, repoPath, problems);
  }

  /** The repository path (from the site root) of each file the mounts hold, by site path. */
  public Map<String, String> repoPaths() {
    return repoPaths;
  }

  /**
   * The Markdown body of a page read by {@link #read}, read again from its file: the lines from
   * {@link Page#bodyLine()} on. Empty when the file can no longer be read.
   */
  public String bodyOf(Page page) {
    try {
      String text = io.sitegen.config.Text.read(root.resolve(page.source()));
      int offset = 0;
      for (int line = 1; line < page.bodyLine() && offset >= 0; line++) {
        offset = text.indexOf('\n', offset);
        if (offset >= 0) offset++;
      }
      return offset < 0 ? "" : text.substring(offset);
    } catch (IOException e) {
      return "";
    }
  }

  /** Every page read, drafts included. */
  public List<Page> pages() {
    return pages;
  }

  /** The pages a build publishes. */
  public List<Page> published(boolean includeDrafts) {
    return includeDrafts ? pages : pages.stream().filter(p -> !p.draft()).toList();
  }

  /** Files of the mounts that are not Markdown, by site path. */
  public List<String> staticFiles() {
    return staticFiles;
  }
}
