package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a fixture site end to end and reads the output back with Jsoup. */
class SiteBuilderTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            baseUrl: https://example.org
            title: Fixture
            markdown: {softBreaksAsBr: true}
            defaults:
              - scope: {path: blog}
                values: {layout: article, author: Team}
              - scope: {path: docs}
                values: {layout: doc, permalink: "/{path:lower}.html"}
            """)
        .write("layouts/doc.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<ul class="all">{% for p in pages %}<li>{{ p.url }}</li>{% endfor %}</ul>{{ page.content }}{% endblock %}
            """)
        .write("content/blog/20241210-release.md", """
            ---
            title: "Release &mdash; v6.2"
            date: 2024-12-10
            author: Someone
            ---
            # Release v6.2

            Written with {{ site.title }} and {% if true %}tags{% endif %} that must stay text.
            Second line.
            """)
        .write("content/blog/20241125-older.md", """
            ---
            title: Older
            date: 2024-11-25
            ---
            Older post.
            """)
        .write("content/blog/20241230-next.md", """
            ---
            title: Next
            date: 2024-12-30
            draft: true
            permalink: /blog/next-release.html
            ---
            Coming soon.
            """)
        .write("content/docs/FAQ.md", "# Questions\n")
        .write("content/blog/images/a.png", TestSite.PNG)
        .write("assets/css/site.css", "body{}");
  }

  private Document page(String path) {
    return Jsoup.parse(site.read("_site/" + path));
  }

  @Test
  void buildsEveryPublishedPage() {
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir));
    assertThat(result.problems()).isEmpty();
    assertThat(result.pagesWritten()).isEqualTo(3);
    assertThat(result.draftsSkipped()).isEqualTo(1);
    assertThat(result.filesCopied()).isEqualTo(2);
    assertThat(site.exists("_site/blog/20241210-release.html")).isTrue();
    assertThat(site.exists("_site/blog/20241125-older.html")).isTrue();
    assertThat(site.exists("_site/docs/faq.html")).isTrue();
    assertThat(site.exists("_site/blog/next-release.html")).isFalse();
    assertThat(site.read("_site/css/site.css")).isEqualTo("body{}");
    assertThat(site.exists("_site/blog/images/a.png")).isTrue();
  }

  @Test
  void layoutsChainAndSeePageAndSite() {
    SiteBuilder.build(BuildOptions.of(dir));
    Document doc = page("blog/20241210-release.html");
    assertThat(doc.select("nav").text()).isEqualTo("Fixture");
    assertThat(doc.select("article").attr("data-url")).isEqualTo("/blog/20241210-release.html");
    assertThat(doc.select("article").attr("data-author")).isEqualTo("Someone");
    assertThat(page("blog/20241125-older.html").select("article").attr("data-author")).isEqualTo("Team");
    assertThat(doc.select("h1").attr("id")).isEqualTo("release-v62");
  }

  @Test
  void titleEntityShowsAsCharacter() {
    SiteBuilder.build(BuildOptions.of(dir));
    String html = site.read("_site/blog/20241210-release.html");
    assertThat(html).contains("<title>Release \u2014 v6.2</title>");
    assertThat(html).doesNotContain("&amp;mdash;");
  }

  @Test
  void postTextIsNeverRunAsTemplateCode() {
    SiteBuilder.build(BuildOptions.of(dir));
    Document doc = page("blog/20241210-release.html");
    assertThat(doc.select("article p").first().text())
        .contains("Written with {{ site.title }} and {% if true %}tags{% endif %} that must stay text.");
  }

  @Test
  void softBreaksBecomeBr() {
    SiteBuilder.build(BuildOptions.of(dir));
    assertThat(page("blog/20241210-release.html").select("article p br")).hasSize(1);
  }

  @Test
  void pagesListIsNewestFirstWithUndatedLast() {
    SiteBuilder.build(BuildOptions.of(dir));
    assertThat(page("docs/faq.html").select("ul.all li").eachText())
        .containsExactly("/blog/20241210-release.html", "/blog/20241125-older.html", "/docs/faq.html");
  }

  @Test
  void draftsFlagPublishesDrafts() {
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withDrafts(true));
    assertThat(result.draftsSkipped()).isZero();
    assertThat(page("blog/next-release.html").select("article").text()).isEqualTo("Coming soon.");
    assertThat(page("docs/faq.html").select("ul.all li").eachText()).first().isEqualTo("/blog/next-release.html");
  }

  @Test
  void checkWritesNothing() {
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).checkOnly());
    assertThat(result.ok()).isTrue();
    assertThat(site.exists("_site")).isFalse();
    assertThat(site.rootEntries()).containsExactly("assets", "content", "layouts", "site.yml");
  }

  @Test
  void aNewBuildReplacesTheOldOutputWhole() {
    site.write("_site/stale.html", "old");
    SiteBuilder.build(BuildOptions.of(dir));
    assertThat(site.exists("_site/stale.html")).isFalse();
    assertThat(site.rootEntries()).containsExactly("_site", "assets", "content", "layouts", "site.yml");
  }
}
