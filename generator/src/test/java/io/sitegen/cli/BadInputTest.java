package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input gives one located line, exit code 1, no stack trace, and leaves the
 * previous output exactly as it was.
 */
class BadInputTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void goodSiteBuiltOnce() {
    site = TestSite.withLayouts(dir)
        .write("content/blog/ok.md", "---\nlayout: article\ntitle: Fine\n---\nAll good.\n");
    TestSite.Run first = site.run("build");
    assertThat(first.exitCode()).isZero();
    site.write("_site/marker.txt", "from the previous build");
  }

  private TestSite.Run failingBuild() {
    String before = site.read("_site/blog/ok.html");
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err()).contains("build failed:");
    assertThat(run.out()).isEmpty();
    assertThat(site.read("_site/marker.txt")).isEqualTo("from the previous build");
    assertThat(site.read("_site/blog/ok.html")).isEqualTo(before);
    assertThat(site.rootEntries()).containsExactly("_site", "content", "layouts", "site.yml");
    return run;
  }

  private String firstLine(TestSite.Run run) {
    return run.err().lines().findFirst().orElse("");
  }

  @Test
  void malformedYaml() {
    site.write("content/blog/x.md", "---\ntitle: x\nlayout: article\ndate: [2024\n---\n");
    TestSite.Run run = failingBuild();
    assertThat(firstLine(run)).startsWith("content/blog/x.md:5:1: front matter: ");
  }

  @Test
  void malformedYamlInTheMiddleOfALine() {
    site.write("content/blog/x.md", "---\nlayout: article\ntitle: \"unclosed\n---\n");
    assertThat(firstLine(failingBuild())).matches("content/blog/x\\.md:\\d+:\\d+: front matter: .+");
  }

  @Test
  void unclosedFrontMatter() {
    site.write("content/blog/x.md", "---\nlayout: article\n\n# Body\n");
    assertThat(firstLine(failingBuild()))
        .isEqualTo("content/blog/x.md:1: front matter: not closed; add a line '---' after its last key");
  }

  @Test
  void missingLayout() {
    site.write("content/blog/x.md", "---\ntitle: x\nlayout: nope\n---\n");
    assertThat(firstLine(failingBuild())).isEqualTo("content/blog/x.md:3: layout not found: layouts/nope.html");
  }

  @Test
  void templateSyntaxError() {
    site.write("layouts/broken.html", "<p>\n{% if page.title %}\n</p>\n");
    site.write("content/blog/x.md", "---\nlayout: broken\n---\n");
    assertThat(firstLine(failingBuild())).startsWith("layouts/broken.html:").contains("template syntax: ");
  }

  @Test
  void templateRuntimeError() {
    site.write("layouts/bad.html", "<p>\n\n{% if page.date %}yes{% endif %}</p>\n");
    site.write("content/blog/x.md", "---\nlayout: bad\ndate: 2024-12-10\n---\n");
    assertThat(firstLine(failingBuild())).isEqualTo(
        "layouts/bad.html:3: template: Wrong operand(s) type in conditional expression (rendering content/blog/x.md)");
  }

  @Test
  void filterFailureThatPebbleCannotLocateStillNamesTheLayout() {
    site.write("layouts/bad.html", "<p>{{ page.title | date(\"yyyy\") }}</p>\n");
    site.write("content/blog/x.md", "---\nlayout: bad\ntitle: not a date\n---\n");
    assertThat(firstLine(failingBuild())).isEqualTo(
        "layouts/bad.html: template: Unsupported argument type: java.lang.String (value: not a date)"
            + " (rendering content/blog/x.md)");
  }

  @Test
  void notUtf8() {
    site.write("content/blog/latin1.md", new byte[] {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xE9, '\n', '-', '-', '-', '\n'});
    assertThat(firstLine(failingBuild())).isEqualTo("content/blog/latin1.md: not valid UTF-8 text; save the file as UTF-8");
  }

  @Test
  void permalinkCollision() {
    site.write("content/blog/a.md", "---\nlayout: article\npermalink: /blog/ok.html\n---\n");
    assertThat(firstLine(failingBuild()))
        .isEqualTo("content/blog/ok.md:1: writes /blog/ok.html, which content/blog/a.md writes too");
  }

  @Test
  void permalinkEscape() {
    site.write("content/blog/a.md", "---\nlayout: article\npermalink: /../outside.html\n---\n");
    assertThat(firstLine(failingBuild())).isEqualTo("content/blog/a.md:3: permalink leaves the output folder: /../outside.html");
  }

  @Test
  void aSettingThatIsNearlyAKnownOneIsAWarningThatNamesIt() {
    site.write("site.yml", "baseURL: https://example.org\nblog: {pagesize: 5}\nauthor: Me\nfooter: x\n");
    io.sitegen.pipeline.BuildResult result = io.sitegen.pipeline.SiteBuilder.build(
        io.sitegen.pipeline.BuildOptions.of(site.root()));
    assertThat(result.problems()).extracting(io.sitegen.problems.Problem::toString).contains(
        "site.yml:1: warning: baseURL: did you mean baseUrl? (a key of your own is fine: layouts read it as site.baseURL)",
        "site.yml:2: warning: blog.pagesize: did you mean blog.pageSize? (a key of your own is fine: layouts read it as"
            + " site.blog.pagesize)")
        .noneMatch(p -> p.contains("author") || p.contains("footer"));
  }

  @Test
  void frontMatterNotOpenedWithThreeDashesIsAWarning() {
    site.write("content/blog/dashes.md", "--\nlayout: article\ndraft: true\n--\nText.\n");
    site.write("content/blog/bare.md", "draft: true\nlayout: article\n---\nText.\n");
    io.sitegen.pipeline.BuildResult result = io.sitegen.pipeline.SiteBuilder.build(
        io.sitegen.pipeline.BuildOptions.of(site.root()).withOutput(site.root().resolve("out")));
    assertThat(result.problems()).extracting(io.sitegen.problems.Problem::toString).contains(
        "content/blog/dashes.md:1: warning: front matter opens with '--', not '---': the page is published as text,"
            + " and keys such as draft: true are not read",
        "content/blog/bare.md:1: warning: 'draft: true' looks like front matter without its opening '---': it is"
            + " published as text, and is not read");
  }

  @Test
  void anUnknownPermalinkPlaceholderNamesTheKnownOnes() {
    site.write("content/blog/a.md", "---\nlayout: article\npermalink: /{paht:lower}.html\n---\n");
    assertThat(firstLine(failingBuild())).isEqualTo("content/blog/a.md:3: permalink has an unknown placeholder"
        + " {paht:lower}; the known ones are {path}, {basename}, {year}, {month} and {day}, each also as {NAME:lower}");
  }

  @Test
  void everyErrorOfTheRunIsReported() {
    site.write("content/blog/a.md", "---\nlayout: nope\n---\n");
    site.write("content/blog/b.md", "---\nlayout: article\n");
    site.write("content/blog/c.md", "---\nlayout: article\ndraft: perhaps\n---\n");
    TestSite.Run run = failingBuild();
    assertThat(run.err().lines().toList()).containsExactly(
        "content/blog/a.md:2: layout not found: layouts/nope.html",
        "content/blog/b.md:1: front matter: not closed; add a line '---' after its last key",
        "content/blog/c.md:3: draft: expected true or false, found 'perhaps'",
        "build failed: 3 errors; the previous output was left as it was");
  }

  @Test
  void malformedSiteYml() {
    site.write("site.yml", "title: x\ndefaults: [\n");
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().toList()).hasSize(2);
    assertThat(firstLine(run)).matches("site\\.yml:\\d+:\\d+: settings: .+");
    assertThat(site.read("_site/marker.txt")).isEqualTo("from the previous build");
  }

  @Test
  void outputFolderHoldingTheSiteIsRefused() {
    TestSite.Run run = site.run("build", "-o", dir.getParent().toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(firstLine(run)).isEqualTo(dir.getParent()
        + ": the output folder must not be the site root or a folder that holds it; it is replaced on every build");
    assertThat(site.read("content/blog/ok.md")).contains("All good.");
  }

  @Test
  void aFolderThatIsNotASiteIsRefused() {
    TestSite.Run missing = new TestSite(dir.resolve("nowhere")).run("build");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(firstLine(missing)).isEqualTo(dir.resolve("nowhere") + ": no such folder");
    TestSite.Run notASite = new TestSite(dir.resolve("layouts")).run("build");
    assertThat(notASite.exitCode()).isEqualTo(1);
    assertThat(firstLine(notASite)).endsWith(": no content/ folder here: is this the site's root? (-s DIR names another)");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    TestSite.Run run = site.run("serve", "--port", "99999");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--port must be between 0 and 65535");
  }
}
