package io.sitegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.config.SiteConfig;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTest {
  @TempDir
  Path dir;

  private final Problems problems = new Problems();

  private Content read(TestSite site) {
    SiteConfig config = SiteConfig.load(site.root(), problems);
    return Content.read(config, io.sitegen.files.SiteFiles.of(config, site.root().resolve("_site")), problems);
  }

  private Page page(Content content, String relPath) {
    return content.pages().stream().filter(p -> p.relPath().equals(relPath)).findFirst().orElseThrow();
  }

  private List<String> messages() {
    return problems.sorted().stream().map(Problem::toString).toList();
  }

  @Test
  void permalinks() {
    TestSite site = new TestSite(dir)
        .write("content/blog/x.md", "---\nlayout: article\n---\n")
        .write("content/blog/fixed.md", "---\nlayout: article\npermalink: /releases/v2.html\n---\n")
        .write("content/blog/folder.md", "---\nlayout: article\npermalink: /releases/\n---\n")
        .write("content/blog/pretty.md", "---\nlayout: article\npermalink: /releases/v3\n---\n")
        .write("content/index.md", "---\nlayout: article\n---\n");
    Content content = read(site);
    assertThat(messages()).isEmpty();
    assertThat(page(content, "blog/x.md").url()).isEqualTo("/blog/x.html");
    assertThat(page(content, "blog/x.md").outputPath()).isEqualTo("blog/x.html");
    assertThat(page(content, "blog/fixed.md").url()).isEqualTo("/releases/v2.html");
    assertThat(page(content, "blog/folder.md").outputPath()).isEqualTo("releases/index.html");
    assertThat(page(content, "blog/pretty.md").url()).isEqualTo("/releases/v3/");
    assertThat(page(content, "blog/pretty.md").outputPath()).isEqualTo("releases/v3/index.html");
    assertThat(page(content, "index.md").outputPath()).isEqualTo("index.html");
  }

  @Test
  void defaultsByPathApplyAndFrontMatterWins() {
    TestSite site = new TestSite(dir)
        .write("site.yml", """
            defaults:
              - scope: {path: docs}
                values: {layout: doc, permalink: "/{path:lower}.html", kind: documentation}
              - scope: {path: docs/api}
                values: {kind: reference}
            """)
        .write("content/docs/BUSINESS.md", "# Business\n")
        .write("content/docs/Guide/Setup.md", "---\nlayout: article\n---\n")
        .write("content/docs/api/Calls.md", "---\npermalink: /api/{basename:lower}/\n---\n");
    Content content = read(site);
    assertThat(messages()).isEmpty();
    Page business = page(content, "docs/BUSINESS.md");
    assertThat(business.url()).isEqualTo("/docs/business.html");
    assertThat(business.layout()).isEqualTo("layouts/doc.html");
    assertThat(business.data()).containsEntry("kind", "documentation");
    Page setup = page(content, "docs/Guide/Setup.md");
    assertThat(setup.url()).isEqualTo("/docs/guide/setup.html");
    assertThat(setup.layout()).isEqualTo("layouts/article.html");
    Page calls = page(content, "docs/api/Calls.md");
    assertThat(calls.url()).isEqualTo("/api/calls/");
    assertThat(calls.data()).containsEntry("kind", "reference");
  }

  @Test
  void layoutNames() {
    assertThat(PageReader.layoutPath("article")).isEqualTo("layouts/article.html");
    assertThat(PageReader.layoutPath("article.html")).isEqualTo("layouts/article.html");
    assertThat(PageReader.layoutPath("layouts/article.html")).isEqualTo("layouts/article.html");
    assertThat(PageReader.layoutPath("/theme/post.html")).isEqualTo("theme/post.html");
  }

  @Test
  void datePlaceholdersAndDates() {
    TestSite site = new TestSite(dir)
        .write("content/a.md", "---\nlayout: a\ndate: 2024-12-10\npermalink: /{year}/{month}/{day}/{basename}.html\n---\n")
        .write("content/b.md", "---\nlayout: a\ndate: 2024-12-10 08:30\n---\n")
        .write("content/c.md", "---\nlayout: a\ndate: 2024-12-10T08:30:00+02:00\n---\n");
    Content content = read(site);
    assertThat(messages()).isEmpty();
    assertThat(page(content, "a.md").url()).isEqualTo("/2024/12/10/a.html");
    assertThat(page(content, "b.md").date()).isEqualTo(OffsetDateTime.of(2024, 12, 10, 8, 30, 0, 0, ZoneOffset.UTC));
    assertThat(page(content, "c.md").date().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void draftsAreReadButNotPublishedByDefault() {
    TestSite site = new TestSite(dir)
        .write("content/a.md", "---\nlayout: a\n---\n")
        .write("content/b.md", "---\nlayout: a\ndraft: true\n---\n")
        .write("content/c.md", "---\nlayout: a\ndraft: false\n---\n");
    Content content = read(site);
    assertThat(content.pages()).hasSize(3);
    assertThat(content.published(false)).extracting(Page::relPath).containsExactly("a.md", "c.md");
    assertThat(content.published(true)).extracting(Page::relPath).containsExactly("a.md", "b.md", "c.md");
  }

  @Test
  void titleEntitiesAreDecoded() {
    TestSite site = new TestSite(dir).write("content/a.md", "---\nlayout: a\ntitle: \"A &mdash; B &amp; C\"\n---\n");
    assertThat(page(read(site), "a.md").title()).isEqualTo("A \u2014 B & C");
  }

  @Test
  void byteOrderMarkIsAllowed() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "---\nlayout: a\ntitle: T\n---\nbody".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(text, 0, all, bom.length, text.length);
    TestSite site = new TestSite(dir).write("content/a.md", all);
    assertThat(page(read(site), "a.md").title()).isEqualTo("T");
    assertThat(messages()).isEmpty();
  }

  @Test
  void otherFilesAreStaticAndHiddenFilesAreIgnored() {
    TestSite site = new TestSite(dir)
        .write("content/a.md", "---\nlayout: a\n---\n")
        .write("content/blog/images/a.png", TestSite.PNG)
        .write("content/.DS_Store", "x")
        .write("content/.git/config", "x");
    Content content = read(site);
    assertThat(content.staticFiles()).containsExactly("blog/images/a.png");
  }

  @Test
  void badValuesAreErrorsOnTheirLines() {
    TestSite site = new TestSite(dir)
        .write("content/a.md", "---\nlayout: a\ndraft: maybe\n---\n")
        .write("content/b.md", "---\nlayout: a\n\ndate: 10/12/2024\n---\n")
        .write("content/c.md", "---\ntitle: no layout\n---\n")
        .write("content/d.md", "---\nlayout: a\npermalink: blog/d.html\n---\n")
        .write("content/e.md", "---\nlayout: a\npermalink: /blog/../../etc/passwd\n---\n")
        .write("content/f.md", new byte[] {'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28, '\n'})
        .write("content/g.md", "---\nlayout: a\ntitle: [a]\n---\n")
        .write("content/h.md", "---\nlayout: a\ntitle: {a: 1}\n---\n")
        .write("content/i.md", "---\nlayout: a\ndescription: [a, b]\n---\n");
    Content content = read(site);
    assertThat(content.pages()).isEmpty();
    assertThat(messages()).containsExactly(
        "content/a.md:3: draft: expected true or false, found 'maybe'",
        "content/b.md:4: date: expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with an offset (2024-12-10T09:00:00+01:00), found '10/12/2024'",
        "content/c.md:1: no layout: set 'layout' in the front matter or a default for its path in site.yml",
        "content/d.md:3: permalink must start with '/': blog/d.html",
        "content/e.md:3: permalink leaves the output folder: /blog/../../etc/passwd",
        "content/f.md: not valid UTF-8 text; save the file as UTF-8",
        "content/g.md:3: title: expected text, found a list (quote a title that starts with [ or {)",
        "content/h.md:3: title: expected text, found a mapping (quote a title that starts with [ or {)",
        "content/i.md:3: description: expected text, found a list (quote a description that starts with [ or {)");
  }

  @Test
  void twoSourcesForOneOutputAreAnErrorNamingBoth() {
    TestSite site = new TestSite(dir)
        .write("content/a.md", "---\nlayout: a\npermalink: /same.html\n---\n")
        .write("content/b.md", "---\nlayout: a\ntitle: b\npermalink: /same.html\n---\n");
    Content content = read(site);
    SiteIndex.build(content.pages(), content.staticFiles(), content.repoPaths(), List.of(), List.of(), problems);
    assertThat(messages()).containsExactly("content/b.md:4: writes /same.html, which content/a.md writes too");
  }
}
