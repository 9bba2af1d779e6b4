package io.sitegen.content;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Locale;

/** The orders pages are listed in: by {@code weight} for docs, newest first for everything else. */
public final class Ordering {
  private Ordering() {}

  /** A page's {@code weight}, or null when it has none (or one that is not a number). */
  public static Double weightOf(Page page) {
    return page.data().get("weight") instanceof Number n ? n.doubleValue() : null;
  }

  /**
   * Ascending {@code weight} (pages without one after those with one), then title, then URL: the
   * order of docs in a listing and of their previous and next links, as Hugo orders by weight.
   */
  public static final Comparator<Page> BY_WEIGHT = Comparator
      .comparing(Ordering::weightOf, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
      .thenComparing(p -> p.title().toLowerCase(Locale.ROOT))
      .thenComparing(Page::url);

  /** Newest first; undated pages last, in {@link #BY_WEIGHT} order. */
  public static final Comparator<Page> NEWEST_FIRST = Comparator
      .comparing(Page::date, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(BY_WEIGHT);
}
