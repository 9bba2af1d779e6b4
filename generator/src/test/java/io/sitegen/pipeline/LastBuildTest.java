package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build with nothing changed since the last one, over the output it wrote, only tells its result again. */
class LastBuildTest {
  @TempDir
  Path dir;

  private TestSite site;
  private BuildOptions options;
  private Map<String, String> first;

  @BeforeEach
  void builtOnce() throws Exception {
    Files.createDirectories(dir.resolve(".git")); // the repository root, for links to files outside content/
    site = TestSite.withLayouts(dir.resolve("site"));
    site.write("site.yml", "baseUrl: https://example.org\nsourceBase: https://example.org/src/\n")
        .write("content/blog/a.md", "---\nlayout: article\ntitle: A\ndate: 2024-01-01\n---\n"
            + "See [b](./b.md#nowhere) and [the notes](../../../NOTES.md).\n")
        .write("content/blog/b.md", "---\nlayout: article\ntitle: B\ndate: 2024-01-02\n---\nB.\n")
        .write("assets/site.css", "x");
    Files.writeString(dir.resolve("NOTES.md"), "notes\n");
    options = BuildOptions.of(site.root()).withCache(true);
    BuildResult result = SiteBuilder.build(options);
    assertThat(result.ok()).isTrue();
    assertThat(result.unchanged()).isFalse();
    first = Snapshot.of(site.root().resolve("_site"));
  }

  @Test
  void nothingChangedIsToldAgainWithTheSameWarnings() {
    BuildResult again = SiteBuilder.build(options);
    assertThat(again.unchanged()).isTrue();
    assertThat(again.problems()).extracting(Problem::toString)
        .containsExactly("content/blog/a.md:6: warning: missing anchor ./b.md#nowhere: content/blog/b.md has no id \"nowhere\"");
    assertThat(Snapshot.of(site.root().resolve("_site"))).isEqualTo(first);
  }

  @Test
  void anOutputChangedAfterTheBuildIsWrittenAgain() throws Exception {
    Files.writeString(site.root().resolve("_site/blog/a.html"), "post-processed by CI");
    BuildResult again = SiteBuilder.build(options);
    assertThat(again.unchanged()).isFalse();
    assertThat(Snapshot.of(site.root().resolve("_site"))).isEqualTo(first);
    Files.delete(site.root().resolve("_site/site.css"));
    assertThat(SiteBuilder.build(options).unchanged()).isFalse();
    assertThat(Snapshot.of(site.root().resolve("_site"))).isEqualTo(first);
    Files.writeString(site.root().resolve("_site/extra.html"), "added by hand");
    assertThat(SiteBuilder.build(options).unchanged()).isFalse();
    assertThat(Snapshot.of(site.root().resolve("_site"))).isEqualTo(first);
  }

  @Test
  void anyChangedInputBuildsAgain() {
    site.write("layouts/partials/nav.html", "<nav>new</nav>");
    assertThat(SiteBuilder.build(options).unchanged()).isFalse();
    assertThat(SiteBuilder.build(options).unchanged()).isTrue();
    site.write("site.yml", "baseUrl: https://example.org\nsourceBase: https://example.org/src/\ntitle: T\n");
    assertThat(SiteBuilder.build(options).unchanged()).isFalse();
    site.write("assets/site.css", "y");
    assertThat(SiteBuilder.build(options).unchanged()).isFalse();
    assertThat(SiteBuilder.build(options.withDrafts(true)).unchanged()).isFalse();
    assertThat(SiteBuilder.build(options.withCache(false)).unchanged()).isFalse();
  }

  @Test
  void theOutputBeforeLastIsWrittenOverAndAFileMadeFromTheSameInputsIsLeftAsItWas() throws Exception {
    Path out = site.root().resolve("_site");
    Path spare = LastBuild.spareFor(options);
    // build 2: the output of build 1 becomes the spare
    site.write("content/blog/a.md", "---\nlayout: article\ntitle: A\ndate: 2024-01-01\n---\nChanged.\n");
    assertThat(SiteBuilder.build(options).ok()).isTrue();
    Object b1 = Files.getAttribute(spare.resolve("blog/b.html"), "unix:ino");
    FileTime b1Modified = Files.getLastModifiedTime(spare.resolve("blog/b.html"));
    Thread.sleep(LastBuild.RACY_MILLIS + 30);

    // build 3 writes over the spare: b.html, made from the same inputs, is kept; a.html is written
    site.write("content/blog/a.md", "---\nlayout: article\ntitle: A\ndate: 2024-01-01\n---\nAgain.\n");
    assertThat(SiteBuilder.build(options).ok()).isTrue();
    assertThat(Files.getAttribute(out.resolve("blog/b.html"), "unix:ino")).isEqualTo(b1);
    assertThat(Files.getLastModifiedTime(out.resolve("blog/b.html"))).isEqualTo(b1Modified);
    assertThat(Files.readString(out.resolve("blog/a.html"))).contains("Again.");
    assertThat(Snapshot.of(out)).isEqualTo(freshBuild());

    // a spare file changed since it was written (same length) is written again
    String b = Files.readString(spare.resolve("blog/b.html"));
    Files.writeString(spare.resolve("blog/b.html"), b.replace("B.", "X."));
    site.write("content/blog/a.md", "---\nlayout: article\ntitle: A\ndate: 2024-01-01\n---\nThird.\n");
    assertThat(SiteBuilder.build(options).ok()).isTrue();
    assertThat(Files.readString(out.resolve("blog/b.html"))).isEqualTo(b);
    assertThat(Snapshot.of(out)).isEqualTo(freshBuild());
  }

