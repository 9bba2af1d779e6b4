package io.sitegen.build;

import io.sitegen.config.Problems;

/**
 * One build of a site: runs the whole pipeline of a {@link Session} into a staging folder that
 * replaces the output folder only when no stage found an error.
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  public static BuildResult build(BuildOptions options) {
    return build(options, line -> { });
  }

  /** @param timings receives how long each stage took */
  public static BuildResult build(BuildOptions options, java.util.function.Consumer<String> timings) {
    java.nio.file.Path content = options.root().resolve("content");
    if (!java.nio.file.Files.isDirectory(content)) {
      Problems problems = new Problems();
      problems.error(options.root().toString(), 0, java.nio.file.Files.isDirectory(options.root())
          ? "no content/ folder here: is this the site's root? (-s DIR names another)"
          : "no such folder");
      return BuildResult.failedEarly(problems.sorted());
    }
    if (options.write() && options.root().toAbsolutePath().normalize()
        .startsWith(options.output().toAbsolutePath().normalize())) {
      Problems problems = new Problems();
      problems.error(options.output().toString(), 0,
          "the output folder must not be the site root or hold it; it is replaced on every build");
      return BuildResult.failedEarly(problems.sorted());
    }
    Session session = new Session(options, false);
    if (!options.write()) {
      BuildResult result = inPool(options, () -> session.build(DISCARD));
      session.timings().forEach(timings);
      return result;
    }
    StagedOutput output = new StagedOutput(options.output());
    try {
      BuildResult result = inPool(options, () -> session.build(output));
      session.timings().forEach(timings);
      if (result.ok()) {
        long start = System.nanoTime();
        output.commit();
        timings.accept(String.format(java.util.Locale.ROOT, "%6d ms  %s", (System.nanoTime() - start) / 1_000_000,
            "swap the output folder in"));
        return result;
      }
      output.abort();
      return result.withNothingWritten();
    } catch (RuntimeException e) {
      output.abort();
      throw e;
    }
  }

  /**
   * Runs the build on a pool of {@code options.threads()} threads: the parallel stages run on the
   * pool of the thread that starts them. 0 threads: the common pool, one thread per core.
   */
  private static BuildResult inPool(BuildOptions options, java.util.concurrent.Callable<BuildResult> build) {
    if (options.threads() <= 0) {
      try {
        return build.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(options.threads());
    try {
      return pool.submit(build).join();
    } finally {
      pool.shutdown();
    }
  }

  /** For {@code site check}: every stage runs, nothing is kept. */
  private static final Session.Output DISCARD = new Session.Output() {
    @Override
    public void write(String path, byte[] bytes) {}

    @Override
    public void copy(java.nio.file.Path source, String path) {}

    @Override
    public void delete(String path) {}
  };
}
