package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a layout sees of a page beyond its front matter: its table of contents, length, description,
 * image and neighbours; docs ordered by weight; and /404.html from its layout.
 */
class PageFeaturesTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            baseUrl: https://org.github.io/p
            defaults:
              - scope: {path: ''}
                values: {layout: page}
            """)
        .write("layouts/page.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<div id="model">toc={% for e in page.toc %}[{{ e.level }} {{ e.id }} {{ e.title }} {{ e.children | length }}]{% endfor %}
            words={{ page.wordCount }} minutes={{ page.readingTime }} description={{ page.description }} image={{ page.image }}
            previous={{ page.previous.title }} {{ page.previous.url }} next={{ page.next.title }} {{ page.next.url }}</div>
            <div id="tocHtml">{{ page.tocHtml }}</div>
            <div id="docs">{% for p in pages %}{% if p.section == "docs" %}{{ p.title }};{% endif %}{% endfor %}</div>
            {{ page.content }}{% endblock %}
            """)
        .write("content/docs/setup.md", "---\ntitle: Setup\nweight: 2\ndescription: How to set it up.\n---\n"
            + "# Setup\n\n[[toc]]\n\n## Install it\n\n### On Linux\n\n## Run it\n\nSome words here.\n")
        .write("content/docs/intro.md", "---\ntitle: Intro\nweight: 1\nimage: cover.png\n---\n# Intro\n\n"
            + "First paragraph of the intro, which is its description.\n")
        .write("content/docs/cover.png", TestSite.PNG)
        .write("content/docs/faq.md", "---\ntitle: FAQ\n---\n# FAQ\n")
        .write("content/docs/about.md", "---\ntitle: About\n---\n# About\n");
  }

  private String model(String file) {
    String html = site.read(file);
    return html.substring(html.indexOf("<div id=\"model\">"), html.indexOf("</div>", html.indexOf("<div id=\"model\">")));
  }

  @Test
  void theModelHasTheTableOfContentsLengthDescriptionImageAndNeighbours() {
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems()).isEmpty();
    assertThat(model("_site/docs/setup.html")).contains(
        "toc=[2 install-it Install it 1][2 run-it Run it 0]",
        "words=10 minutes=1 description=How to set it up. image=",
        "previous=Intro /p/docs/intro.html next=About /p/docs/about.html");
    assertThat(model("_site/docs/intro.html")).contains(
        "description=First paragraph of the intro, which is its description. image=/p/docs/cover.png",
        "previous=  next=Setup /p/docs/setup.html");
    String setup = site.read("_site/docs/setup.html");
    assertThat(setup).contains("<div id=\"tocHtml\"><nav class=\"toc\" aria-label=\"Contents\"><ul><li><a href=\"#install-it\">"
        + "Install it</a><ul><li><a href=\"#on-linux\">On Linux</a></li></ul></li><li><a href=\"#run-it\">Run it</a></li></ul></nav></div>");
    assertThat(setup).as("[[toc]] in the Markdown").contains("<h1 id=\"setup\">Setup</h1>\n<nav class=\"toc\"")
        .doesNotContain("[[toc]]");
    assertThat(setup).contains("<div id=\"docs\">Intro;Setup;About;FAQ;</div>");
  }

  @Test
  void tocLevelsComeFromSiteYmlAndFrontMatterAndAreChecked() {
    site.write("site.yml", site.read("site.yml") + "toc: {maxLevel: 2}\n");
    site.write("content/docs/faq.md", "---\ntitle: FAQ\ntoc: {minLevel: 3, maxLevel: 1}\n---\n# FAQ\n\n## A\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")));
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "content/docs/faq.md:3: warning: toc: expected {minLevel: N, maxLevel: M} with whole numbers 1 <= N <= M <= 6;"
            + " the site's levels are used");
    assertThat(model("_site/docs/setup.html")).contains("toc=[2 install-it Install it 0][2 run-it Run it 0]");
    assertThat(model("_site/docs/faq.html")).contains("toc=[2 a A 0]");
    site.write("site.yml", site.read("site.yml").replace("toc: {maxLevel: 2}", "toc: {maxLevel: 9}"));
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems())
        .extracting(Problem::toString).contains("site.yml:5: toc: expected {minLevel: N, maxLevel: M} with whole"
            + " numbers 1 <= N <= M <= 6");
  }

  @Test
  void aWeightThatIsNotANumberIsAWarningAndTheRestIsOrdered() {
    site.write("content/docs/faq.md", "---\ntitle: FAQ\nweight: heavy\n---\n# FAQ\n");
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems())
        .extracting(Problem::toString).containsExactly("content/docs/faq.md:3: warning: weight: expected a number,"
            + " found 'heavy'; the page is ordered as one without a weight");
    assertThat(site.read("_site/docs/setup.html")).contains("<div id=\"docs\">Intro;Setup;About;FAQ;</div>");
  }

  @Test
  void aPageWithoutHeadingsHasAnEmptyTableOfContents() {
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems()).isEmpty();
    assertThat(model("_site/docs/faq.html")).contains("toc=\nwords=1");
    assertThat(site.read("_site/docs/faq.html")).contains("<div id=\"tocHtml\"></div>");
  }

  @Test
  void postsLinkTheOlderAndTheNewerPost() {
    site.write("content/blog/a.md", "---\ndate: 2024-01-01\n---\n# A\n")
        .write("content/blog/b.md", "---\ndate: 2024-02-01\n---\n# B\n")
        .write("content/blog/c.md", "---\ndate: 2024-03-01\n---\n# C\n");
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems()).isEmpty();
    assertThat(model("_site/blog/b.html")).contains("previous=A /p/blog/a.html next=C /p/blog/c.html");
    assertThat(model("_site/blog/c.html")).contains("previous=B /p/blog/b.html next=");
  }

  @Test
  void theNotFoundLayoutWritesA404PageWhenNoPageDoes() {
    site.write("layouts/404.html", "{% extends \"layouts/base.html\" %}{% block main %}<h1>{{ page.title }}</h1>"
        + "<a href=\"{{ \"/\" | url }}\">home</a>{% endblock %}");
    site.write("content/index.md", "# Home\n");
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems()).isEmpty();
    assertThat(site.read("_site/404.html")).contains("<h1>Page not found</h1><a href=\"/p/\">home</a>");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("404");
    site.write("content/404.md", "---\npermalink: /404.html\nlayout: page\n---\n# Lost\n");
    assertThat(SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site"))).problems()).isEmpty();
    assertThat(site.read("_site/404.html")).as("the page wins over the layout alone").contains("<h1 id=\"lost\">Lost</h1>");
  }
}
