package io.sitegen.build;

import io.sitegen.config.Problem;
import java.util.List;

/**
 * What a build did.
 *
 * @param problems every error and warning, sorted by file and line
 */
public record BuildResult(int pagesWritten, int draftsSkipped, int filesCopied, long millis,
    List<Problem> problems) {

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
