package io.sitegen.links;

import io.sitegen.problems.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What resolving the links of one page found: how many were checked, the broken ones, and the
 * {@code #fragment} links whose anchors are checked once every page is rendered. Kept per page so
 * that a page rendered again replaces only its own findings.
 */
public final class PageLinks {
  private final List<Problem> problems = new ArrayList<>();
  private final List<Links.AnchorLink> anchors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private int checked;

  /** Something wrong with a link's target that does not break it, such as an image whose size cannot be read. */
  public synchronized void warning(Problem problem) {
    warnings.add(problem);
  }

  synchronized void broken(Problem problem) {
    checked++;
    problems.add(problem);
  }

  synchronized void resolved(Links.AnchorLink anchor) {
    checked++;
    if (anchor != null) anchors.add(anchor);
  }

  /** Links to this site that were checked (links to other sites are never fetched, so not counted). */
  public synchronized int checked() {
    return checked;
  }

  public synchronized int broken() {
    return problems.size();
  }

  /** The broken links, then the warnings. */
  public synchronized List<Problem> problems() {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(warnings);
    return all;
  }

  synchronized List<Links.AnchorLink> anchors() {
    return List.copyOf(anchors);
  }
}
