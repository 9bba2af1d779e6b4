package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitegen.cli.Main;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped at any point, as by a kill, leaves the old or the new complete site at the
 * output path, or the next command puts the old one back; a full disk fails the build with one
 * line and leaves the old output.
 */
class CrashSafetyTest {
  @TempDir
  Path dir;

  private TestSite site;
  private Map<String, String> versionA;
  private Map<String, String> versionB;

  /** What a kill does to the process: it stops, and nothing after runs. */
  private static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  @BeforeEach
  void twoVersions() {
    site = TestSite.withLayouts(dir);
    writeVersion("B", 40);
    assertThat(site.run("build").exitCode()).isZero();
    versionB = Snapshot.of(dir.resolve("_site"));
    writeVersion("A", 30);
    assertThat(site.run("build").exitCode()).isZero();
    versionA = Snapshot.of(dir.resolve("_site"));
    assertThat(versionA).isNotEqualTo(versionB);
  }

  @AfterEach
  void noFaults() {
    StagedOutput.faults = step -> { };
  }

  private void writeVersion(String version, int posts) {
    try (var walk = Files.walk(dir.resolve("content"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (java.nio.file.NoSuchFileException e) {
      // first version
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 1; i <= posts; i++) {
      site.write(String.format("content/blog/post-%03d.md", i), "---\nlayout: article\ntitle: Post " + i
          + "\ndate: 2024-01-" + String.format("%02d", 1 + i % 28) + "\n---\nVersion " + version + ", post " + i + ".\n"
          + "Some text to write. ".repeat(200) + "\n");
    }
  }

  /** Runs a command that does not build, as the next run after a kill would. */
  private void nextCommand() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"drafts", "-q", "-s", dir.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
  }

  private void assertOldOrNewSiteAndNothingLeft() {
    assertThat(Snapshot.of(dir.resolve("_site"))).isIn(versionA, versionB);
    assertThat(site.rootEntries()).containsExactly("_site", "content", "layouts", "site.yml");
  }

  /**
   * Without the cache, each build stages into a new folder; with it, into the spare kept in the
   * cache, whose files are overwritten: a build stopped half-way leaves the spare half-written, and
   * the next build must still write the right site.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "cache {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aBuildStoppedAtAnyFileSystemStepLeavesTheOldOrTheNewSite(boolean cache) {
    BuildOptions options = BuildOptions.of(dir).withThreads(1).withCache(cache);
    // The steps of building version B over version A, in order.
    List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    writeVersion("A", 30);
    assertThat(SiteBuilder.build(options).ok()).isTrue(); // with the cache, the old output is the spare now
    StagedOutput.faults = steps::add;
    writeVersion("B", 40);
    assertThat(SiteBuilder.build(options).ok()).isTrue();
    assertThat(steps).contains("write file", "write marker", "move output aside", "move staging in",
        cache ? "keep old output as spare" : "delete old output");

    // Every step that is not one of many writes or deletes (the swap), the first and last two of
    // each run of those, and every seventh.
    int total = steps.size();
    List<Integer> stops = new ArrayList<>();
    for (int n = 1; n <= total; n++) {
      String step = steps.get(n - 1);
      boolean many = step.equals("write file") || step.equals("copy file") || step.equals("delete file");
      boolean edge = n <= 2 || n > total - 2 || !steps.get(n - 2).equals(step) || !steps.get(n).equals(step)
          || !steps.get(n - 3).equals(step);
      // with the cache, most pages are taken from the spare without a step: stop at every step
      if (!many || edge || cache || n % 7 == 0) stops.add(n);
    }
    assertThat(stops).hasSizeGreaterThan(cache ? 30 : 20);
    for (int stopAt : stops) {
      StagedOutput.faults = step -> { };
      writeVersion("A", 30);
      assertThat(SiteBuilder.build(options).ok()).isTrue();
      assertThat(Snapshot.of(dir.resolve("_site"))).isEqualTo(versionA);
      writeVersion("B", 40);
      AtomicInteger seen = new AtomicInteger();
      StagedOutput.faults = step -> {
        if (seen.incrementAndGet() == stopAt) throw new Killed();
      };
      assertThatThrownBy(() -> SiteBuilder.build(options)).isInstanceOf(Killed.class);
      StagedOutput.faults = step -> { };
      nextCommand();
      String where = "stopped at step " + stopAt + " of " + total + " (" + steps.get(stopAt - 1) + ")";
      assertThat(Snapshot.of(dir.resolve("_site"))).as(where).isIn(versionA, versionB);
      assertThat(site.rootEntries()).as(where).containsExactly("_site", "content", "layouts", "site.yml");
      assertThat(SiteBuilder.build(options).ok()).as(where).isTrue();
      assertThat(Snapshot.of(dir.resolve("_site"))).as(where + ", then built again").isEqualTo(versionB);
    }
  }

  @Test
  void aBuildKilledAtRandomMomentsLeavesTheOldOrTheNewSite() throws Exception {
    Random random = new Random(20261129);
    writeVersion("B", 40);
    long full = childBuild(-1);
    String version = "A";
    for (int i = 0; i < 6; i++) {
      writeVersion(version, version.equals("A") ? 30 : 40);
      childBuild((long) (full * (0.3 + 0.9 * random.nextDouble())));
      nextCommand();
      assertOldOrNewSiteAndNothingLeft();
      version = version.equals("A") ? "B" : "A";
    }
  }

  /**
   * Builds the site in a child JVM, killed with SIGKILL after {@code killAfterMillis} (or left to
   * finish when negative). @return how long the child ran, in milliseconds
   */
  private long childBuild(long killAfterMillis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "build", "-q", "-s", dir.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long start = System.nanoTime();
    if (killAfterMillis < 0) {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
    } else if (!child.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      child.waitFor();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aFullDiskFailsWithOneLineAndKeepsTheOldOutput() {
    writeVersion("B", 40);
    AtomicInteger writes = new AtomicInteger();
    StagedOutput.faults = step -> {
      if (step.equals("write file") && writes.incrementAndGet() == 10) {
        throw new UncheckedIOException(new FileSystemException(dir.resolve("._site.staging-1/blog/x.html").toString(),
            null, "No space left on device"));
      }
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"build", "-s", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly(
        "_site: no space left on device",
        "build failed: 1 error; the previous output was left as it was");
    assertThat(Snapshot.of(dir.resolve("_site"))).isEqualTo(versionA);
    assertThat(site.rootEntries()).containsExactly("_site", "content", "layouts", "site.yml");
  }

  @Test
  void aReadOnlyOutputFailsWithOneLine() {
    StagedOutput.faults = step -> {
      if (step.equals("create staging")) {
        throw new UncheckedIOException(new FileSystemException(dir.resolve("._site.staging-1").toString(), null,
            "Read-only file system"));
      }
    };
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(result.problems()).extracting(Problem::toString).containsExactly("_site: read-only file system");
    assertThat(Snapshot.of(dir.resolve("_site"))).isEqualTo(versionA);
  }

  @Test
  void aSecondBuildOfTheSameOutputWaitsForTheFirst() throws Exception {
    List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch firstWriting = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch secondWaiting = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean secondStarted = new java.util.concurrent.atomic.AtomicBoolean();
    StagedOutput.faults = step -> {
      if (step.equals("write file") && !secondStarted.get()) {
        firstWriting.countDown();
        try {
          secondWaiting.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    writeVersion("B", 40);
    Thread first = new Thread(() -> SiteBuilder.build(BuildOptions.of(dir).withThreads(1)), "first");
    first.start();
    assertThat(firstWriting.await(10, TimeUnit.SECONDS)).isTrue();
    secondStarted.set(true);
    BuildResult second = SiteBuilder.build(BuildOptions.of(dir).withThreads(1), line -> { }, line -> {
      notes.add(line);
      secondWaiting.countDown();
    });
    first.join();
    assertThat(notes).containsExactly("waiting for another build of _site to finish");
    assertThat(second.ok()).isTrue();
    assertThat(Snapshot.of(dir.resolve("_site"))).isEqualTo(versionB);
    assertThat(site.rootEntries()).containsExactly("_site", "content", "layouts", "site.yml");
  }
}
