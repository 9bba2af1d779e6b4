package io.sitegen.content;

import io.sitegen.config.SiteConfig;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything under {@code content/}: the Markdown pages, read and resolved, and the other files,
 * which are copied as they are. Pages come sorted by source path.
 */
public final class Content {
  private final List<Page> pages;
  private final List<String> staticFiles;
  private final Path contentDir;

  private Content(List<Page> pages, List<String> staticFiles, Path contentDir) {
    this.pages = List.copyOf(pages);
    this.staticFiles = List.copyOf(staticFiles);
    this.contentDir = contentDir;
  }

  /** Scans and reads {@code content/}; problems with single files go to {@code problems}. */
  public static Content read(SiteConfig config, SiteFiles files, Problems problems) {
    List<String> markdown = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String rel : files.list(config.contentDir(), problems)) {
      (rel.endsWith(".md") ? markdown : others).add(rel);
    }
    PageReader reader = new PageReader(config);
    // Only the front matter is kept: holding every body from here to rendering would make memory
    // grow with the site. Bodies are read again, one page at a time, by bodyOf.
    List<Page> pages = markdown.parallelStream()
        .map(rel -> reader.read(rel, problems))
        .flatMap(Optional::stream)
        .map(Source::page)
        .sorted(Comparator.comparing(Page::relPath))
        .toList();
    return new Content(pages, others, config.contentDir());
  }

  /** Reads the one page at {@code relPath} inside {@code content/}, as {@link #read} does. */
  public static Optional<Source> readPage(SiteConfig config, String relPath, Problems problems) {
    return new PageReader(config).read(relPath, problems);
  }

  /**
   * The Markdown body of a page read by {@link #read}, read again from its file: the lines from
   * {@link Page#bodyLine()} on. Empty when the file can no longer be read.
   */
  public String bodyOf(Page page) {
    try {
      String text = io.sitegen.config.Text.read(contentDir.resolve(page.relPath()));
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

  /** Files under {@code content/} that are not Markdown, relative to it. */
  public List<String> staticFiles() {
    return staticFiles;
  }
}
