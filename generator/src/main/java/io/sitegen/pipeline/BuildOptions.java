package io.sitegen.pipeline;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What to build.
 *
 * @param root   the site root, holding {@code site.yml}, {@code content/}, {@code layouts/}, {@code assets/}
 * @param output the output folder, replaced as a whole on success
 * @param drafts whether pages with {@code draft: true} are published (and pages dated in the
 *               future, which are drafts until their date)
 * @param write  false to run every check without writing anything
 * @param strict whether warnings (such as a missing anchor) fail the build
 * @param links  whether links are resolved and checked; off only to measure what that costs
 * @param threads how many threads build pages; 0 for one per core
 * @param cache  whether rendered Markdown is kept in, and taken from, {@code .site-cache/}
 * @param future whether pages dated after now are published as if their date had come
 * @param clock  what "now" is: a page dated after it is scheduled, a draft until then
 */
public record BuildOptions(Path root, Path output, boolean drafts, boolean write, boolean strict,
    boolean links, int threads, boolean cache, boolean future, Clock clock) {
  public BuildOptions {
    if (clock == null) clock = Clock.systemUTC();
  }

  public BuildOptions(Path root, Path output, boolean drafts, boolean write, boolean strict,
      boolean links, int threads, boolean cache) {
    this(root, output, drafts, write, strict, links, threads, cache, false, Clock.systemUTC());
  }

  public BuildOptions(Path root, Path output, boolean drafts, boolean write, boolean strict) {
    this(root, output, drafts, write, strict, true, 0, false);
  }

  public BuildOptions withCache(boolean on) {
    return new BuildOptions(root, output, drafts, write, strict, links, threads, on, future, clock);
  }

  public BuildOptions withThreads(int n) {
    return new BuildOptions(root, output, drafts, write, strict, links, n, cache, future, clock);
  }

  public static BuildOptions of(Path root) {
    return new BuildOptions(root, root.resolve("_site"), false, true, false);
  }

  public BuildOptions withLinks(boolean on) {
    return new BuildOptions(root, output, drafts, write, strict, on, threads, cache, future, clock);
  }

  public BuildOptions withDrafts(boolean include) {
    return new BuildOptions(root, output, include, write, strict, links, threads, cache, future, clock);
  }

  public BuildOptions withOutput(Path folder) {
    return new BuildOptions(root, folder, drafts, write, strict, links, threads, cache, future, clock);
  }

  public BuildOptions checkOnly() {
    return new BuildOptions(root, output, drafts, false, strict, links, threads, cache, future, clock);
  }

  public BuildOptions withStrict(boolean on) {
    return new BuildOptions(root, output, drafts, write, on, links, threads, cache, future, clock);
  }

  /** With pages dated after now published ({@code --future}), or left out as drafts until their date. */
  public BuildOptions withFuture(boolean include) {
    return new BuildOptions(root, output, drafts, write, strict, links, threads, cache, include, clock);
  }

  /** With "now" read from {@code at}: tests fix it. */
  public BuildOptions withClock(Clock at) {
    return new BuildOptions(root, output, drafts, write, strict, links, threads, cache, future, at);
  }
}