  @Test
  void aCopiedFileIsTakenFromTheSpareOnlyWhileItsSourceIsUnchanged() throws Exception {
    Path out = site.root().resolve("_site");
    for (String text : new String[] {"a", "b", "c"}) {
      Thread.sleep(LastBuild.RACY_MILLIS + 30); // the source's stamp is trusted: only its status time tells
      site.write("assets/site.css", text);
      Thread.sleep(LastBuild.RACY_MILLIS + 30);
      assertThat(SiteBuilder.build(options).ok()).isTrue();
      assertThat(Files.readString(out.resolve("site.css"))).isEqualTo(text);
      site.write("content/blog/b.md", "---\nlayout: article\ntitle: B\ndate: 2024-01-02\n---\nB " + text + ".\n");
      assertThat(SiteBuilder.build(options).ok()).isTrue();
      assertThat(Files.readString(out.resolve("site.css"))).isEqualTo(text);
    }
  }

  @Test
  void aLinkOrASecondNameInTheSpareIsNeverWrittenThrough() throws Exception {
    Path out = site.root().resolve("_site");
    Path spare = LastBuild.spareFor(options);
    site.write("content/blog/a.md", "---\nlayout: article\ntitle: A\ndate: 2024-01-01\n---\nChanged.\n");
    assertThat(SiteBuilder.build(options).ok()).isTrue();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path victim = Files.writeString(outside.resolve("victim.html"), "keep me");
    Path other = Files.writeString(outside.resolve("other.html"), "keep me too");
    // the spare's blog/ becomes a link out of the site; its site.css a second name of a file outside it
    deleteTree(spare.resolve("blog"));
    Files.createSymbolicLink(spare.resolve("blog"), outside);
    Files.delete(spare.resolve("site.css"));
    Files.createLink(spare.resolve("site.css"), other);
    Files.createSymbolicLink(spare.resolve("index.html"), victim);

    site.write("content/blog/a.md", "---\nlayout: article\ntitle: A\ndate: 2024-01-01\n---\nAgain.\n");
    assertThat(SiteBuilder.build(options).ok()).isTrue();
    assertThat(Files.readString(victim)).isEqualTo("keep me");
    assertThat(Files.readString(other)).isEqualTo("keep me too");
    try (var files = Files.list(outside)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("victim.html", "other.html");
    }
    assertThat(Snapshot.of(out)).isEqualTo(freshBuild());
  }

  private Map<String, String> freshBuild() {
    Path fresh = dir.resolve("fresh-" + System.nanoTime());
    assertThat(SiteBuilder.build(options.withCache(false).withOutput(fresh)).ok()).isTrue();
    return Snapshot.of(fresh);
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }

  @Test
  void aFileOutsideTheSiteThatALinkNamedIsWatchedToo() throws Exception {
    Files.delete(dir.resolve("NOTES.md"));
    BuildResult again = SiteBuilder.build(options);
    assertThat(again.unchanged()).isFalse();
    assertThat(again.ok()).isFalse();
    assertThat(again.problems()).extracting(Problem::toString).anyMatch(p -> p.contains("broken link ../../../NOTES.md"));
  }

  /**
   * A modification time a minute ago that setting it keeps exactly (Java sets times to the
   * microsecond), with a fraction of a second so that the file system is not taken for a coarse one.
   */
  private static FileTime aMinuteAgo() {
    return FileTime.from((System.currentTimeMillis() - 60_000) * 1000 + 500, TimeUnit.MICROSECONDS);
  }

  @Test
  void aSourceRewrittenWithItsSizeAndTimeKeptIsSeen() throws Exception {
    Path b = site.root().resolve("content/blog/b.md");
    FileTime then = aMinuteAgo();
    Files.setLastModifiedTime(b, then);
    // its status time changed just now: wait until a stamp of it is trusted
    Thread.sleep(LastBuild.RACY_MILLIS + 30);
    assertThat(SiteBuilder.build(options).unchanged()).isTrue();
    assertThat(SiteBuilder.build(options).unchanged()).isTrue();
    Files.writeString(b, Files.readString(b).replace("B.", "C."));
    Files.setLastModifiedTime(b, then); // as cp --preserve=timestamps or a careless tool would
    assertThat(Files.getLastModifiedTime(b)).isEqualTo(then);
    Thread.sleep(LastBuild.RACY_MILLIS + 30); // long enough after the change that only its status time tells
    BuildResult again = SiteBuilder.build(options);
    assertThat(again.unchanged()).isFalse();
    assertThat(Files.readString(site.root().resolve("_site/blog/b.html"))).contains("C.");
  }

  @Test
  void anOutputRewrittenWithItsSizeAndTimeKeptIsSeen() throws Exception {
    Path b = site.root().resolve("_site/blog/b.html");
    FileTime then = aMinuteAgo();
    Files.setLastModifiedTime(b, then);
    Thread.sleep(LastBuild.RACY_MILLIS + 30);
    assertThat(SiteBuilder.build(options).unchanged()).isTrue();
    assertThat(SiteBuilder.build(options).unchanged()).isTrue();
    Files.writeString(b, Files.readString(b).replace("B.", "C."));
    Files.setLastModifiedTime(b, then);
    assertThat(Files.getLastModifiedTime(b)).isEqualTo(then);
    Thread.sleep(LastBuild.RACY_MILLIS + 30); // long enough after the change that only its status time tells
    assertThat(SiteBuilder.build(options).unchanged()).isFalse();
    assertThat(Files.readString(b)).contains("B.");
  }
}
