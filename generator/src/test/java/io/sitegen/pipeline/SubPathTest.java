package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site under a sub-path ({@code baseUrl: https://org.github.io/project}): every root-relative
 * URL the build writes starts with {@code /project}, the model's URLs carry it, and links that
 * layouts add are checked, each reported once at its layout line with the number of pages.
 */
class SubPathTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            baseUrl: https://org.github.io/project/
            title: Project
            blog: {pageSize: 1}
            defaults:
              - scope: {path: ''}
                values: {layout: article}
              - scope: {path: blog}
                values: {date: 2024-01-01}
            """)
        .write("layouts/blog.html", """
            {% extends "layouts/base.html" %}
            {% block main %}{% for p in paginator.posts %}<a class="post" href="{{ p.url }}">{{ p.title }}</a>{% endfor %}\
            {% if paginator.next is not null %}<a rel="next" href="{{ paginator.next }}">older</a>{% endif %}{% endblock %}
            """)
        .write("layouts/partials/nav.html", """
            <nav><a href="{{ "/" | url }}">home</a> <a href="{{ "/blog/" | url }}">blog</a>
            <link rel="stylesheet" href="{{ "/css/site.css" | url }}"><a id="abs" href="{{ page.url | absoluteUrl }}">here</a>
            <a id="again" href="{{ page.url | url }}">again</a></nav>
            """)
        .write("assets/css/site.css", "body{}")
        .write("content/index.md", "# Home\n\nSee [the guide](docs/guide.md) and <img src=\"/img/a.png\"> "
            + "and <a href=\"/project/img/a.png\">the same</a> and [a folder](/blog/).\n")
        .write("content/img/a.png", TestSite.PNG)
        .write("content/docs/guide.md", "# Guide\n\n[Home](../index.md#home)\n")
        .write("content/blog/one.md", "---\ntitle: One\ndate: 2024-01-01\n---\nFirst, see [two](two.md).\n")
        .write("content/blog/two.md", "---\ntitle: Two\ndate: 2024-02-01\n---\nSecond.\n");
  }

  private BuildResult build() {
    return SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")));
  }

  @Test
  void everyRootRelativeUrlTheBuildWritesStartsWithTheSubPath() {
    BuildResult result = build();
    assertThat(result.problems()).isEmpty();
    String home = site.read("_site/index.html");
    assertThat(home).contains("href=\"/project/docs/guide.html\"", "src=\"/project/img/a.png\"",
        "href=\"/project/img/a.png\">the same", "href=\"/project/blog/\">a folder",
        "href=\"/project/\">home", "href=\"/project/css/site.css\"",
        "id=\"abs\" href=\"https://org.github.io/project/index.html\"", "id=\"again\" href=\"/project/index.html\"");
    assertThat(home).doesNotContain("/project/project");
    assertThat(site.read("_site/docs/guide.html")).contains("href=\"/project/index.html#home\"");
    assertThat(site.read("_site/blog/one.html")).contains("data-url=\"/project/blog/one.html\"",
        "href=\"/project/blog/two.html\"");
    String index = site.read("_site/blog/index.html");
    assertThat(index).contains("class=\"post\" href=\"/project/blog/two.html\"",
        "rel=\"next\" href=\"/project/blog/page/2/\"");
    String feed = site.read("_site/feed.atom");
    assertThat(feed).contains("https://org.github.io/project/blog/two.html",
        "href=\"https://org.github.io/project/blog/two.html\"");
    assertThat(feed).doesNotContain("/project/project", "https://org.github.io/blog/");
    assertThat(site.read("_site/sitemap.xml")).contains("<loc>https://org.github.io/project/docs/guide.html</loc>")
        .doesNotContain("/project/project");
    assertThat(site.exists("_site/robots.txt")).as("crawlers read it at the host's root only").isFalse();
  }

  @Test
  void withoutASubPathNothingChanges() {
    site.write("site.yml", site.read("site.yml").replace("https://org.github.io/project/", "https://org.github.io"));
    site.write("content/index.md", "# Home\n\n[the guide](docs/guide.md) <img src=\"/img/a.png\">\n");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/index.html")).contains("href=\"/docs/guide.html\"", "src=\"/img/a.png\"",
        "href=\"/\">home", "id=\"abs\" href=\"https://org.github.io/index.html\"");
  }

  @Test
  void aLayoutLinkThatLeavesOutTheSubPathIsAWarningAtItsLineWithThePagesItIsOn() {
    site.write("layouts/partials/nav.html", "<nav>\n<a href=\"/blog/\">blog</a>\n</nav>\n");
    List<String> problems = build().problems().stream().map(Problem::toString).toList();
    assertThat(problems).containsExactly("layouts/partials/nav.html:2: warning: link /blog/ leaves out the sub-path"
        + " /project of baseUrl, so it leads off the site once published: write {{ \"/blog/\" | url }} (on 6 pages)");
  }

  @Test
  void aBrokenLayoutLinkIsOneErrorAtItsLineEvenWhenTheOutputIsReused() {
    site.write("layouts/partials/nav.html", "<nav>\n{% if true %}\n<a href='{{ \"/docs/\" | url }}'>docs</a>{% endif %}\n</nav>\n");
    String expected = "layouts/partials/nav.html:3: broken link /project/docs/ (on 6 pages)";
    for (int run = 0; run < 2; run++) {
      BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")).withCache(true));
      assertThat(result.problems()).extracting(Problem::toString).as("run %d", run).containsExactly(expected);
    }
    site.write("content/docs/index.md", "# Docs\n");
    BuildResult fixed = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")).withCache(true));
    assertThat(fixed.problems()).isEmpty();
  }

  @Test
  void aLinkMadeByAnExpressionIsFoundAtTheLineWhoseTextFitsIt() {
    site.write("layouts/partials/nav.html", """
        <nav>
        <a href="{{ page.url }}">self</a>
        <a href="/elsewhere/{{ page.title }}.html">gone</a>
        </nav>
        """);
    assertThat(build().problems()).extracting(Problem::toString)
        .contains("layouts/partials/nav.html:3: broken link /elsewhere/One.html (on 1 page)");
  }

  @Test
  void atTheRootOfAHostALayoutLinkToNothingIsAnErrorThatSiteCheckFindsToo() {
    site.write("site.yml", site.read("site.yml").replace("https://org.github.io/project/", "https://example.org"));
    site.write("layouts/partials/nav.html", "<nav><a href=\"/\">home</a>\n<a href=\"/docs/\">docs</a> "
        + "<a href=\"../css/site.css\">css</a></nav>\n");
    site.write("content/index.md", "# Home\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")).checkOnly());
    assertThat(result.problems()).extracting(Problem::toString)
        .containsExactlyInAnyOrder("layouts/partials/nav.html:2: broken link /docs/ (on 6 pages)",
            // from /index.html it climbs above the root, from /blog/page/2/ it names /blog/css/site.css
            "layouts/partials/nav.html:2: broken link ../css/site.css (on 2 pages)");
    assertThat(result.brokenLinks()).isEqualTo(2);
  }

  @Test
  void underStrictEveryWarningIsAnError() {
    site.write("layouts/partials/nav.html", "<nav>\n<a href=\"/blog/\">blog</a>\n</nav>\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")).withStrict(true));
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).allMatch(Problem::isError).extracting(Problem::toString)
        .containsExactly("layouts/partials/nav.html:2: link /blog/ leaves out the sub-path /project of baseUrl, so it"
            + " leads off the site once published: write {{ \"/blog/\" | url }} (on 6 pages)");
  }

  @Test
  void aSubPathThatIsAlsoAFolderOfTheSiteReadsUrlsAsPathsOfTheSiteAndSaysSo() {
    site.write("site.yml", site.read("site.yml").replace("https://org.github.io/project/", "https://org.github.io/blog"));
    site.write("content/index.md", "# Home\n\n[the blog](/blog/)\n");
    List<String> problems = build().problems().stream().map(Problem::toString).toList();
    assertThat(problems).containsExactly("site.yml: warning: the sub-path /blog of baseUrl is also a folder of the site:"
        + " a URL that starts with /blog/ is read as that folder, not as one written with the sub-path; give layouts"
        + " page.url and post.url as they are, without | url");
    String home = site.read("_site/index.html");
    assertThat(home).contains("href=\"/blog/blog/\">the blog", "href=\"/blog/blog/\">blog</a>", "href=\"/blog/\">home");
  }

  @Test
  void aSubPathWithSpacesOrAccentsIsWrittenEncodedAndItsLinksCheckOut() {
    site.write("site.yml", site.read("site.yml").replace("https://org.github.io/project/", "https://org.github.io/caf\u00e9 x/"));
    site.write("content/index.md", "# Home\n\nSee [the guide](docs/guide.md) and <img src=\"/img/a.png\">.\n");
    BuildResult result = build();
    assertThat(result.problems()).isEmpty();
    assertThat(site.read("_site/index.html")).contains("href=\"/caf%C3%A9%20x/docs/guide.html\"",
        "href=\"/caf%C3%A9%20x/css/site.css\"");
  }

  @Test
  void aLayoutThatPutsTheSubPathInTwiceThroughBaseUrlIsABrokenLink() {
    site.write("layouts/partials/nav.html", "<nav><link rel=\"canonical\" href=\"{{ site.baseUrl }}{{ page.url }}\"></nav>\n");
    assertThat(build().problems()).extracting(Problem::toString)
        .contains("layouts/partials/nav.html:1: broken link /project//project/index.html (on 1 page)");
  }

  @Test
  void previewsGetTheSubPathToo() {
    site.write("content/blog/one.md", "---\ntitle: One\ndate: 2024-01-01\npreview: '<a href=\"/docs/guide.html\">g</a>"
        + " <img src=\"/project/img/a.png\">'\n---\nFirst.\n");
    site.write("layouts/blog.html", "{% extends \"layouts/base.html\" %}{% block main %}{% for p in paginator.posts %}"
        + "{{ p.preview }}{% endfor %}{% endblock %}");
    assertThat(build().problems()).isEmpty();
    assertThat(site.read("_site/blog/page/2/index.html"))
        .contains("<a href=\"/project/docs/guide.html\">g</a> <img src=\"/project/img/a.png\">");
  }
}
