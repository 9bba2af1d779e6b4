package io.sitegen.content;

import io.sitegen.config.SiteConfig;
import io.sitegen.problems.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which source produces each output file. Built once per build; two sources that would write the
 * same output file are an error naming both.
 */
public final class SiteIndex {
  private final Map<String, Page> pagesBySource;
  private final Map<String, String> producers;

  private SiteIndex(Map<String, Page> pagesBySource, Map<String, String> producers) {
    this.pagesBySource = pagesBySource;
    this.producers = producers;
  }

  /**
   * @param pages        the pages published by this build
   * @param contentFiles other files of the mounts, by site path
   * @param repoPaths    the repository path of each of them, by site path
   * @param assetFiles   files under {@code assets/}, relative to it
   * @param generated    output paths the generator makes itself (blog index, feeds, sitemap)
   */
  public static SiteIndex build(List<Page> pages, List<String> contentFiles, Map<String, String> repoPaths,
      List<String> assetFiles, List<String> generated, Problems problems) {
    Map<String, String> producers = new HashMap<>();
    Map<String, Page> bySource = new HashMap<>();
    for (String out : generated) producers.put(out, "the generator");
    for (String rel : assetFiles) claim(producers, rel, SiteConfig.ASSETS + "/" + rel, 0, problems);
    for (String rel : contentFiles) claim(producers, rel, repoPaths.getOrDefault(rel, rel), 0, problems);
    for (Page page : pages) {
      bySource.put(page.relPath(), page);
      claim(producers, page.outputPath(), page.source(), page.lineOf("permalink"), problems);
    }
    return new SiteIndex(bySource, producers);
  }

  private static void claim(Map<String, String> producers, String output, String source, int line,
      Problems problems) {
    String earlier = producers.putIfAbsent(output, source);
    if (earlier != null) {
      problems.error(source, line, "writes /" + output + ", which " + earlier + " writes too");
    }
  }

  /** The published page at {@code relPath} in the site, or null. */
  public Page pageAt(String relPath) {
    return pagesBySource.get(relPath);
  }

  /** Whether some source writes the output file {@code outputPath}. */
  public boolean hasOutput(String outputPath) {
    return producers.containsKey(outputPath);
  }

  /**
   * Whether a URL path from the site's root, without the sub-path, leads to a file of this build:
   * {@code /css/site.css}, or a folder with an index ({@code /docs/}, {@code /docs}, {@code /}).
   */
  public boolean serves(String urlPath) {
    String path = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
    if (path.isEmpty()) return hasOutput("index.html");
    if (path.endsWith("/")) return hasOutput(path + "index.html");
    return hasOutput(path) || hasOutput(path + "/index.html");
  }

  /** What writes the output file {@code outputPath}: a path from the site root, "the generator", or null. */
  public String producer(String outputPath) {
    return producers.get(outputPath);
  }

  /** Every output path of this build. */
  public java.util.Set<String> outputPaths() {
    return java.util.Collections.unmodifiableSet(producers.keySet());
  }
}
