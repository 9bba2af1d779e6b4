package io.sitegen.pipeline;

import io.sitegen.problems.Problem;
import java.util.List;

/**
 * What a build did.
 *
 * @param pagesRead      pages read and checked (those the build publishes)
 * @param linksChecked   links to this site that were resolved and checked
 * @param problems       every error and warning, sorted by file and line
 * @param unchanged      whether nothing had changed since the last build, which this one only told again
 */
public record BuildResult(int pagesRead, int pagesWritten, int draftsSkipped, int filesCopied,
    int linksChecked, int brokenLinks, int missingAnchors, long millis, List<Problem> problems, boolean unchanged) {

  public BuildResult(int pagesRead, int pagesWritten, int draftsSkipped, int filesCopied, int linksChecked,
      int brokenLinks, int missingAnchors, long millis, List<Problem> problems) {
    this(pagesRead, pagesWritten, draftsSkipped, filesCopied, linksChecked, brokenLinks, missingAnchors, millis,
        problems, false);
  }

  /** The result of the last build, told again by a build that found nothing changed since. */
  BuildResult toldAgain(long nowMillis) {
    return new BuildResult(pagesRead, pagesWritten, draftsSkipped, filesCopied, linksChecked, brokenLinks,
        missingAnchors, nowMillis, problems, true);
  }

  static BuildResult failedEarly(List<Problem> problems) {
    return new BuildResult(0, 0, 0, 0, 0, 0, 0, 0, problems);
  }

  BuildResult withNothingWritten() {
    return new BuildResult(pagesRead, 0, draftsSkipped, 0, linksChecked, brokenLinks, missingAnchors, millis,
        problems);
  }

  public boolean ok() {
    return problems.stream().noneMatch(Problem::isError);
  }

  public long errors() {
    return problems.stream().filter(Problem::isError).count();
  }

  public long warnings() {
    return problems.size() - errors();
  }
}
