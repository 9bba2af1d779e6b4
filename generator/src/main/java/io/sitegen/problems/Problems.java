package io.sitegen.problems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects every problem of a run, so that a build reports all of them rather than the first.
 * Safe to use from several threads.
 */
public final class Problems {
  /** A set: the same problem found twice (say, a broken layout used by many pages) is told once. */
  private final LinkedHashSet<Problem> list = new LinkedHashSet<>();

  public synchronized void add(Problem problem) {
    list.add(problem);
  }

  public void addAll(Problems other) {
    List<Problem> theirs;
    synchronized (other) {
      theirs = new ArrayList<>(other.list);
    }
    synchronized (this) {
      list.addAll(theirs);
    }
  }

  public void error(String file, int line, String message) {
    add(Problem.error(file, line, message));
  }

  public void warning(String file, int line, String message) {
    add(Problem.warning(file, line, message));
  }

  public synchronized boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  public synchronized long errorCount() {
    return list.stream().filter(Problem::isError).count();
  }

  public synchronized long warningCount() {
    return list.size() - errorCount();
  }

  /** All problems, ordered by file, then line, then column, so that output is stable. */
  public synchronized List<Problem> sorted() {
    List<Problem> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(Problem::file)
        .thenComparingInt(Problem::line)
        .thenComparingInt(Problem::column)
        .thenComparing(Problem::message));
    return copy;
  }
}
