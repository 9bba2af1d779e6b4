package io.sitegen.build;

import io.sitegen.config.Problems;

/**
 * One build of a site: runs the whole pipeline of a {@link Session} into a staging folder that
 * replaces the output folder only when no stage found an error.
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  public static BuildResult build(BuildOptions options) {
    if (options.write() && options.root().toAbsolutePath().normalize()
        .startsWith(options.output().toAbsolutePath().normalize())) {
      Problems problems = new Problems();
      problems.error(options.output().toString(), 0,
          "the output folder must not be the site root or hold it; it is replaced on every build");
      return BuildResult.failedEarly(problems.sorted());
    }
    Session session = new Session(options, false);
    if (!options.write()) return session.build(DISCARD);
    StagedOutput output = new StagedOutput(options.output());
    try {
      BuildResult result = session.build(output);
      if (result.ok()) {
        output.commit();
        return result;
      }
      output.abort();
      return result.withNothingWritten();
    } catch (RuntimeException e) {
      output.abort();
      throw e;
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
