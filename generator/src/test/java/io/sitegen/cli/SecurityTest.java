package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.OutputFolder;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacks a pull request can make on a CI build, one test each: every one is refused with one
 * located line and a non-zero exit, publishes nothing from outside the site, and leaves the
 * previous output and every source byte for byte as they were.
 */
class SecurityTest {
  private static final String SECRET = "TOKEN=ghp_not_a_real_token";

  @TempDir
  Path dir;

  @TempDir
  Path outside;

  private TestSite site;
  private Path secret;

  @BeforeEach
  void goodSiteBuiltOnce() throws IOException {
    site = TestSite.withLayouts(dir)
        .write("content/blog/ok.md", "---\nlayout: article\ntitle: Fine\ndate: 2024-01-02\n---\nAll good.\n")
        .write("assets/css/site.css", "body { color: black }\n");
    assertThat(site.run("build").exitCode()).isZero();
    secret = Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
    Files.createDirectories(outside.resolve("folder"));
    Files.writeString(outside.resolve("folder/leak.md"), "---\nlayout: article\n---\n" + SECRET + "\n");
  }

  /** Runs {@code site build}, expecting it to fail, and checks that nothing changed. */
  private TestSite.Run refusedBuild(int exitCode, String... args) {
    Map<String, String> before = Snapshot.ofSite(dir);
    String[] full = new String[args.length + 1];
    full[0] = "build";
    System.arraycopy(args, 0, full, 1, args.length);
    TestSite.Run run = site.run(full);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(SECRET);
    assertThat(run.out()).isEmpty();
    assertThat(Snapshot.ofSite(dir)).isEqualTo(before);
    return run;
  }

  private static String firstLine(TestSite.Run run) {
    return run.err().lines().findFirst().orElse("");
  }

