package io.sitegen.pipeline;

import io.sitegen.content.Ordering;
import io.sitegen.content.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Each page's previous and next page, as layouts see them ({@code page.previous}, {@code page.next}:
 * {@code title} and {@code url}): a post's are the older and the newer post of the blog; another
 * page's are the pages beside it in its folder, in {@link Ordering#BY_WEIGHT} order.
 */
final class Neighbours {
  static final Neighbours NONE = new Neighbours(Map.of(), Map.of());

  private final Map<String, Map<String, Object>> previous;
  private final Map<String, Map<String, Object>> next;

  private Neighbours(Map<String, Map<String, Object>> previous, Map<String, Map<String, Object>> next) {
    this.previous = previous;
    this.next = next;
  }

  /**
   * @param blogs    the posts of each blog (the site's, and each language's), newest first
   * @param listed   every listed page
   * @param basePath the sub-path URLs start with
   */
  static Neighbours of(List<List<Page>> blogs, List<Page> listed, Predicate<Page> isPost, String basePath) {
    Map<String, Map<String, Object>> previous = new HashMap<>();
    Map<String, Map<String, Object>> next = new HashMap<>();
    // a post's previous is the one before it in time: the next in the list, which is newest first
    for (List<Page> posts : blogs) {
      List<Page> oldestFirst = new ArrayList<>(posts);
      java.util.Collections.reverse(oldestFirst);
      chain(oldestFirst, previous, next, basePath);
    }
    Map<String, List<Page>> byFolder = new HashMap<>();
    for (Page p : listed) {
      if (isPost.test(p)) continue;
      int slash = p.relPath().lastIndexOf('/');
      // by folder and language: docs/a.md and docs/a.pl.md are in two chains
      String folder = (slash < 0 ? "" : p.relPath().substring(0, slash)) + "\0" + p.lang();
      byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).add(p);
    }
    for (List<Page> folder : byFolder.values()) {
      folder.sort(Ordering.BY_WEIGHT);
      chain(folder, previous, next, basePath);
    }
    return new Neighbours(previous, next);
  }

  private static void chain(List<Page> inOrder, Map<String, Map<String, Object>> previous,
      Map<String, Map<String, Object>> next, String basePath) {
    for (int i = 0; i < inOrder.size(); i++) {
      Page p = inOrder.get(i);
      if (i > 0) previous.put(p.relPath(), link(inOrder.get(i - 1), basePath));
      if (i + 1 < inOrder.size()) next.put(p.relPath(), link(inOrder.get(i + 1), basePath));
    }
  }

  private static Map<String, Object> link(Page page, String basePath) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("title", page.title());
    link.put("url", basePath + page.url());
    return link;
  }

  Map<String, Object> previous(Page page) {
    return previous.get(page.relPath());
  }

  Map<String, Object> next(Page page) {
    return next.get(page.relPath());
  }

  /** Both, for an output key. */
  List<Object> of(Page page) {
    return Arrays.asList(previous(page), next(page));
  }
}
