package io.sitegen.content;

import io.sitegen.config.Problems;
import io.sitegen.config.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything under {@code content/}: the Markdown pages, read and resolved, and the other files,
 * which are copied as they are. Pages come sorted by source path.
 */
public final class Content {
  private final List<Page> pages;
  private final List<String> staticFiles;

  private Content(List<Page> pages, List<String> staticFiles) {
    this.pages = List.copyOf(pages);
    this.staticFiles = List.copyOf(staticFiles);
  }

  /** Scans and reads {@code content/}; problems with single files go to {@code problems}. */
  public static Content read(SiteConfig config, Problems problems) {
    List<String> markdown = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String rel : listFiles(config.contentDir())) {
      (rel.endsWith(".md") ? markdown : others).add(rel);
    }
    PageReader reader = new PageReader(config);
    List<Page> pages = markdown.parallelStream()
        .map(rel -> reader.read(rel, problems))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(Page::relPath))
        .toList();
    return new Content(pages, others);
  }

  /** Reads the one page at {@code relPath} inside {@code content/}, as {@link #read} does. */
  public static Optional<Page> readPage(SiteConfig config, String relPath, Problems problems) {
    return new PageReader(config).read(relPath, problems);
  }

  /**
   * Files under {@code dir}, as sorted paths relative to it with '/' separators. Hidden files and
   * folders (a name starting with '.') are left out. A missing folder has no files.
   */
  public static List<String> listFiles(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk
          .filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(rel -> !rel.startsWith(".") && !rel.contains("/."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** Files under {@code content/} that are not Markdown, relative to it. */
  public List<String> staticFiles() {
    return staticFiles;
  }
}
