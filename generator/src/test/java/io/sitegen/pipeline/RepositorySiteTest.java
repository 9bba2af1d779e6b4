package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository laid out as projects keep it, built as it is: blog/, docs/ and images/ at its root
 * beside README.md and LICENSE, mounted by site.yml, with links written to read right on GitHub.
 */
class RepositorySiteTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void repository() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            title: Project
            baseUrl: https://example.org
            sourceBase: https://github.com/ORG/REPO/blob/main/
            mounts:
              - {source: blog, target: blog}
              - {source: docs, target: docs, exclude: ["rfcs/**"]}
              - {source: images, target: images}
            defaults:
              - scope: {path: blog}
                values: {layout: article}
              - scope: {path: docs}
                values: {layout: article, title: Docs}
            """)
        .write("README.md", "# Project\n")
        .write("LICENSE", "Some licence.\n")
        .write("src/Main.java", "class Main {}\n")
        .write("images/a.png", TestSite.PNG)
        .write("blog/images/b.png", TestSite.PNG)
        .write("blog/20240101-hello.md", """
            ---
            title: Hello
            date: 2024-01-01
            ---
            # Hello

            Read [the readme](../README.md), [the guide](/docs/GUIDE.md#install), [the licence](../LICENSE)
            and [the code](../src/Main.java). ![logo](/images/a.png) ![chart](./images/b.png)
            Next: [the second post](./20240201-second.md#more), [the docs](../docs/), [styles](/blog/index.html).
            Write to chat@example.org or <team@example.org>, see www.example.org, and
            [the dashes](../docs/GUIDE.md#before----after) as GitHub names them.
            """)
        .write("blog/20240201-second.md", "---\ntitle: Second\ndate: 2024-02-01\n---\n# Second\n\n## More\n")
        .write("blog/lang/fr/README.md", "# Le blog en français\n\nBientôt.\n")
        .write("docs/GUIDE.md", """
            # Guide

            ## Install

            ## Before -- after

            See [the readme](../README.md), [an RFC](./rfcs/0001-plan.md), [in Polish](./lang/pl/GUIDE.md)
            and [the first post](/blog/20240101-hello.md).
            """)
        .write("docs/README.md", "# Docs\n\nStart with [the guide](GUIDE.md).\n")
        .write("docs/lang/pl/GUIDE.md", "# Przewodnik\n\nBack to [the guide](../../GUIDE.md#install).\n")
        .write("docs/rfcs/0001-plan.md", "# Plan\n\n[nowhere](./missing.md)\n")
        .write("docs/guides/SETUP.md", "# Setup\n\nUnder [the licence](../../LICENSE), with [the logo](/images/a.png).\n");
  }

  private BuildResult build() {
    return SiteBuilder.build(BuildOptions.of(dir));
  }

  private Document built(String path) throws Exception {
    return Jsoup.parse(Files.readString(dir.resolve("_site").resolve(path)));
  }

  private static String href(Document doc, String text) {
    return doc.select("a").stream().filter(e -> e.text().equals(text)).findFirst().orElseThrow().attr("href");
  }

  @Test
  void buildsAsItIsWithEveryLinkPublishedWhereGitHubWouldLead() throws Exception {
    BuildResult result = build();
    assertThat(result.problems()).extracting(Problem::toString).isEmpty();
    assertThat(result.ok()).isTrue();

    Document hello = built("blog/20240101-hello.html");
    assertThat(href(hello, "the readme")).isEqualTo("https://github.com/ORG/REPO/blob/main/README.md");
    assertThat(href(hello, "the guide")).isEqualTo("/docs/GUIDE.html#install");
    assertThat(href(hello, "the licence")).isEqualTo("https://github.com/ORG/REPO/blob/main/LICENSE");
    assertThat(href(hello, "the code")).isEqualTo("https://github.com/ORG/REPO/blob/main/src/Main.java");
    assertThat(hello.select("img[alt=logo]").attr("src")).isEqualTo("/images/a.png");
    assertThat(hello.select("img[alt=chart]").attr("src")).isEqualTo("/blog/images/b.png");
    assertThat(href(hello, "the second post")).isEqualTo("/blog/20240201-second.html#more");
    assertThat(href(hello, "the docs")).isEqualTo("/docs/README.html");
    assertThat(href(hello, "styles")).isEqualTo("/blog/index.html");
    assertThat(href(hello, "chat@example.org")).isEqualTo("mailto:chat@example.org");
    assertThat(href(hello, "team@example.org")).isEqualTo("mailto:team@example.org");
    assertThat(href(hello, "www.example.org")).isEqualTo("http://www.example.org");
    assertThat(href(hello, "the dashes")).isEqualTo("/docs/GUIDE.html#before-after");

    Document guide = built("docs/GUIDE.html");
    assertThat(href(guide, "the readme")).isEqualTo("https://github.com/ORG/REPO/blob/main/README.md");
    assertThat(href(guide, "an RFC")).as("excluded from the site: its source")
        .isEqualTo("https://github.com/ORG/REPO/blob/main/docs/rfcs/0001-plan.md");
    assertThat(href(guide, "in Polish")).isEqualTo("/docs/lang/pl/GUIDE.html");
    assertThat(href(guide, "the first post")).isEqualTo("/blog/20240101-hello.html");
    assertThat(href(built("docs/lang/pl/GUIDE.html"), "the guide")).isEqualTo("/docs/GUIDE.html#install");
    assertThat(href(built("docs/README.html"), "the guide")).isEqualTo("/docs/GUIDE.html");
    Document setup = built("docs/guides/SETUP.html");
    assertThat(href(setup, "the licence")).isEqualTo("https://github.com/ORG/REPO/blob/main/LICENSE");
    assertThat(href(setup, "the logo")).isEqualTo("/images/a.png");

    assertThat(dir.resolve("_site/images/a.png")).exists();
    assertThat(dir.resolve("_site/docs/rfcs")).doesNotExist();
    assertThat(dir.resolve("_site/README.html")).doesNotExist();
    assertThat(dir.resolve("_site/src")).doesNotExist();
  }

  @Test
  void onlyTheFilesDirectlyInTheBlogFolderArePostsAndEveryPageHasATitle() throws Exception {
    site.write("docs/NOTES.md", "Notes with no heading.\n");
    assertThat(build().ok()).isTrue();
    String index = Files.readString(dir.resolve("_site/blog/index.html"));
    assertThat(index).contains("/blog/20240101-hello.html").doesNotContain("lang/fr");
    assertThat(Files.readString(dir.resolve("_site/feed.atom"))).doesNotContain("lang/fr").doesNotContain("1970");
    assertThat(built("blog/lang/fr/README.html").title()).isEqualTo("Le blog en français");
    assertThat(built("docs/GUIDE.html").title()).as("the defaults' title wins").isEqualTo("Docs");
    site.write("site.yml", site.read("site.yml").replace("values: {layout: article, title: Docs}", "values: {layout: article}"));
    assertThat(build().ok()).isTrue();
    assertThat(built("docs/GUIDE.html").title()).as("its first # heading").isEqualTo("Guide");
    assertThat(built("docs/NOTES.html").title()).as("its file name").isEqualTo("NOTES");

    site.write("blog/lang/fr/notes.md", "# Notes\n");
    site.write("site.yml", site.read("site.yml").replace("mounts:", "blog: {posts: \"{*.md,**/*.md}\"}\nmounts:"));
    BuildResult all = build();
    assertThat(all.problems()).extracting(Problem::toString).as("a folder's README is its page, never a post")
        .containsExactly("blog/lang/fr/notes.md:1: a post needs a"
        + " date: set date: in its front matter, or start its file name with YYYY-MM-DD- or YYYYMMDD-");
    assertThat(all.ok()).isFalse();
  }

  @Test
  void aPostWithoutADateTakesItFromItsFileName() throws Exception {
    site.write("blog/2024-03-05-dashed.md", "# Dashed\n").write("blog/20240306-compact.md", "# Compact\n");
    BuildResult result = build();
    assertThat(result.problems()).extracting(Problem::toString).isEmpty();
    String index = Files.readString(dir.resolve("_site/blog/index.html"));
    assertThat(index.indexOf("20240306-compact")).isLessThan(index.indexOf("2024-03-05-dashed"));
    assertThat(Files.readString(dir.resolve("_site/feed.atom"))).contains("2024-03-06T00:00:00Z", "2024-03-05T00:00:00Z");
    site.write("blog/undated.md", "# Undated\n");
    assertThat(build().problems()).extracting(Problem::toString).containsExactly("blog/undated.md:1: a post needs a"
        + " date: set date: in its front matter, or start its file name with YYYY-MM-DD- or YYYYMMDD-");
  }

  @Test
  void aPageSourceIsItsPathInTheRepository() throws Exception {
    site.write("layouts/article.html", "<p class=source>{{ page.source }}</p>{{ page.content }}");
    site.write("blog/20240301-broken.md", "---\ntitle: B\ndate: 2024-03-01\n---\n[x](./missing.md)\n");
    BuildResult result = build();
    assertThat(result.problems()).extracting(Problem::toString)
        .containsExactly("blog/20240301-broken.md:5: broken link ./missing.md");
    site.write("blog/20240301-broken.md", "---\ntitle: B\ndate: 2024-03-01\n---\nFixed.\n");
    assertThat(build().ok()).isTrue();
    assertThat(built("docs/GUIDE.html").select("p.source").text()).isEqualTo("docs/GUIDE.md");
  }

  @Test
  void mountsThatCannotBeAreErrorsOfSiteYml() {
    for (String mounts : List.of("[{source: /etc, target: x}]", "[{source: ../outside, target: x}]",
        "[{source: .git, target: x}]", "[{source: ., target: x}]", "[{source: nowhere, target: x}]")) {
      site.write("site.yml", "baseUrl: https://example.org\nmounts: " + mounts + "\n");
      BuildResult result = build();
      assertThat(result.ok()).as(mounts).isFalse();
      assertThat(result.problems()).extracting(Problem::toString).as(mounts)
          .anyMatch(p -> p.startsWith("site.yml:2: mounts: source "));
    }
    site.write("site.yml", "baseUrl: https://example.org\nmounts: [{source: docs, target: d}, {source: docs/lang, target: l}]\n");
    assertThat(build().problems()).extracting(Problem::toString)
        .contains("site.yml:2: mounts: sources docs and docs/lang overlap; a folder can be mounted once");
  }

  @Test
  void twoMountsPublishingOnePathAreAnErrorNamingBoth() {
    site.write("notes/GUIDE.md", "# Other guide\n");
    site.write("site.yml", site.read("site.yml").replace("  - {source: images, target: images}\n",
        "  - {source: images, target: images}\n  - {source: notes, target: docs}\n"));
    BuildResult result = build();
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).extracting(Problem::toString)
        .contains("notes/GUIDE.md: is mounted at docs/GUIDE.md, where docs/GUIDE.md is mounted too");
  }

  @Test
  void theOutputCannotBeInsideOrAroundAMount() {
    BuildResult inside = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("docs/out")));
    assertThat(inside.ok()).isFalse();
    BuildResult around = SiteBuilder.build(BuildOptions.of(dir.resolve("docs")).withOutput(dir.resolve("docs")));
    assertThat(around.ok()).isFalse();
    assertThat(dir.resolve("docs/out")).doesNotExist();
  }

  @Test
  void newPostsAreWrittenIntoTheBlogMount() throws Exception {
    site.write("site.yml", site.read("site.yml").replace("{source: blog, target: blog}", "{source: posts, target: blog}"));
    site.write("posts/20240101-hello.md", "---\ntitle: Hello\ndate: 2024-01-01\n---\nHi.\n");
    TestSite.Run run = site.run("new", "post", "Version 2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var files = Files.list(dir.resolve("posts"))) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-version-2.md"));
    }
    assertThat(dir.resolve("content")).doesNotExist();
  }

  @Test
  void serveSeesAChangeInAMountAsAPageOfTheSite() {
    io.sitegen.config.SiteConfig config = io.sitegen.config.SiteConfig.load(dir, new io.sitegen.problems.Problems());
    Changes c = Changes.classify(config, List.of(dir.resolve("docs/lang/pl/GUIDE.md"), dir.resolve("images/a.png"),
        dir.resolve("docs/rfcs/0001-plan.md"), dir.resolve("README.md"), dir.resolve("blog/.x.md.swp")));
    assertThat(c.pages()).containsExactly("docs/lang/pl/GUIDE.md");
    assertThat(c.files()).containsExactly("images/a.png");
    assertThat(c.repoPaths()).containsEntry("docs/lang/pl/GUIDE.md", "docs/lang/pl/GUIDE.md");
  }

  @Test
  void mountEntriesAreCheckedKeyByKeyAndNamedByTheirLine() {
    site.write("site.yml", "baseUrl: https://example.org\nmounts:\n  - {source: blog, target: blog}\n"
        + "  - {source: docs, excludeFiles: [\"rfcs/**\"]}\n  - {source: \"do\\0cs\", target: d}\n");
    BuildResult result = build();
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).extracting(Problem::toString).contains(
        "site.yml:4: mounts: unknown key excludeFiles in the mount of docs; a mount has source, target and exclude",
        "site.yml:4: mounts: the mount of docs needs a target: the folder of the site it appears as (\"\" for the"
            + " site's root)");
    assertThat(result.problems()).extracting(Problem::toString)
        .anyMatch(p -> p.startsWith("site.yml:5: mounts: source '") && p.endsWith("without .. or a hidden folder"));
  }

  @Test
  void anExcludedFolderIsNotWalkedAndItsChangesAreNoChange() throws Exception {
    Files.createSymbolicLink(dir.resolve("docs/rfcs/shared"), Path.of("/usr/share"));
    BuildOptions cached = BuildOptions.of(dir).withCache(true);
    assertThat(SiteBuilder.build(cached).problems()).extracting(Problem::toString).isEmpty();
    Thread.sleep(LastBuild.RACY_MILLIS + 30);
    site.write("docs/rfcs/0002-next.md", "# Next\n");
    assertThat(SiteBuilder.build(cached).unchanged()).isTrue();
  }

  @Test
  void aDamagedSpareFolderOrAPathWithDotsStillGivesTheRightSite() throws Exception {
    site.write("docs/DOTS.md", "---\npermalink: /a/././b.html\n---\n# Dots\n");
    BuildOptions cached = BuildOptions.of(dir).withCache(true);
    assertThat(SiteBuilder.build(cached).ok()).isTrue();
    assertThat(SiteBuilder.build(cached).ok()).isTrue();
    site.write("docs/GUIDE.md", Files.readString(dir.resolve("docs/GUIDE.md")) + "\nMore.\n");
    assertThat(SiteBuilder.build(cached).ok()).isTrue();
    assertThat(dir.resolve("_site/a/b.html")).exists();
    Path spares = dir.resolve(".site-cache/spares");
    try (var walk = Files.walk(spares)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    Files.writeString(spares, "not a folder");
    BuildResult result = SiteBuilder.build(cached);
    assertThat(result.ok()).as(result.problems().toString()).isTrue();
    assertThat(dir.resolve("_site/a/b.html")).exists();
  }

  @Test
  void titlesSkipCodeAndMarkupAndDatedPagesInBlogSubfoldersAreNamed() throws Exception {
    site.write("blog/lang/CODE.md", "```sh\n# install it\n```\n\n# Real [title](../../docs/GUIDE.md) `here`\n");
    site.write("blog/2023/2023-05-01-old.md", "# Old post\n");
    BuildResult result = build();
    assertThat(built("blog/lang/CODE.html").title()).isEqualTo("Real title here");
    assertThat(result.problems()).extracting(Problem::toString).containsExactly("blog/2023/2023-05-01-old.md:1:"
        + " warning: dated, but in a subfolder of the blog, so not a post: set blog.posts in site.yml"
        + " (\"{*.md,**/*.md}\" takes subfolders) to list it");
  }
}
