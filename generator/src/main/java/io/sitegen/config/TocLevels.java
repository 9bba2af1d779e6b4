package io.sitegen.config;

import java.util.Map;

/** The heading levels a table of contents shows: {@code toc: {minLevel: 2, maxLevel: 3}} in site.yml or front matter. */
public record TocLevels(int min, int max) {
  public static final TocLevels DEFAULT = new TocLevels(2, 3);

  /**
   * The levels {@code raw} sets, each one it leaves out as in {@code fallback}; null when it is
   * not a mapping of whole numbers from 1 to 6, the first not above the second.
   */
  public static TocLevels read(Object raw, TocLevels fallback) {
    if (raw == null) return fallback;
    if (!(raw instanceof Map<?, ?> map)) return null;
    Object min = map.get("minLevel") == null ? fallback.min() : map.get("minLevel");
    Object max = map.get("maxLevel") == null ? fallback.max() : map.get("maxLevel");
    if (!(min instanceof Integer lo) || !(max instanceof Integer hi) || lo < 1 || hi > 6 || lo > hi) return null;
    return new TocLevels(lo, hi);
  }

  /** What a wrong {@code toc} value is told. */
  public static final String EXPECTED = "toc: expected {minLevel: N, maxLevel: M} with whole numbers 1 <= N <= M <= 6";
}
