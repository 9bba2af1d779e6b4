package io.sitegen.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.output.MemoryOutput;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.Session;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Tags: {@code /tags/} with the counts, a paginated page per tag, its feeds, {@code page.tags}
 * and {@code tags} in layouts, slugs by the heading rule, spellings merged, odd values, drafts,
 * the sub-path, and the tag pages kept right by {@code site serve} and by the cache.
 */
class TagsTest {
  @TempDir
  Path dir;

  private TestSite site;

  private static final String SITE_YML = """
      title: Fixture
      description: Fixture releases
      baseUrl: https://example.org/
      blog: {pageSize: 2, feedSize: 2}
      defaults:
        - scope: {path: blog}
          values: {layout: article}
        - scope: {path: docs}
          values: {layout: article}
      """;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", SITE_YML)
        .write("layouts/article.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<article>{{ page.content }}</article>\
            <p class="tags">{% for t in page.tags %}<a href="{{ t.url }}">{{ t.name }}|{{ t.slug }}|{{ t.count }}</a>{% endfor %}</p>\
            <p class="all">{{ tags | length }} {{ site.tags | length }}</p>{% endblock %}
            """)
        .write("layouts/tags.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<ul>{% for t in tags %}<li><a href="{{ t.url }}">{{ t.name }}</a> {{ t.count }}</li>{% endfor %}</ul>{% endblock %}
            """)
        .write("layouts/tag.html", """
            {% extends "layouts/base.html" %}
            {% block main %}<h1>{{ tag.name }}</h1><ol>{% for p in paginator.posts %}<li><a href="{{ p.url }}">{{ p.title }}</a>\
            {{ p.preview }}</li>{% endfor %}</ol><nav>{{ paginator.number }}/{{ paginator.total }}\
            {% if paginator.previous is not null %} <a rel="prev" href="{{ paginator.previous }}">newer</a>{% endif %}\
            {% if paginator.next is not null %} <a rel="next" href="{{ paginator.next }}">older</a>{% endif %}\
            {% if tag.rss is not null %} <a href="{{ tag.rss }}">rss</a> <a href="{{ tag.atom }}">atom</a>{% endif %}</nav>{% endblock %}
            """)
        .write("content/blog/20240101-a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [Java, release]\n---\nBody of a.\n")
        .write("content/blog/20240201-b.md", "---\ntitle: B\ndate: 2024-02-01\ntags: java\n---\nBody of b.\n")
        .write("content/blog/20240301-c.md", "---\ntitle: C\ndate: 2024-03-01\ntags: [release, Zażółć]\n---\nBody of c.\n")
        .write("content/blog/20240401-d.md",
            "---\ntitle: D\ndate: 2024-04-01\ndraft: true\ntags: [release, secret]\n---\nBody of d.\n")
        .write("content/docs/guide.md", "---\ntitle: Guide\ntags:\n  - release\n---\nA doc.\n");
  }

  private BuildResult build() {
    return SiteBuilder.build(BuildOptions.of(dir));
  }

  private String main(String path) {
    Document doc = Jsoup.parse(site.read("_site/" + path));
    doc.outputSettings().prettyPrint(false);
    return doc.select("main").html();
  }

  private static List<String> messages(BuildResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void theTagsPageListsEveryTagWithItsCountSortedBySlug() {
    BuildResult result = build();
    assertThat(messages(result)).containsExactly("content/blog/20240201-b.md:4: warning: tag \"java\" is merged into"
        + " \"Java\" (content/blog/20240101-a.md:4), as both make /tags/java/: write it \"Java\" here too");
    assertThat(main("tags/index.html")).isEqualTo("<ul>"
        + "<li><a href=\"/tags/java/\">Java</a> 2</li>"
        + "<li><a href=\"/tags/release/\">release</a> 3</li>"
        + "<li><a href=\"/tags/zazolc/\">Zażółć</a> 1</li>"
        + "</ul>");
  }

  @Test
  void aTagPageListsItsPagesNewestFirstPaginatedWithTheBlogsPageSize() {
    assertThat(build().ok()).isTrue();
    // posts and docs alike; undated pages last
    assertThat(main("tags/release/index.html")).isEqualTo("<h1>release</h1><ol>"
        + "<li><a href=\"/blog/20240301-c.html\">C</a><p>Body of c.</p></li>"
        + "<li><a href=\"/blog/20240101-a.html\">A</a><p>Body of a.</p></li></ol>"
        + "<nav>1/2 <a rel=\"next\" href=\"/tags/release/page/2/\">older</a>"
        + " <a href=\"/tags/release/feed.rss\">rss</a> <a href=\"/tags/release/feed.atom\">atom</a></nav>");
    assertThat(main("tags/release/page/2/index.html")).isEqualTo("<h1>release</h1><ol>"
        + "<li><a href=\"/docs/guide.html\">Guide</a></li></ol>"
        + "<nav>2/2 <a rel=\"prev\" href=\"/tags/release/\">newer</a>"
        + " <a href=\"/tags/release/feed.rss\">rss</a> <a href=\"/tags/release/feed.atom\">atom</a></nav>");
    assertThat(main("tags/java/index.html")).startsWith("<h1>Java</h1><ol>"
        + "<li><a href=\"/blog/20240201-b.html\">B</a><p>Body of b.</p></li>"
        + "<li><a href=\"/blog/20240101-a.html\">A</a><p>Body of a.</p></li></ol><nav>1/1 <a");
    assertThat(Jsoup.parse(site.read("_site/tags/release/page/2/index.html")).title())
        .isEqualTo("release (page 2 of 2)");
  }

  @Test
  void aTagOfOtherLettersHasTheSlugAHeadingOfItWouldHave() {
    assertThat(build().ok()).isTrue();
    assertThat(io.sitegen.markdown.HeadingIds.of("Zażółć")).isEqualTo("zazolc");
    assertThat(main("tags/zazolc/index.html")).startsWith("<h1>Zażółć</h1><ol>"
        + "<li><a href=\"/blog/20240301-c.html\">C</a><p>Body of c.</p></li></ol>");
  }

  @Test
  void pageTagsAreTheMergedTagsWithUrlsAndCounts() {
    assertThat(build().ok()).isTrue();
    assertThat(Jsoup.parse(site.read("_site/blog/20240201-b.html")).select("p.tags").html())
        .isEqualTo("<a href=\"/tags/java/\">Java|java|2</a>");
    assertThat(Jsoup.parse(site.read("_site/blog/20240301-c.html")).select("p.tags").html())
        .isEqualTo("<a href=\"/tags/release/\">release|release|3</a><a href=\"/tags/zazolc/\">Zażółć|zazolc|1</a>");
    assertThat(Jsoup.parse(site.read("_site/docs/guide.html")).select("p.tags").html())
        .isEqualTo("<a href=\"/tags/release/\">release|release|3</a>");
    assertThat(Jsoup.parse(site.read("_site/docs/guide.html")).select("p.all").text()).isEqualTo("3 3");
  }

  @Test
  void aSiteKeyNamedTagsWinsAsSiteTagsWithAWarning() {
    site.write("site.yml", SITE_YML + "tags: mine\n");
    BuildResult result = build();
    assertThat(messages(result)).contains("site.yml:10: warning: tags: this key is what layouts see as site.tags,"
        + " so they find the pages' tags only as tags; rename it to have both");
    assertThat(Jsoup.parse(site.read("_site/docs/guide.html")).select("p.all").text()).isEqualTo("3 4");
  }

  @Test
  void tagFeedsCarryTheTagsNewestPostsWithAbsoluteUrls() throws Exception {
    assertThat(build().ok()).isTrue();
    org.w3c.dom.Document rss = xml("tags/release/feed.rss");
    // posts only: the doc tagged release is on the tag's page, not in its feeds
    assertThat(texts(rss, null, "title")).containsExactly("Fixture \u00b7 release", "C", "A");
    assertThat(texts(rss, null, "link")).containsExactly("https://example.org/tags/release/",
        "https://example.org/blog/20240301-c.html", "https://example.org/blog/20240101-a.html");
    assertThat(site.read("_site/tags/release/feed.rss"))
        .contains("<atom:link href=\"https://example.org/tags/release/feed.rss\" rel=\"self\"");
    String ns = "http://www.w3.org/2005/Atom";
    org.w3c.dom.Document atom = xml("tags/java/feed.atom");
    assertThat(texts(atom, ns, "id")).containsExactly("https://example.org/tags/java/",
        "https://example.org/blog/20240201-b.html", "https://example.org/blog/20240101-a.html");
    assertThat(site.read("_site/tags/java/feed.atom"))
        .contains("<link href=\"https://example.org/tags/java/feed.atom\" rel=\"self\" type=\"application/atom+xml\"/>");
    assertThat(texts(atom, ns, "title")).first().isEqualTo("Fixture \u00b7 Java");
    assertThat(texts(atom, ns, "content").get(0)).isEqualTo("<p>Body of b.</p>\n");
  }

  @Test
  void tagFeedsNeedABaseUrlAndTagPagesAreInTheSitemap() throws Exception {
    assertThat(build().ok()).isTrue();
    String ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assertThat(texts(xml("sitemap.xml"), ns, "loc")).filteredOn(u -> u.contains("/tags/")).containsExactly(
        "https://example.org/tags/", "https://example.org/tags/java/", "https://example.org/tags/release/",
        "https://example.org/tags/release/page/2/", "https://example.org/tags/zazolc/");
    site.write("site.yml", SITE_YML.replace("baseUrl: https://example.org/\n", ""));
    build();
    assertThat(site.exists("_site/tags/java/index.html")).isTrue();
    assertThat(site.exists("_site/tags/java/feed.rss")).isFalse();
    assertThat(site.exists("_site/tags/java/feed.atom")).isFalse();
    assertThat(main("tags/java/index.html")).endsWith("<nav>1/1</nav>");
  }

  @Test
  void draftsAreLeftOutUnlessBuiltWithDrafts() throws Exception {
    assertThat(build().ok()).isTrue();
    assertThat(site.exists("_site/tags/secret/index.html")).isFalse();
    assertThat(site.read("_site/tags/index.html")).doesNotContain("secret");
    BuildResult drafts = SiteBuilder.build(BuildOptions.of(dir).withDrafts(true));
    assertThat(drafts.ok()).isTrue();
    assertThat(main("tags/index.html")).contains("<a href=\"/tags/release/\">release</a> 4</li>",
        "<a href=\"/tags/secret/\">secret</a> 1</li>");
    assertThat(main("tags/release/index.html")).contains("<a href=\"/blog/20240401-d.html\">D</a>");
    // never in the feeds
    assertThat(site.read("_site/tags/release/feed.rss")).doesNotContain("20240401-d");
    assertThat(site.exists("_site/tags/secret/feed.rss")).isFalse();
  }

  @Test
  void unlistedDraftsShowOnlyTheTagsThatHavePages() {
    site.write("site.yml", SITE_YML + "drafts: unlisted\n");
    assertThat(build().ok()).isTrue();
    assertThat(Jsoup.parse(site.read("_site/blog/20240401-d.html")).select("p.tags").html())
        .isEqualTo("<a href=\"/tags/release/\">release|release|3</a>");
    assertThat(site.exists("_site/tags/secret/index.html")).isFalse();
  }

  @Test
  void oddTagValuesAreWarningsAtTheirLine() {
    site.write("content/blog/20240501-e.md", "---\ntitle: E\ndate: 2024-05-01\ntags: 5\n---\nE.\n")
        .write("content/blog/20240601-f.md", "---\ntitle: F\ndate: 2024-06-01\n\ntags: {a: 1}\n---\nF.\n")
        .write("content/blog/20240701-g.md", "---\ntitle: G\ndate: 2024-07-01\ntags:\n  - 2024\n  -\n  - [x]\n"
            + "  - \"!!!\"\n  - Release\n  - release\n---\nG.\n")
        .write("content/blog/20240801-h.md", "---\ntitle: H\ndate: 2024-08-01\ntags: []\n---\nH.\n")
        .write("content/blog/20240901-i.md", "---\ntitle: I\ndate: 2024-09-01\ntags:\n---\nI.\n");
    BuildResult result = build();
    assertThat(result.ok()).isTrue();
    assertThat(messages(result)).containsExactly(
        "content/blog/20240201-b.md:4: warning: tag \"java\" is merged into \"Java\" (content/blog/20240101-a.md:4),"
            + " as both make /tags/java/: write it \"Java\" here too",
        "content/blog/20240501-e.md:4: warning: tags: expected a list of names, as tags: [release, java], or one"
            + " name; found the number 5, so the page has no tags",
        "content/blog/20240601-f.md:5: warning: tags: expected a list of names, as tags: [release, java], or one"
            + " name; found a mapping, so the page has no tags",
        "content/blog/20240701-g.md:4: warning: tag \"Release\" is merged into \"release\""
            + " (content/blog/20240101-a.md:4), as both make /tags/release/: write it \"release\" here too",
        "content/blog/20240701-g.md:4: warning: tags: item 2 is empty, so it is left out",
        "content/blog/20240701-g.md:4: warning: tags: item 3 is a list, not a name, so it is left out",
        "content/blog/20240701-g.md:4: warning: tags: item 4 \"!!!\" has no letter or digit to make its URL of,"
            + " so it is left out",
        "content/blog/20240701-g.md:4: warning: tags: item 6 \"release\" is \"Release\" again, as both make"
            + " /tags/release/, so it is left out");
    assertThat(Jsoup.parse(site.read("_site/blog/20240701-g.html")).select("p.tags").html())
        .isEqualTo("<a href=\"/tags/2024/\">2024|2024|1</a><a href=\"/tags/release/\">release|release|4</a>");
    assertThat(Jsoup.parse(site.read("_site/blog/20240501-e.html")).select("p.tags").html()).isEmpty();
  }

  @Test
  void tagPagesAreOutputsThatLinksReachAndThatAPageCannotTake() {
    site.write("content/docs/see.md", "---\ntitle: See\n---\nSee [Java](/tags/java/) and [none](/tags/none/).\n");
    BuildResult result = build();
    assertThat(messages(result)).contains("content/docs/see.md:4: broken link /tags/none/")
        .noneMatch(m -> m.contains("/tags/java/)"));
    site.write("content/docs/see.md", "---\ntitle: See\npermalink: /tags/java/\n---\nMine.\n");
    assertThat(messages(build())).contains(
        "content/docs/see.md:3: writes /tags/java/index.html, which the generator writes too");
  }

  @Test
  void aBlogInTheTagsFolderIsAnError() {
    site.write("site.yml", SITE_YML.replace("blog: {pageSize: 2, feedSize: 2}", "blog: {dir: tags, pageSize: 2}"));
    site.write("content/tags/20240101-x.md", "---\ntitle: X\nlayout: article\ntags: [x]\n---\nX.\n");
    BuildResult result = build();
    assertThat(result.ok()).isFalse();
    assertThat(messages(result)).contains("site.yml:4: blog.dir: tags is under /tags/, where the pages of the tags"
        + " are written; give the blog another folder");
  }

  @Test
  void withoutTheTagLayoutsNoTagPagesAreWrittenAndAWarningSaysSo() {
    assertThat(dir.resolve("layouts/tag.html").toFile().delete()).isTrue();
    assertThat(dir.resolve("layouts/tags.html").toFile().delete()).isTrue();
    BuildResult result = build();
    // the layout that links them is told of it
    assertThat(messages(result)).contains("layouts/article.html:2: broken link /tags/release/ (on 3 pages)",
        "layouts/tag.html: warning: not found, so the 3 tags of the pages have no page of their own (/tags/NAME/)"
            + " and no feeds; add it to publish them (site init writes one)",
        "layouts/tags.html: warning: not found, so no /tags/ page lists the 3 tags of the pages; add it to publish"
            + " one (site init writes one)");
    assertThat(result.ok()).isFalse();
    site.write("layouts/article.html", "{% extends \"layouts/base.html\" %}");
    result = build();
    assertThat(result.ok()).isTrue();
    assertThat(messages(result)).hasSize(3);
    assertThat(site.exists("_site/blog/20240101-a.html")).isTrue();
    assertThat(site.exists("_site/tags")).isFalse();
  }

  @Test
  void underASubPathEveryTagUrlStartsWithIt() throws Exception {
    site.write("site.yml", SITE_YML.replace("https://example.org/", "https://org.github.io/project/"));
    BuildResult result = build();
    assertThat(result.ok()).isTrue();
    assertThat(main("tags/index.html")).contains("<a href=\"/project/tags/java/\">Java</a> 2");
    assertThat(main("tags/release/index.html")).contains("<a href=\"/project/blog/20240301-c.html\">C</a>",
        "<a rel=\"next\" href=\"/project/tags/release/page/2/\">older</a>",
        "<a href=\"/project/tags/release/feed.rss\">rss</a>");
    assertThat(main("tags/release/page/2/index.html")).contains("<a rel=\"prev\" href=\"/project/tags/release/\">");
    assertThat(Jsoup.parse(site.read("_site/blog/20240101-a.html")).select("p.tags").html()).isEqualTo(
        "<a href=\"/project/tags/java/\">Java|java|2</a><a href=\"/project/tags/release/\">release|release|3</a>");
    assertThat(texts(xml("tags/java/feed.rss"), null, "link")).containsExactly(
        "https://org.github.io/project/tags/java/", "https://org.github.io/project/blog/20240201-b.html",
        "https://org.github.io/project/blog/20240101-a.html");
    assertThat(site.read("_site/sitemap.xml")).contains("<loc>https://org.github.io/project/tags/zazolc/</loc>");
  }

  @Test
  void theStarterOfSiteInitHasTagPages() throws Exception {
    Path starter = dir.resolve("starter");
    java.io.StringWriter err = new java.io.StringWriter();
    assertThat(io.sitegen.cli.Main.run(new String[] {"init", starter.toString()},
        new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err))).as(err.toString()).isZero();
    BuildResult result = SiteBuilder.build(BuildOptions.of(starter).withStrict(true));
    assertThat(messages(result)).isEmpty();
    Document tags = Jsoup.parse(java.nio.file.Files.readString(starter.resolve("_site/tags/index.html")));
    assertThat(tags.select("main li").eachText()).containsExactly("news (1)");
    Document news = Jsoup.parse(java.nio.file.Files.readString(starter.resolve("_site/tags/news/index.html")));
    assertThat(news.select("main h1").text()).isEqualTo("news");
    assertThat(news.select(".card h2 a").eachText()).containsExactly("Hello, world");
    assertThat(news.select("main p.meta a").eachAttr("href"))
        .containsExactly("/tags/", "/tags/news/feed.rss", "/tags/news/feed.atom");
    assertThat(starter.resolve("_site/tags/news/feed.atom")).exists();
  }

  // ---------------------------------------------------------------- site serve and the cache

  private String text(MemoryOutput memory, String path) {
    byte[] bytes = memory.get(path);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aPostWhoseTagsChangeInServeRerendersTheTagPagesAndEveryPageTags() {
    Session session = new Session(BuildOptions.of(dir), true);
    MemoryOutput memory = new MemoryOutput();
    assertThat(session.build(memory).ok()).isTrue();
    memory.commit();
    assertThat(text(memory, "blog/20240101-a.html")).contains("Java|java|2");

    site.write("content/blog/20240201-b.md", "---\ntitle: B\ndate: 2024-02-01\ntags: [Kotlin]\n---\nBody of b.\n");
    BuildResult result = session.update(List.of(dir.resolve("content/blog/20240201-b.md")), memory);
    memory.commit();
    assertThat(messages(result)).isEmpty();
    assertThat(Jsoup.parse(text(memory, "tags/index.html")).select("main li").eachText())
        .containsExactly("Java 1", "Kotlin 1", "release 3", "Zażółć 1");
    assertThat(text(memory, "tags/kotlin/index.html")).contains("<a href=\"/blog/20240201-b.html\">B</a>");
    assertThat(text(memory, "tags/java/index.html")).doesNotContain("20240201-b");
    // a page that was not edited shows the new count of its tag
    assertThat(text(memory, "blog/20240101-a.html")).contains("Java|java|1");

    site.write("content/blog/20240201-b.md", "---\ntitle: B\ndate: 2024-02-01\n---\nBody of b.\n");
    session.update(List.of(dir.resolve("content/blog/20240201-b.md")), memory);
    memory.commit();
    assertThat(memory.contains("tags/kotlin/index.html")).as("a tag no page has any more").isFalse();
    assertThat(memory.contains("tags/kotlin/feed.rss")).isFalse();
    assertThat(memory.paths()).containsAll(List.of("tags/java/index.html", "tags/java/feed.rss"));
  }

  @Test
  void aPostBodyEditInServeRerendersThePagesOfItsTagsOnly() {
    Session session = new Session(BuildOptions.of(dir), false);
    List<String> written = new ArrayList<>();
    io.sitegen.output.Output recorder = new io.sitegen.output.Output() {
      @Override
      public synchronized void write(String path, byte[] bytes) {
        written.add(path);
      }

      @Override
      public void copy(Path source, String path) {}

      @Override
      public void delete(String path) {}
    };
    assertThat(session.build(recorder).ok()).isTrue();
    written.clear();
    site.write("content/blog/20240301-c.md", "---\ntitle: C\ndate: 2024-03-01\ntags: [release, Zażółć]\n---\nNew c.\n");
    assertThat(session.update(List.of(dir.resolve("content/blog/20240301-c.md")), recorder).ok()).isTrue();
    assertThat(new java.util.TreeSet<>(written)).containsExactly("blog/20240301-c.html", "blog/index.html",
        "feed.atom", "feed.rss", "search-index.json", "tags/release/feed.atom", "tags/release/feed.rss", "tags/release/index.html",
        "tags/zazolc/feed.atom", "tags/zazolc/feed.rss", "tags/zazolc/index.html");
  }

  @Test
  void aTagLayoutAddedInServeWritesTheTagPages() {
    assertThat(dir.resolve("layouts/tag.html").toFile().delete()).isTrue();
    Session session = new Session(BuildOptions.of(dir), true);
    MemoryOutput memory = new MemoryOutput();
    session.build(memory);
    memory.commit();
    assertThat(memory.contains("tags/java/index.html")).isFalse();
    site.write("layouts/tag.html", "{% extends \"layouts/base.html\" %}{% block main %}{{ tag.name }}{% endblock %}");
    BuildResult result = session.update(List.of(dir.resolve("layouts/tag.html")), memory);
    memory.commit();
    assertThat(messages(result)).noneMatch(m -> m.contains("layouts/tag.html"));
    assertThat(text(memory, "tags/java/index.html")).contains("<main>Java</main>");
  }

  @Test
  void aWarmCachedBuildWritesTheBytesOfAFreshOne() {
    BuildOptions cached = BuildOptions.of(dir).withOutput(dir.resolve("_cached")).withCache(true);
    BuildOptions fresh = BuildOptions.of(dir).withOutput(dir.resolve("_fresh")).withCache(false);
    assertThat(SiteBuilder.build(cached).ok()).isTrue();
    site.write("content/blog/20240201-b.md", "---\ntitle: B\ndate: 2024-02-01\ntags: [java, Kotlin]\n---\nBody of b.\n");
    site.write("content/blog/20240301-c.md", "---\ntitle: C\ndate: 2024-03-01\ntags: [release, Zażółć]\n---\nNew c.\n");
    BuildResult warm = SiteBuilder.build(cached);
    BuildResult cold = SiteBuilder.build(fresh);
    assertThat(messages(warm)).isEqualTo(messages(cold));
    Map<String, String> expected = outputOf("_fresh");
    assertThat(expected).containsKeys("tags/kotlin/index.html", "tags/kotlin/feed.atom");
    assertThat(outputOf("_cached")).isEqualTo(expected);
    assertThat(site.read("_cached/blog/20240101-a.html")).contains("Java|java|2");
    assertThat(site.read("_cached/tags/index.html")).contains("Kotlin</a> 1");
    // and once more, with nothing changed
    assertThat(SiteBuilder.build(cached).ok()).isTrue();
    assertThat(outputOf("_cached")).isEqualTo(expected);
  }

  private Map<String, String> outputOf(String folder) {
    Map<String, String> files = new TreeMap<>(Snapshot.of(dir.resolve(folder)));
    files.remove(io.sitegen.pipeline.OutputFolder.MARKER);
    files.keySet().removeIf(k -> k.endsWith("/"));
    return files;
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
}
