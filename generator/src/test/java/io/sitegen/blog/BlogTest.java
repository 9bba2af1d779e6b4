package io.sitegen.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** The blog index, its previews and pagination, the feeds, the sitemap and unlisted drafts. */
class BlogTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            title: Fixture
            description: Fixture releases
            baseUrl: https://example.org/
            blog: {pageSize: 2, excerptLength: 40, feedSize: 3}
            defaults:
              - scope: {path: blog}
                values: {layout: article}
              - scope: {path: docs}
                values: {layout: article}
            """)
        .write("layouts/blog.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<h1>{{ page.title }}</h1>{% for p in paginator.posts %}
            <div class="entry{% if p.imageWide %} wide{% endif %}" data-url="{{ p.url }}" data-image="{{ p.image }}">
            <h2>{{ p.title }}</h2><time>{{ p.date | date("d MMM yyyy") }}</time><div class="preview">{{ p.preview }}</div></div>
            {% endfor %}
            <nav data-number="{{ paginator.number }}" data-total="{{ paginator.total }}">{% if paginator.previous is not null %}<a rel="prev" href="{{ paginator.previous }}">newer</a>{% endif %}{% if paginator.next is not null %}<a rel="next" href="{{ paginator.next }}">older</a>{% endif %}</nav>
            {% endblock %}
            """)
        .write("layouts/blog_previews/a.html", "<p class=\"custom\">Hand-written <b>preview</b></p>")
        .write("content/blog/images/a.png", TestSite.PNG)
        .write("content/blog/20241210-a.md", """
            ---
            title: "A &amp; B"
            date: 2024-12-10
            previewBody: blog_previews/a.html
            image: images/a.png
            ---
            # A

            Body of a with [a link](./20241001-e.md) and ![pic](./images/a.png).
            """)
        .write("content/blog/20241125-b.md", """
            ---
            title: B
            date: 2024-11-25
            preview: "<p>Short <em>HTML</em></p>"
            image: images/missing.png
            imageWide: true
            ---
            Body of b.
            """)
        .write("content/blog/20241125-c.md", "---\ntitle: C\ndate: 2024-11-25\n---\nBody of c.\n")
        .write("content/blog/20241101-d.md", """
            ---
            title: D
            date: 2024-11-01
            ---
            # D

            Intro of d.

            More intro.

            <!-- more -->

            Rest of d.
            """)
        .write("content/blog/20241001-e.md", """
            ---
            title: E
            date: 2024-10-01T09:30:00+02:00
            ---
            A first paragraph that goes on for rather longer than forty characters.

            Second paragraph.
            """)
        .write("content/blog/20241220-next.md", """
            ---
            title: Next
            date: 2024-12-20
            draft: true
            permalink: /blog/next-release.html
            ---
            Placeholder.
            """)
        .write("content/docs/x.md", "---\ntitle: X\n---\nA doc.\n");
  }

  private BuildResult build() {
    return SiteBuilder.build(BuildOptions.of(dir));
  }

  private Document html(String path) {
    return Jsoup.parse(site.read("_site/" + path));
  }

  private org.w3c.dom.Document xml(String path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(site.read("_site/" + path).getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(org.w3c.dom.Document doc, String ns, String tag) {
    NodeList nodes = ns == null ? doc.getElementsByTagName(tag) : doc.getElementsByTagNameNS(ns, tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
    return out;
  }

  @Test
  void indexIsPaginatedNewestFirstWithTiesByNameDescending() {
    BuildResult result = build();
    assertThat(result.ok()).isTrue();
    Document first = html("blog/index.html");
    assertThat(first.select(".entry").eachAttr("data-url"))
        .containsExactly("/blog/20241210-a.html", "/blog/20241125-c.html");
    assertThat(first.select("nav[data-number]").attr("data-total")).isEqualTo("3");
    assertThat(first.select("a[rel=prev]")).isEmpty();
    assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/blog/page/2/");
    Document second = html("blog/page/2/index.html");
    assertThat(second.select(".entry").eachAttr("data-url"))
        .containsExactly("/blog/20241125-b.html", "/blog/20241101-d.html");
    assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/blog/");
    assertThat(second.select("a[rel=next]").attr("href")).isEqualTo("/blog/page/3/");
    Document third = html("blog/page/3/index.html");
    assertThat(third.select(".entry").eachAttr("data-url")).containsExactly("/blog/20241001-e.html");
    assertThat(third.select("a[rel=next]")).isEmpty();
    assertThat(site.exists("_site/blog/page/4/index.html")).isFalse();
  }

  @Test
  void entriesCarryTitleDateImageAndEachKindOfPreview() {
    BuildResult result = build();
    Document first = html("blog/index.html");
    Element a = first.selectFirst(".entry[data-url=/blog/20241210-a.html]");
    assertThat(a.select("h2").text()).isEqualTo("A & B");
    assertThat(a.select("time").text()).isEqualTo("10 Dec 2024");
    assertThat(a.attr("data-image")).isEqualTo("/blog/images/a.png");
    assertThat(a.select(".preview p.custom b").text()).isEqualTo("preview");
    Element c = first.selectFirst(".entry[data-url=/blog/20241125-c.html]");
    assertThat(c.select(".preview").html()).isEqualTo("<p>Body of c.</p>");

    Document second = html("blog/page/2/index.html");
    Element b = second.selectFirst(".entry[data-url=/blog/20241125-b.html]");
    assertThat(b.select(".preview em").text()).isEqualTo("HTML");
    assertThat(b.hasClass("wide")).isTrue();
    Element d = second.selectFirst(".entry[data-url=/blog/20241101-d.html]");
    assertThat(d.select(".preview").text()).isEqualTo("Intro of d. More intro.");

    Element e = html("blog/page/3/index.html").selectFirst(".entry");
    assertThat(e.select(".preview").text()).isEqualTo("A first paragraph that goes on for\u2026");

    assertThat(result.problems()).extracting(Problem::toString)
        .containsExactly("content/blog/20241125-b.md:5: warning: image: images/missing.png not found");
  }

  @Test
  void missingPreviewBodyIsAnErrorNamingThePostAndLine() {
    site.write("content/blog/20241210-a.md", site.read("content/blog/20241210-a.md")
        .replace("blog_previews/a.html", "blog_previews/none.html"));
    site.write("_site/keep.txt", "previous");
    TestSite.Run run = site.run("build");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(
        "content/blog/20241210-a.md:4: previewBody: layouts/blog_previews/none.html not found");
    assertThat(site.read("_site/keep.txt")).isEqualTo("previous");
  }

  @Test
  void rssFeedHasTheNewestPostsWithAbsoluteUrls() throws Exception {
    build();
    org.w3c.dom.Document rss = xml("feed.rss");
    assertThat(rss.getDocumentElement().getTagName()).isEqualTo("rss");
    assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    assertThat(texts(rss, null, "title")).containsExactly("Fixture \u00b7 Blog", "A & B", "C", "B");
    assertThat(texts(rss, null, "link")).containsExactly("https://example.org/",
        "https://example.org/blog/20241210-a.html", "https://example.org/blog/20241125-c.html",
        "https://example.org/blog/20241125-b.html");
    assertThat(texts(rss, null, "guid")).containsExactly("https://example.org/blog/20241210-a.html",
        "https://example.org/blog/20241125-c.html", "https://example.org/blog/20241125-b.html");
    assertThat(texts(rss, null, "pubDate"))
        .containsExactly("Tue, 10 Dec 2024 00:00:00 GMT", "Mon, 25 Nov 2024 00:00:00 GMT", "Mon, 25 Nov 2024 00:00:00 GMT");
    String first = texts(rss, null, "description").get(1);
    Document content = Jsoup.parseBodyFragment(first);
    assertThat(content.select("a").attr("href")).isEqualTo("https://example.org/blog/20241001-e.html");
    assertThat(content.select("img").attr("src")).isEqualTo("https://example.org/blog/images/a.png");
    assertThat(content.select("h1").text()).isEqualTo("A");
    assertThat(first).doesNotContain("<html").doesNotContain("<nav>");
    assertThat(String.join(" ", texts(rss, null, "title"))).doesNotContain("Next");
  }

  @Test
  void atomFeedHasStableIdsAndRfc3339Dates() throws Exception {
    build();
    String ns = "http://www.w3.org/2005/Atom";
    org.w3c.dom.Document atom = xml("feed.atom");
    assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
    assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
    assertThat(texts(atom, ns, "id")).containsExactly("https://example.org/",
        "https://example.org/blog/20241210-a.html", "https://example.org/blog/20241125-c.html",
        "https://example.org/blog/20241125-b.html");
    assertThat(texts(atom, ns, "published"))
        .containsExactly("2024-12-10T00:00:00Z", "2024-11-25T00:00:00Z", "2024-11-25T00:00:00Z");
    assertThat(texts(atom, ns, "updated").get(0)).isEqualTo("2024-12-10T00:00:00Z");
    assertThat(texts(atom, ns, "name")).as("a post without an author is by the site, not its blog")
        .doesNotContain("Blog").allMatch(name -> !name.contains("·"));
    String content = texts(atom, ns, "content").get(0);
    assertThat(Jsoup.parseBodyFragment(content).select("a").attr("href"))
        .isEqualTo("https://example.org/blog/20241001-e.html");
  }

  @Test
  void feedSizeAndOffsetDates() throws Exception {
    site.write("site.yml", site.read("site.yml").replace("feedSize: 3", "feedSize: 10"));
    build();
    org.w3c.dom.Document atom = xml("feed.atom");
    assertThat(texts(atom, "http://www.w3.org/2005/Atom", "published")).hasSize(5)
        .last().isEqualTo("2024-10-01T09:30:00+02:00");
    assertThat(texts(xml("feed.rss"), null, "pubDate")).last().isEqualTo("Tue, 1 Oct 2024 09:30:00 +0200");
  }

  @Test
  void sitemapListsEveryPublishedPageSortedAndRobotsNamesIt() throws Exception {
    build();
    org.w3c.dom.Document map = xml("sitemap.xml");
    String ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assertThat(map.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
    assertThat(texts(map, ns, "loc")).containsExactly(
        "https://example.org/blog/",
        "https://example.org/blog/20241001-e.html",
        "https://example.org/blog/20241101-d.html",
        "https://example.org/blog/20241125-b.html",
        "https://example.org/blog/20241125-c.html",
        "https://example.org/blog/20241210-a.html",
        "https://example.org/blog/page/2/",
        "https://example.org/blog/page/3/",
        "https://example.org/docs/x.html");
    assertThat(texts(map, ns, "lastmod")).contains("2024-12-10");
    assertThat(site.read("_site/robots.txt")).contains("Sitemap: https://example.org/sitemap.xml");
    site.write("content/index.md", "---\nlayout: article\ntitle: Home\n---\nHome.\n");
    site.write("content/docs/index.md", "---\nlayout: article\ntitle: Docs\n---\nDocs.\n");
    build();
    assertThat(texts(xml("sitemap.xml"), ns, "loc")).as("index pages at their folders' URLs")
        .contains("https://example.org/", "https://example.org/docs/").doesNotContain("https://example.org/index.html");
  }

  @Test
  void ownRobotsTxtWins() {
    site.write("assets/robots.txt", "User-agent: *\nDisallow: /private/\n");
    assertThat(build().ok()).isTrue();
    assertThat(site.read("_site/robots.txt")).isEqualTo("User-agent: *\nDisallow: /private/\n");
  }

  @Test
  void draftsAreNeverListed() throws Exception {
    build();
    assertThat(site.exists("_site/blog/next-release.html")).isFalse();
    assertThat(site.read("_site/blog/index.html")).doesNotContain("next-release");
    assertThat(site.read("_site/feed.rss")).doesNotContain("next-release");
    assertThat(site.read("_site/feed.atom")).doesNotContain("next-release");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("next-release");
  }

  @Test
  void draftsBuiltWithDraftsAreInTheIndexButNeverInTheFeedsOrTheSitemap() throws Exception {
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withDrafts(true)).ok()).isTrue();
    assertThat(site.read("_site/blog/next-release.html")).contains("Placeholder.");
    assertThat(site.read("_site/blog/index.html")).contains("next-release");
    assertThat(site.read("_site/feed.rss")).doesNotContain("next-release").contains("20241210-a");
    assertThat(site.read("_site/feed.atom")).doesNotContain("next-release").contains("20241210-a");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("next-release").contains("20241210-a");
  }

  @Test
  void unlistedDraftsArePublishedNoindexAndLinkable() throws Exception {
    site.write("site.yml", site.read("site.yml") + "drafts: unlisted\n");
    site.write("content/docs/x.md", "---\ntitle: X\n---\nSee [the next release](../blog/20241220-next.md).\n");
    BuildResult result = build();
    assertThat(result.problems()).extracting(Problem::toString).noneMatch(p -> p.contains("draft"));
    assertThat(result.ok()).isTrue();
    Document draft = html("blog/next-release.html");
    assertThat(draft.select("head meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(draft.select("article").text()).isEqualTo("Placeholder.");
    assertThat(html("docs/x.html").select("article a").attr("href")).isEqualTo("/blog/next-release.html");
    assertThat(html("blog/20241210-a.html").select("head meta[name=robots]")).isEmpty();
    assertThat(site.read("_site/blog/index.html")).doesNotContain("next-release");
    assertThat(site.read("_site/feed.rss")).doesNotContain("next-release");
    assertThat(site.read("_site/feed.atom")).doesNotContain("next-release");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("next-release");
  }

  @Test
  void blogIndexNeedsItsLayout() {
    site.write("layouts/blog.html", "");
    java.nio.file.Path layout = dir.resolve("layouts/blog.html");
    assertThat(layout.toFile().delete()).isTrue();
    BuildResult result = build();
    assertThat(result.problems()).extracting(Problem::toString).contains(
        "layouts/blog.html: layout not found: the blog index of 5 posts under content/blog/ is rendered with it");
  }
}
