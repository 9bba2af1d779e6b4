package io.sitegen.pipeline;

import io.sitegen.cache.PageCache;
import io.sitegen.config.SiteConfig;
import io.sitegen.content.Translations;
import io.sitegen.files.SiteFiles;
import io.sitegen.output.Output;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One build of a site: runs the whole pipeline of a {@link Session} into a staging folder that
 * replaces the output folder only when no stage found an error.
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  public static BuildResult build(BuildOptions options) {
    return build(options, line -> { }, line -> { });
  }

  /**
   * @param timings receives how long each stage took
   * @param notes   receives what the user should know that is not a problem of the site: waiting
   *                for another build of the same output, an output put back after a killed build
   */
  public static BuildResult build(BuildOptions options, Consumer<String> timings, Consumer<String> notes) {
    return build(options, timings, notes, session -> { });
  }

  /**
   * Checks the site as {@link #build} does, writing nothing, then hands over what the build found
   * of the site's translations: for each language but the default, its translations, those
   * outdated and the originals it lacks.
   */
  public static BuildResult checkTranslations(BuildOptions options, Consumer<List<Translations.Report>> report) {
    return build(options, line -> { }, line -> { }, session -> report.accept(session.translationReport()));
  }

  private static BuildResult build(BuildOptions options, Consumer<String> timings, Consumer<String> notes,
      Consumer<Session> done) {
    Path root = options.root();
    if (!SiteConfig.hasContent(root)) {
      Problems problems = new Problems();
      problems.error(root.toString(), 0, Files.isDirectory(root)
          ? "no content/ folder here: is this the site's root? (-s DIR names another)"
          : "no such folder");
      return BuildResult.failedEarly(problems.sorted());
    }
    Session session = new Session(options, false);
    try {
      BuildResult result = build(options, session, timings, notes);
      done.accept(session);
      return result;
    } finally {
      session.close();
    }
  }

  private static BuildResult build(BuildOptions options, Session session, Consumer<String> timings,
      Consumer<String> notes) {
    if (!options.write()) {
      BuildResult result = inPool(options, () -> session.build(DISCARD));
      session.timings().forEach(timings);
      return result;
    }
    String unusable = outputProblem(options);
    if (unusable != null) return failed(shown(options, options.output()), unusable);
    StagedOutput output;
    boolean cached = options.cache() && PageCache.usable(options.root());
    try {
      output = StagedOutput.open(options.output(), cached ? LastBuild.spareFor(options) : null,
          () -> notes.accept("waiting for another build of " + shown(options, options.output()) + " to finish"),
          notes);
    } catch (IOException | UncheckedIOException e) {
      return failed(shown(options, options.output()), ioCause(e));
    }
    try (output) {
      long begun = System.nanoTime();
      // With the cache: the inputs' digest, read before the build so that a file saved during it
      // makes the next build run; and the last build's record, if nothing changed since.
      LastBuild.Record recorded = cached ? LastBuild.read(options).orElse(null) : null;
      Map<String, String> known = recorded == null ? Map.of() : recorded.sources();
      LastBuild.Inputs inputs = cached ? inPool(options, () -> LastBuild.inputs(options, known)).orElse(null) : null;
      LastBuild.Record last = recorded != null && inputs != null && recorded.inputs().equals(inputs.digest())
          && recorded.outsideUnchanged() ? recorded : null;
      Map<String, String> outputs = last == null || !Files.isDirectory(options.output()) ? null
          : inPool(options, () -> LastBuild.unchanged(options.output(), last.outputs())).orElse(null);
      if (outputs != null) {
        output.abort();
        // Stamps too recent to trust when recorded may be trusted now: kept, the next build reads less.
        if (!outputs.equals(last.outputs()) || !inputs.sources().equals(last.sources())) {
          LastBuild.write(options, new LastBuild.Record(last.inputs(), inputs.sources(), last.outside(), outputs,
              last.pageKeys(), last.spareOutputs(), last.spareKeys(), last.result()));
        }
        timings.accept(String.format(Locale.ROOT, "%6d ms  %s", (System.nanoTime() - begun) / 1_000_000,
            "find nothing changed since the last build, and its output as it wrote it"));
        return last.result().toldAgain((System.nanoTime() - begun) / 1_000_000);
      }
      if (recorded != null && inputs != null) {
        output.previous(recorded.pageKeys(), recorded.outputs(), recorded.spareKeys(), recorded.spareOutputs());
      }
      BuildResult result = inPool(options, () -> session.build(output));
      session.timings().forEach(timings);
      if (!result.ok()) {
        output.abort();
        return result.withNothingWritten();
      }
      long start = System.nanoTime();
      output.commit();
      timings.accept(String.format(Locale.ROOT, "%6d ms  %s", (System.nanoTime() - start) / 1_000_000,
          "swap the output folder in"));
      if (inputs != null) {
        // the old output is the spare now: what its build recorded goes with it
        boolean spared = output.recycles() && recorded != null;
        LastBuild.write(options, new LastBuild.Record(inputs.digest(), inputs.sources(),
            LastBuild.outside(session.filesConsulted()),
            inPool(options, () -> LastBuild.stamped(options.output(), output.digests())), output.keys(),
            spared ? recorded.outputs() : Map.of(), spared ? recorded.pageKeys() : Map.of(), result));
      }
      return result;
    } catch (IOException | UncheckedIOException e) {
      output.abort();
      IOException cause = ioCause(e);
      return failed(where(options, cause), cause);
    }
  }

  /**
   * Why the options' output folder must not be written, or null. The site's source folders and
   * files, {@code .git} and every folder holding one of them are refused; so is a folder with
   * files that no build wrote, unless it is the default {@code _site}.
   */
  public static String outputProblem(BuildOptions options) {
    Path root = options.root();
    List<Path> kept = new ArrayList<>(SiteConfig.sourcesOf(root));
    kept.add(root.resolve(PageCache.FOLDER));
    return OutputFolder.problemWith(root, kept, options.output());
  }

  /**
   * Puts back an output folder that a killed build left missing, and deletes the staging and old
   * folders of killed builds, unless a live build holds the folder. Every command runs this first.
   *
   * @param notes receives one line per repair
   */
  public static void recover(Path output, Consumer<String> notes) {
    try {
      StagedOutput.recover(output, notes);
    } catch (IOException e) {
      notes.accept(output + ": could not check for an interrupted build: " + SiteFiles.describe(e));
    }
  }

  /**
   * Deletes the output folder (waiting for a build that holds it) and the cache. The output folder
   * must pass {@link #outputProblem}, as for a build.
   *
   * @return what was deleted, as names to show
   */
  public static List<String> clean(BuildOptions options, Consumer<String> notes) throws IOException {
    List<String> removed = new ArrayList<>();
    Path output = options.output();
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) removed.add(shown(options, output));
    StagedOutput.delete(output, () -> notes.accept("waiting for a build of " + shown(options, output) + " to finish"));
    Path cache = options.root().resolve(PageCache.FOLDER);
    if (Files.exists(cache, LinkOption.NOFOLLOW_LINKS)) {
      removed.add(PageCache.FOLDER);
      StagedOutput.deleteTree(cache);
    }
    return removed;
  }

  private static BuildResult failed(String file, IOException e) {
    return failed(file, SiteFiles.describe(e));
  }

  private static BuildResult failed(String file, String message) {
    Problems problems = new Problems();
    problems.error(file, 0, message);
    return BuildResult.failedEarly(problems.sorted());
  }

  /** The file an I/O failure concerns, as the user knows it: the output folder for its staging copy. */
  private static String where(BuildOptions options, IOException e) {
    if (!(e instanceof FileSystemException fs) || fs.getFile() == null) return shown(options, options.output());
    Path file = Path.of(fs.getFile()).toAbsolutePath().normalize();
    Path out = options.output().toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent != null && file.startsWith(parent) && !file.equals(parent)
        && parent.relativize(file).getName(0).toString().startsWith("." + out.getFileName() + ".")) {
      return shown(options, out);
    }
    return shown(options, file);
  }

  private static String shown(BuildOptions options, Path p) {
    Path root = options.root().toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) && !abs.equals(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  private static IOException ioCause(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) return io;
    }
    return new IOException(e.getMessage());
  }

  /**
   * Runs the build on a pool of {@code options.threads()} threads (0: one per core): the parallel
   * stages run on the pool of the thread that starts them. The pool is a new one, so that when a
   * stage fails, the work it had handed out is stopped and waited for before the staging folder is
   * deleted: a page still being written would otherwise make the folder again.
   */
  private static <T> T inPool(BuildOptions options, Callable<T> build) {
    int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(build).join();
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** For {@code site check}: every stage runs, nothing is kept. */
  private static final Output DISCARD = new Output() {
    @Override
    public void write(String path, byte[] bytes) {}

    @Override
    public void copy(Path source, String path) {}

    @Override
    public void delete(String path) {}
  };
}