  private void link(String relPath, Path target) throws IOException {
    Path link = dir.resolve(relPath);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target);
  }

  // ---------------------------------------------------------------- symlinks

  @Test
  void aStylesheetLinkedToASecretOutsideIsRefused() throws IOException {
    link("assets/css/x.css", secret);
    assertThat(firstLine(refusedBuild(1))).isEqualTo("assets/css/x.css: symlink to a file outside the site");
  }

  @Test
  void aFileLinkedToTheProcessEnvironmentIsRefused() throws IOException {
    link("content/env.txt", Path.of("/proc/self/environ"));
    assertThat(firstLine(refusedBuild(1))).isEqualTo("content/env.txt: symlink to a file outside the site");
  }

  @Test
  void aPostLinkedToAFileOutsideIsRefused() throws IOException {
    link("content/blog/p.md", Path.of("/etc/passwd"));
    assertThat(firstLine(refusedBuild(1))).isEqualTo("content/blog/p.md: symlink to a file outside the site");
  }

  @Test
  void aFolderLinkedOutsideIsRefused() throws IOException {
    link("content/docs", outside.resolve("folder"));
    assertThat(firstLine(refusedBuild(1))).isEqualTo("content/docs: symlink to a folder outside the site");
  }

  @Test
  void aLinkIntoGitOrTheOutputIsRefused() throws IOException {
    site.write(".git/config", "[remote]\n\turl = https://x:" + SECRET + "@example.org/\n");
    link("content/git.txt", Path.of("../.git/config"));
    link("content/old.html", Path.of("../_site/blog/ok.html"));
    TestSite.Run run = refusedBuild(1);
    assertThat(run.err().lines().limit(2)).containsExactly(
        "content/git.txt: symlink to a file outside the site",
        "content/old.html: symlink to a file outside the site");
  }

  @Test
  void aLayoutLinkedOutsideIsRefusedEvenWhenNoPageUsesIt() throws IOException {
    link("layouts/leak.html", secret);
    assertThat(firstLine(refusedBuild(1))).isEqualTo("layouts/leak.html: symlink to a file outside the site");
  }

  @Test
  void settingsLinkedOutsideAreRefused() throws IOException {
    Files.delete(dir.resolve("site.yml"));
    Files.writeString(outside.resolve("site.yml"), "title: " + SECRET + "\n");
    link("site.yml", outside.resolve("site.yml"));
    assertThat(firstLine(refusedBuild(1))).isEqualTo("site.yml: symlink to a file outside the site");
  }

  @Test
  void aLinkThatStaysInsideTheSourcesIsFollowed() throws IOException {
    link("content/blog/alias.md", Path.of("ok.md"));
    link("content/styles", Path.of("../assets/css"));
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(site.read("_site/blog/alias.html")).contains("All good.");
    assertThat(site.read("_site/styles/site.css")).contains("color: black");
  }

  // ---------------------------------------------------------------- names a page or layout gives

  @ParameterizedTest
  @ValueSource(strings = {".git/config", "layouts/../.git/config", "/etc/passwd", "../outside.html"})
  void aLayoutOutsideLayoutsIsRefused(String layout) {
    site.write(".git/config", "[remote]\n\turl = https://x:" + SECRET + "@example.org/\n");
    site.write("content/x.md", "---\ntitle: x\nlayout: " + layout + "\n---\nx\n");
    String line = firstLine(refusedBuild(1));
    assertThat(line).startsWith("content/x.md:3: layout ").endsWith(" is outside layouts/; layouts are read from layouts/ only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{% include \".git/config\" %}", "{% include \"../.git/config\" %}",
      "{% extends \"site.yml\" %}", "{% import \"layouts/../site.yml\" %}"})
  void anIncludeOutsideLayoutsIsRefused(String tag) {
    site.write(".git/config", "[remote]\n\turl = https://x:" + SECRET + "@example.org/\n");
    site.write("layouts/evil.html", "<p>\n" + tag + "\n</p>\n");
    site.write("content/x.md", "---\ntitle: x\nlayout: evil\n---\nx\n");
    assertThat(firstLine(refusedBuild(1))).startsWith("layouts/evil.html:2: template: ")
        .endsWith(" is outside layouts/; templates are read from layouts/ only (rendering content/x.md)");
  }

  @Test
  void aPreviewBodyOutsideLayoutsIsRefused() {
    site.write("content/blog/p.md", "---\nlayout: article\ntitle: p\ndate: 2024-01-03\npreviewBody: ../site.yml\n---\np\n");
    assertThat(firstLine(refusedBuild(1)))
        .isEqualTo("content/blog/p.md:5: previewBody: ../site.yml is outside layouts/; it names a file under layouts/");
  }

  // ---------------------------------------------------------------- the output folder

  @ParameterizedTest
  @ValueSource(strings = {"content", "layouts", "assets", ".git", "site.yml", ".", "content/blog", "layouts/out",
      ".git/out"})
  void theOutputMustNotBeASourceOrHoldOne(String folder) {
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    TestSite.Run run = refusedBuild(2, "-o", dir.resolve(folder).toString());
    assertThat(run.err().lines()).hasSize(1);
    assertThat(firstLine(run)).startsWith(dir.resolve(folder) + ": the output folder must not");
  }

  @Test
  void theOutputMustNotHoldTheSite() {
    TestSite.Run run = refusedBuild(2, "-o", dir.getParent().toString());
    assertThat(firstLine(run)).isEqualTo(dir.getParent()
        + ": the output folder must not be the site root or a folder that holds it; it is replaced on every build");
  }

  @Test
  void aFolderOfOtherFilesIsNotReplaced() {
    site.write("notes/todo.txt", "mine\n");
    TestSite.Run run = refusedBuild(2, "-o", dir.resolve("notes").toString());
    assertThat(firstLine(run)).isEqualTo(dir.resolve("notes") + ": not empty and not written by site build (it has no "
        + OutputFolder.MARKER + " file); name a new or empty folder, or empty this one first");
  }

  @Test
  void aFolderAnEarlierBuildWroteIsReplaced() throws IOException {
    Path out = outside.resolve("public");
    assertThat(site.run("build", "-o", out.toString()).exitCode()).isZero();
    assertThat(out.resolve(OutputFolder.MARKER)).exists();
    site.write("content/blog/ok.md", "---\nlayout: article\ntitle: Fine\ndate: 2024-01-02\n---\nChanged.\n");
    assertThat(site.run("build", "-o", out.toString()).exitCode()).isZero();
    assertThat(Files.readString(out.resolve("blog/ok.html"))).contains("Changed.");
    Files.createDirectories(outside.resolve("empty"));
    assertThat(site.run("build", "-o", outside.resolve("empty").toString()).exitCode()).isZero();
  }

  @Test
  void theDefaultOutputIsAlwaysReplacedAndLeavesNothingBeside() {
    site.write("_site/unmarked.txt", "an output from before outputs were marked\n");
    assertThat(site.run("build").exitCode()).isZero();
    assertThat(site.exists("_site/unmarked.txt")).isFalse();
    assertThat(site.rootEntries()).containsExactly("_site", "assets", "content", "layouts", "site.yml");
  }

  @Test
  void aDefaultOutputLinkedToTheSourcesIsRefused() throws IOException {
    deleteTree(dir.resolve("_site"));
    link("_site", Path.of("content"));
    TestSite.Run run = refusedBuild(2);
    assertThat(firstLine(run)).contains("_site: the output folder must not be content/");
  }

  @Test
  void cleanRemovesTheOutputAndTheCacheOnly() {
    Map<String, String> sources = Snapshot.of(dir.resolve("content"));
    TestSite.Run run = site.run("clean");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("removed _site and .site-cache\n");
    assertThat(site.exists("_site")).isFalse();
    assertThat(site.exists(".site-cache")).isFalse();
    assertThat(Snapshot.of(dir.resolve("content"))).isEqualTo(sources);
    assertThat(site.run("clean").out()).isEqualTo("nothing to remove\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"content", ".", "site.yml", "notes"})
  void cleanObeysTheRulesOfTheOutputFolder(String folder) {
    site.write("notes/todo.txt", "mine\n");
    Map<String, String> before = Snapshot.ofSite(dir);
    TestSite.Run run = site.run("clean", "-o", dir.resolve(folder).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(Snapshot.ofSite(dir)).isEqualTo(before);
    assertThat(site.exists(".site-cache")).isTrue();
  }

  @Test
  void aCacheFolderLinkedOutOfTheSiteIsNeverWrittenOrRead() throws IOException {
    deleteTree(dir.resolve(".site-cache"));
    Path elsewhere = Files.createDirectories(outside.resolve("cache"));
    link(".site-cache", elsewhere);
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains(".site-cache: warning: a symlink, or holds one: the cache is not used");
    try (var files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aLinkNamedLikeAnOldOutputIsNeverPutBackAsTheOutput() throws IOException {
    deleteTree(dir.resolve("_site"));
    link("._site.old-1-99999999999999", outside.resolve("folder"));
    TestSite.Run run = site.run("check");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.exists(dir.resolve("_site"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(site.rootEntries()).containsExactly("assets", "content", "layouts", "site.yml");
    assertThat(outside.resolve("folder/leak.md")).exists();
  }

  // ---------------------------------------------------------------- permalinks

  @ParameterizedTest
  @ValueSource(strings = {"//evil.example/x.html", "/a//b.html", "/%2e%2e/x.html", "/a/%2E%2E/%2e%2e/x.html",
      "/a%2fb.html", "/a%5Cb.html", "/a%zz.html", "/a\\u0000b.html", "/a\\tb.html", "/blog/.."})
  void anInvalidPermalinkIsAnErrorOfItsPage(String permalink) {
    site.write("content/blog/x.md", "---\nlayout: article\ntitle: x\npermalink: \"" + permalink + "\"\n---\nx\n");
    TestSite.Run run = refusedBuild(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("content/")).toList()).hasSize(1);
    assertThat(firstLine(run)).startsWith("content/blog/x.md:4: permalink ");
  }

  @Test
  void aPermalinkSegmentLongerThanAFileNameIsAnErrorOfItsPage() {
    site.write("content/blog/x.md", "---\nlayout: article\ntitle: x\npermalink: /" + "a".repeat(5000) + ".html\n---\nx\n");
    assertThat(firstLine(refusedBuild(1)))
        .startsWith("content/blog/x.md:4: permalink has a segment longer than 255 bytes, more than a file name may have: /aaa")
        .hasSizeLessThan(250);
  }

  @Test
  void anEncodedPermalinkIsWrittenDecoded() {
    site.write("content/blog/x.md", "---\nlayout: article\ntitle: x\npermalink: /blog/my%20post.html\n---\nx\n");
    assertThat(site.run("build").exitCode()).isZero();
    assertThat(site.exists("_site/blog/my post.html")).isTrue();
    assertThat(site.exists("_site/blog/my%20post.html")).isFalse();
  }

  // ---------------------------------------------------------------- hostile sizes and nesting

  @Test
  void frontMatterNestedTwoThousandDeepIsOneLine() {
    site.write("content/blog/deep.md", "---\nlayout: article\nx: " + "[".repeat(2000) + "]".repeat(2000) + "\n---\nx\n");
    TestSite.Run run = refusedBuild(1);
    assertThat(run.err().lines()).hasSize(2);
    assertThat(firstLine(run)).isEqualTo("content/blog/deep.md:3:103: front matter: nested deeper than 100 levels");
  }

  @Test
  void frontMatterOverOneMegabyteIsOneLine() {
    site.write("content/blog/big.md", "---\nlayout: article\ntitle: " + "x".repeat(3 << 20) + "\n---\nx\n");
    assertThat(firstLine(refusedBuild(1))).isEqualTo("content/blog/big.md:2: front matter: larger than 1 MB");
  }

  @Test
  void frontMatterWithTooManyAliasesIsOneLine() {
    StringBuilder yaml = new StringBuilder("---\nlayout: article\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 60; i++) yaml.append("k").append(i).append(": [*a, *a]\n");
    site.write("content/blog/bomb.md", yaml + "---\nx\n");
    assertThat(firstLine(refusedBuild(1))).startsWith("content/blog/bomb.md:").endsWith("front matter: more than 50 aliases");
  }

  @Test
  void markdownNestedFiftyThousandDeepIsAnErrorOfItsPage() {
    site.write("content/blog/quotes.md", "---\nlayout: article\ntitle: q\n---\n" + ">".repeat(50_000) + " deep\n");
    TestSite.Run run = refusedBuild(1);
    assertThat(firstLine(run)).isEqualTo("content/blog/quotes.md: cannot be rendered: nested too deeply (the renderer ran out of stack)");
  }

  /**
   * Bounds far above the few seconds these take, and far below what the quadratic scans of ids
   * and link lines took (a 5 MB post: 26 s here, 122 s where the issue was measured; 3.4 s now).
   */
  @Test
  void aFiveMegabytePostBuildsInSeconds() {
    StringBuilder post = new StringBuilder("---\nlayout: article\ntitle: Big\ndate: 2024-02-01\n---\n");
    for (int i = 0; post.length() < 5_000_000; i++) {
      if (i % 10 == 0) post.append("## Part ").append(i).append("\n\n");
      post.append("Paragraph ").append(i).append(" with [a link](./ok.md) and [an anchor](#part-").append(i - i % 10)
          .append(") and some ordinary words to fill the line out to a usual length.\n\n");
    }
    site.write("content/blog/big.md", post.toString());
    TestSite.Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> site.run("build"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(site.read("_site/blog/big.html")).contains("id=\"part-0\"");
  }

  @Test
  void aFortyThousandItemListBuildsInSeconds() {
    site.write("content/blog/list.md", "---\nlayout: article\ntitle: List\ndate: 2024-02-01\n---\n"
        + "- item with a few words\n".repeat(40_000));
    TestSite.Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(15),
        () -> site.run("build"));
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  // ---------------------------------------------------------------- authoring commands

  @Test
  void publishEditsPagesOfTheSiteOnly() throws IOException {
    Path foreign = Files.writeString(outside.resolve("draft.md"), "---\ndraft: true\n---\nNot ours.\n");
    link("content/blog/linked.md", foreign);
    Map<String, String> before = Snapshot.of(outside);
    for (String file : new String[] {foreign.toString(), "content/blog/linked.md", "site.yml"}) {
      TestSite.Run run = site.run("publish", file);
      assertThat(run.exitCode()).as(file).isEqualTo(2);
      assertThat(run.err()).endsWith(": not a page of this site; publish edits Markdown files under content/ only\n");
    }
    assertThat(Snapshot.of(outside)).isEqualTo(before);
  }

  private static void deleteTree(Path p) throws IOException {
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}
