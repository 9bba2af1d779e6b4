package io.sitegen.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shape of link an author writes, with the exact published href or the exact message. */
class LinksTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            baseUrl: https://example.org
            sourceBase: https://github.com/ORG/REPO/blob/main/
            defaults:
              - scope: {path: docs}
                values: {layout: article, permalink: "/{path:lower}.html"}
              - scope: {path: blog}
                values: {layout: article, date: 2024-01-01}
            """)
        .write("README.md", "# Repository readme\n")
        .write("content/blog/x.md", "---\ntitle: X\n---\n# X\n\n## Section A\n\n## Such anchor\n")
        .write("content/blog/my post.md", "---\ntitle: Spaced\n---\nSpaced name.\n")
        .write("content/blog/next.md", "---\ntitle: Next\ndraft: true\npermalink: /blog/next-release.html\n---\n# Soon\n")
        .write("content/blog/images/a.png", TestSite.PNG)
        .write("content/docs/BUSINESS.md", "# Business\n\n## Pricing & plans\n")
        .write("content/docs/y.md", "# Y\n")
        .write("content/blog/a.md", """
            ---
            title: A
            ---
            # Top

            [l1](./x.md)
            [l2](x.md)
            [l3](../docs/BUSINESS.md)
            [l4](../docs/BUSINESS.md#pricing-and-plans)
            [l5](./x.md#section-a)
            [l6](/docs/y.md)
            [l7](#top)
            ![l8](./images/a.png)
            [l9](../../README.md)
            <a href="./x.md">l10</a>
            <img alt="l11" src="./images/a.png">
            [l12](./x.md?v=2#section-a)
            [l13](./my%20post.md)
            [l14](https://example.org/x.md)
            [l15](mailto:team@example.org)
            [l16](//cdn.example.org/x.md)
            [l17][ref]

            <div class="box">
            <a href='../docs/y.md#y'>l18</a>
            </div>

            [ref]: ../docs/y.md
            """);
  }

  private Document built(String path) {
    return Jsoup.parse(site.read("_site/" + path));
  }

  private String href(Document doc, String text) {
    return doc.select("a:containsOwn(" + text + ")").stream()
        .filter(e -> e.ownText().equals(text)).findFirst().orElseThrow().attr("href");
  }

  private String src(Document doc, String alt) {
    return doc.select("img[alt=" + alt + "]").attr("src");
  }

  private List<String> messages(BuildResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void everyShapeIsPublishedAtItsUrl() {
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).isEmpty();
    Document doc = built("blog/a.html");
    assertThat(href(doc, "l1")).isEqualTo("/blog/x.html");
    assertThat(href(doc, "l2")).isEqualTo("/blog/x.html");
    assertThat(href(doc, "l3")).isEqualTo("/docs/business.html");
    assertThat(href(doc, "l4")).isEqualTo("/docs/business.html#pricing-and-plans");
    assertThat(href(doc, "l5")).isEqualTo("/blog/x.html#section-a");
    assertThat(href(doc, "l6")).isEqualTo("/docs/y.html");
    assertThat(href(doc, "l7")).isEqualTo("#top");
    assertThat(src(doc, "l8")).isEqualTo("/blog/images/a.png");
    assertThat(href(doc, "l9")).isEqualTo("https://github.com/ORG/REPO/blob/main/README.md");
    assertThat(href(doc, "l10")).isEqualTo("/blog/x.html");
    assertThat(src(doc, "l11")).isEqualTo("/blog/images/a.png");
    assertThat(href(doc, "l12")).isEqualTo("/blog/x.html?v=2#section-a");
    assertThat(href(doc, "l13")).isEqualTo("/blog/my%20post.html");
    assertThat(href(doc, "l14")).isEqualTo("https://example.org/x.md");
    assertThat(href(doc, "l15")).isEqualTo("mailto:team@example.org");
    assertThat(href(doc, "l16")).isEqualTo("//cdn.example.org/x.md");
    assertThat(href(doc, "l17")).isEqualTo("/docs/y.html");
    assertThat(href(doc, "l18")).isEqualTo("/docs/y.html#y");
    assertThat(site.read("_site/blog/a.html")).contains("<a href='/docs/y.html#y'>l18</a>");
    assertThat(result.linksChecked()).isEqualTo(15);
    assertThat(result.brokenLinks()).isZero();
    assertThat(result.missingAnchors()).isZero();
  }

  @Test
  void brokenLinksAreErrorsAndMissingAnchorsWarnings() {
    site.write("content/blog/broken.md", """
        ---
        title: Broken
        ---
        [d](./next.md)
        [m](./missing.md)
        [x](./x.md#no-such-anchor)
        [s](#nope)
        <a href="./gone.md">raw</a>
        [up](../../../outside.md)

        # Note
        """);
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).containsExactly(
        "content/blog/broken.md:4: link to a draft: ./next.md is content/blog/next.md, which has draft: true;"
            + " publish it (site publish), or set drafts: unlisted in site.yml to publish drafts unlisted (--drafts"
            + " only previews them)",
        "content/blog/broken.md:5: broken link ./missing.md",
        "content/blog/broken.md:6: warning: missing anchor ./x.md#no-such-anchor: content/blog/x.md has no id"
            + " \"no-such-anchor\"; nearest is \"such-anchor\"",
        "content/blog/broken.md:7: warning: missing anchor #nope: this page has no id \"nope\"; nearest is \"note\"",
        "content/blog/broken.md:8: broken link ./gone.md",
        "content/blog/broken.md:9: broken link ../../../outside.md (it leaves the repository)");
    assertThat(result.brokenLinks()).isEqualTo(4);
    assertThat(result.missingAnchors()).isEqualTo(2);
    assertThat(site.exists("_site")).isFalse();
  }

  @Test
  void eMailAndWwwAddressesAreAutolinksNeverFiles() {
    site.write("content/blog/mail.md", "---\ntitle: T\n---\nWrite to chat@example.org. Or <team@example.org>.\n"
        + "See www.example.org and [mail](mailto:x@example.org).\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withStrict(true));
    assertThat(messages(result)).isEmpty();
    Document doc = built("blog/mail.html");
    assertThat(href(doc, "chat@example.org")).isEqualTo("mailto:chat@example.org");
    assertThat(href(doc, "team@example.org")).isEqualTo("mailto:team@example.org");
    assertThat(href(doc, "www.example.org")).isEqualTo("http://www.example.org");
    assertThat(href(doc, "mail")).isEqualTo("mailto:x@example.org");
  }

  @Test
  void aFragmentWrittenAsGitHubsIdLeadsToTheHeading() {
    site.write("content/docs/ids.md", "# Ids\n\n## Problem -- users\n\n## Kompilacja z włączonym szyfrowaniem\n\n"
        + "## Straße & Brücke\n\n## Setup\n\n## Setup\n");
    site.write("content/blog/gh.md", """
        ---
        title: T
        ---
        [a](../docs/ids.md#problem----users)
        [b](../docs/ids.md#kompilacja-z-włączonym-szyfrowaniem)
        [c](../docs/ids.md#straße--brücke)
        [d](../docs/ids.md#setup-1)
        [e](../docs/ids.md#problem-users)
        [f](../docs/ids.md#no-such-heading)
        <a href = '../docs/ids.md#setup-1'>g</a>
        """);
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).containsExactly("content/blog/gh.md:9: warning: missing anchor"
        + " ../docs/ids.md#no-such-heading: content/docs/ids.md has no id \"no-such-heading\"; nearest is \"setup\"");
    Document doc = built("blog/gh.html");
    assertThat(href(doc, "a")).isEqualTo("/docs/ids.html#problem-users");
    assertThat(href(doc, "b")).isEqualTo("/docs/ids.html#kompilacja-z-wlaczonym-szyfrowaniem");
    assertThat(href(doc, "c")).isEqualTo("/docs/ids.html#strasse-and-brucke");
    assertThat(href(doc, "d")).isEqualTo("/docs/ids.html#setup-1");
    assertThat(href(doc, "e")).isEqualTo("/docs/ids.html#problem-users");
    assertThat(href(doc, "f")).isEqualTo("/docs/ids.html#no-such-heading");
    assertThat(href(doc, "g")).as("raw HTML, single quotes").isEqualTo("/docs/ids.html#setup-1");
    assertThat(result.missingAnchors()).isEqualTo(1);
    assertThat(result.pagesWritten()).isEqualTo(SiteBuilder.build(BuildOptions.of(dir).withCache(true)).pagesWritten())
        .as("rendered again for its links, a page is still one page written").isEqualTo(result.pagesRead());
  }

  @Test
  void aBrokenLinkToAPageNamesTheNearestOne() {
    site.write("content/blog/typo.md", "---\ntitle: T\n---\n[x](./x2.md) [b](../docs/BUSINES.md) [far](./zzzzzzzz.md)\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).containsExactlyInAnyOrder(
        "content/blog/typo.md:4: broken link ./x2.md; did you mean ./x.md?",
        "content/blog/typo.md:4: broken link ../docs/BUSINES.md; did you mean ../docs/BUSINESS.md?",
        "content/blog/typo.md:4: broken link ./zzzzzzzz.md");
  }

  @Test
  void anEmptyFragmentIsTheTopOfThePage() {
    site.write("content/blog/top.md", "---\ntitle: T\n---\n[guide](../docs/y.md#) and [top](#)\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withStrict(true));
    assertThat(messages(result)).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(href(built("blog/top.html"), "guide")).isEqualTo("/docs/y.html#");
  }

  @Test
  void aBrokenLinkIsReportedWhereverItIsWritten() {
    site.write("content/blog/twice.md", "---\ntitle: T\n---\n[x](./missing.md)\n\n[again](./missing.md)\n\n"
        + "<a href=\"./missing.md\">raw</a>\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).containsExactly(
        "content/blog/twice.md:4: broken link ./missing.md",
        "content/blog/twice.md:6: broken link ./missing.md",
        "content/blog/twice.md:8: broken link ./missing.md");
    assertThat(result.brokenLinks()).isEqualTo(3);
  }

  @Test
  void strictTurnsMissingAnchorsIntoErrors() {
    site.write("content/blog/anchor.md", "---\ntitle: T\n---\n[x](./x.md#section-b)\n");
    BuildResult lenient = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(lenient.ok()).isTrue();
    assertThat(messages(lenient)).containsExactly("content/blog/anchor.md:4: warning: missing anchor"
        + " ./x.md#section-b: content/blog/x.md has no id \"section-b\"; nearest is \"section-a\"");
    BuildResult strict = SiteBuilder.build(BuildOptions.of(dir).withStrict(true));
    assertThat(strict.ok()).isFalse();
    assertThat(messages(strict)).containsExactly("content/blog/anchor.md:4: missing anchor"
        + " ./x.md#section-b: content/blog/x.md has no id \"section-b\"; nearest is \"section-a\"");
  }

  @Test
  void draftLinksResolveWhenDraftsAreBuilt() {
    site.write("content/blog/d.md", "---\ntitle: D\n---\n[soon](./next.md#soon)\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withDrafts(true));
    assertThat(messages(result)).isEmpty();
    assertThat(href(built("blog/d.html"), "soon")).isEqualTo("/blog/next-release.html#soon");
  }

  @Test
  void anchorsInRawHtmlAndFootnotesCount() {
    site.write("content/blog/ids.md", """
        ---
        title: Ids
        ---
        <span id="custom-id"></span><a name="old-style"></a>
        Text[^1].

        [^1]: A note.
        """);
    site.write("content/blog/to-ids.md", """
        ---
        title: To ids
        ---
        [a](./ids.md#custom-id) [b](./ids.md#old-style) [c](./ids.md#fn-1) [d](./ids.md#fnref-1)
        """);
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).isEmpty();
  }

  @Test
  void outsideContentWithoutSourceBaseIsAnError() {
    site.write("site.yml", "baseUrl: https://example.org\ndefaults:\n  - scope: {path: ''}\n    values: {layout: article}\n");
    site.write("content/docs/y.md", "# Y\n\nSee [readme](../../README.md).\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).contains("content/docs/y.md:3: link to README.md, outside content/:"
        + " set sourceBase in site.yml (e.g. https://github.com/ORG/REPO/blob/main/) to link to the repository");
  }

  @Test
  void publishedUrlsWrittenAsUrlsAreKept() {
    site.write("assets/css/site.css", "body{}");
    site.write("content/blog/urls.md",
        "---\ntitle: U\n---\n[css](/css/site.css) [page](../docs/y.html) [dir](/docs/) [index](/blog/page/2/)\n");
    site.write("content/docs/index.md", "---\ntitle: Docs\n---\nAll docs.\n");
    site.write("site.yml", site.read("site.yml").replace("baseUrl:", "blog: {pageSize: 1}\nbaseUrl:"));
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(messages(result)).isEmpty();
    Document doc = built("blog/urls.html");
    assertThat(href(doc, "css")).isEqualTo("/css/site.css");
    assertThat(href(doc, "page")).isEqualTo("../docs/y.html");
    assertThat(href(doc, "dir")).isEqualTo("/docs/index.html");
    assertThat(href(doc, "index")).isEqualTo("/blog/page/2/");
  }

  @Test
  void checkCommandSummarises() {
    site.write("content/blog/broken.md", "---\ntitle: B\n---\n[m](./missing.md) [x](./x.md#nope)\n");
    TestSite.Run run = site.run("check");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("checked 17 links in 6 pages: 1 broken, 1 missing anchor (1 error, 1 warning, ");
    assertThat(run.err()).contains("content/blog/broken.md:4: broken link ./missing.md");
    assertThat(site.exists("_site")).isFalse();
  }

  @Test
  void normalizeAndEncode() {
    assertThat(Links.normalize("content/blog/../docs/./X.md")).isEqualTo("content/docs/X.md");
    assertThat(Links.normalize("../x")).isNull();
    assertThat(Links.encodePath("blog/my file é.pdf")).isEqualTo("blog/my%20file%20%C3%A9.pdf");
  }

  @Test
  void nearestIdByEditDistance() {
    assertThat(io.sitegen.problems.Nearest.to("instal", List.of("install", "usage", "faq"))).isEqualTo("install");
    assertThat(io.sitegen.problems.Nearest.to("x", List.of())).isNull();
  }
}
