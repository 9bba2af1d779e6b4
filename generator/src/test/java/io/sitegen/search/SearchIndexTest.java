package io.sitegen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.output.MemoryOutput;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.Session;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search-index.json: its exact bytes, what it leaves out, and that the preview keeps it right. */
class SearchIndexTest {
  @TempDir
  Path dir;

  @TempDir
  Path outputs;

  @Test
  void stringsAreEscapedForJsonAndForAScriptElement() {
    StringBuilder out = new StringBuilder();
    SearchIndex.string(out, "say \"hi\"\\ \n\r\t \u0001 </script><!-- é 日本 😀 \u2028\u2029 \u007f \ud800 x");
    assertThat(out.toString()).isEqualTo(
        "\"say \\\"hi\\\"\\\\ \\n\\r\\t \\u0001 \\u003c/script>\\u003c!-- é 日本 😀 \\u2028\\u2029 \\u007f \\ud800 x\"");
  }

  @Test
  void textIsThePagesWordsWithoutMarkupCutAtAWord() {
    assertThat(SearchIndex.textOf("<h2 id=\"a\">Setup &amp; use</h2>\n<p>Run <code>site &lt;x&gt;</code>,"
        + " then<br>\n<em>see</em>.</p><script>alert(1)</script><style>p{}</style><pre><code>a\n  b</code></pre>"))
        .isEqualTo("Setup & use Run site <x>, then see. a b");
    String words = "word ".repeat(600);
    String cut = SearchIndex.textOf("<p>" + words + "</p>");
    assertThat(cut).hasSize(1999).endsWith("word").doesNotEndWith(" ");
    assertThat(SearchIndex.cut("x".repeat(2500), 2000)).hasSize(2000);
    assertThat(SearchIndex.cut("😀".repeat(1500), 2000)).hasSize(2000);
    assertThat(SearchIndex.cut("a".repeat(1999) + "😀", 2000)).hasSize(1999);
    assertThat(SearchIndex.cut("abc def", 5)).isEqualTo("abc");
    assertThat(SearchIndex.cut("abc def", 3)).isEqualTo("abc");
    assertThat(SearchIndex.textOf(null)).isEmpty();
  }

  /** What a parsed tree says the text is: the one-pass reader must agree with it on real pages, spaces aside. */
  private static String textByJsoup(String html) {
    org.jsoup.nodes.Element body = org.jsoup.Jsoup.parseBodyFragment(html).body();
    body.select("script, style, template, noscript, .footnote-backref").remove();
    return SearchIndex.cut(body.text().replace('\u00a0', ' ').replaceAll("[ \\n\\t\\r\\f]+", " ").trim(),
        SearchIndex.TEXT_LIMIT);
  }

  @Test
  void theTextIsWhatAParsedTreeGivesForTheSampleAndStarterPagesAndOddHtml() throws Exception {
    io.sitegen.markdown.Markdown markdown = new io.sitegen.markdown.Markdown(true);
    List<String> htmls = new java.util.ArrayList<>();
    for (Path folder : List.of(Path.of("../content"), Path.of("src/main/resources/io/sitegen/starter/content"))) {
      try (var files = Files.walk(folder)) {
        for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          htmls.add(markdown.toHtml(Files.readString(md).replaceFirst("(?s)^---\n.*?\n---\n", "")));
        }
      }
    }
    assertThat(htmls).hasSizeGreaterThan(10);
    htmls.add("<p>a<!-- c <p> -->b <script>x<y</script>c<style>p{}</style>d<SCRIPT type=\"t\">s</SCRIPT>e</p>");
    htmls.add("<p>x &amp;&lt;&gt;&quot;&#8617;&nbsp;y&nbsp;&nbsp;z</p><p title=\"a>b\" data-x='c>d'>q</p>");
    htmls.add("<ul><li>one</li><li>two<ul><li>three</li></ul></li></ul><table><tr><td>a</td><td>b</td></tr></table>");
    htmls.add("<p>H<sub>2</sub>O and x<sup>2</sup>, <a href=\"#\">li<em>nk</em></a><img src=\"a.png\" alt=\"A\">z</p>");
    htmls.add("<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\">1</a></sup></p><ol><li><p>Note "
        + "<a href=\"#fnref-1\" class=\"footnote-backref\">&#8617;</a></p></li></ol>");
    htmls.add("<p>a < b and c<d</p><p>" + "long words ".repeat(300) + "</p>");
    htmls.add("<pre><code>line 1\n    line 2\n</code></pre><blockquote><p>quote</p></blockquote><hr><h3>end</h3>");
    for (String html : htmls) {
      // spaces aside: jsoup puts one before the comma in "<del>x</del>," (del is inline)
      assertThat(SearchIndex.textOf(html).replace(" ", "")).as(html).isEqualTo(textByJsoup(html).replace(" ", ""));
    }
  }

  private TestSite smallSite(String baseUrl) {
    return TestSite.withLayouts(dir)
        .write("site.yml", "title: Search\nbaseUrl: " + baseUrl + "\n"
            + "defaults:\n  - scope: {path: ''}\n    values: {layout: article}\n"
            + "  - scope: {path: blog}\n    values: {layout: article, date: 2024-01-01}\n")
        .write("content/index.md", "---\ntitle: Home\n---\nWelcome home.\n")
        .write("content/404.md", "---\ntitle: Not found\nsitemap: false\npermalink: /404.html\n---\nNothing here.\n")
        .write("content/blog/quotes.md", "---\ntitle: 'Say \"hi\" </script>'\ntags: [release, \"ü\"]\n---\n"
            + "# Heading\n\nLine one\nline two with `<script>` and café.\n\n    code\n    block\n")
        .write("content/blog/next.md", "---\ntitle: Next\ndraft: true\n---\nSecret draft words.\n")
        .write("content/docs/index.md", "---\ntitle: Docs\ntags: one\n---\nThe docs.\n");
  }

  private static final String INDEX = "["
      + "{\"title\":\"Home\",\"url\":\"/\",\"section\":\"\",\"tags\":[],\"text\":\"Welcome home.\"},"
      + "{\"title\":\"Say \\\"hi\\\" \\u003c/script>\",\"url\":\"/blog/quotes.html\",\"section\":\"blog\","
      + "\"tags\":[\"release\",\"ü\"],\"text\":\"Heading Line one line two with \\u003cscript> and café. code block\"},"
      + "{\"title\":\"Docs\",\"url\":\"/docs/\",\"section\":\"docs\",\"tags\":[\"one\"],\"text\":\"The docs.\"}"
      + "]\n";

  @Test
  void aSmallSitesIndexIsExactlyThisJsonWithoutDraftsOrThe404Page() throws Exception {
    smallSite("https://example.org");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withOutput(outputs.resolve("out")));
    // the fixture has tags but no tag layouts: only the warnings that say so
    assertThat(result.problems()).noneMatch(io.sitegen.problems.Problem::isError)
        .allMatch(p -> p.file().startsWith("layouts/tag"));
    assertThat(Files.readString(outputs.resolve("out/search-index.json"), StandardCharsets.UTF_8)).isEqualTo(INDEX);
    // --drafts lists drafts in the blog index, never in the search index
    SiteBuilder.build(BuildOptions.of(dir).withOutput(outputs.resolve("drafts")).withDrafts(true));
    assertThat(Files.readString(outputs.resolve("drafts/search-index.json"))).isEqualTo(INDEX);
    // drafts: unlisted publishes drafts, noindex: not in the index either
    new TestSite(dir).write("site.yml", new TestSite(dir).read("site.yml") + "drafts: unlisted\n");
    SiteBuilder.build(BuildOptions.of(dir).withOutput(outputs.resolve("unlisted")));
    assertThat(outputs.resolve("unlisted/blog/next.html")).exists();
    assertThat(Files.readString(outputs.resolve("unlisted/search-index.json"))).isEqualTo(INDEX);
  }

  @Test
  void urlsHaveTheSubPath() throws Exception {
    smallSite("https://org.github.io/project/");
    SiteBuilder.build(BuildOptions.of(dir).withOutput(outputs.resolve("out")));
    String index = Files.readString(outputs.resolve("out/search-index.json"));
    assertThat(index).isEqualTo(INDEX.replace("\"url\":\"/", "\"url\":\"/project/"));
  }

  @Test
  void aSiteFileOfTheSameNameIsAnError() {
    smallSite("https://example.org").write("assets/search-index.json", "[]");
    BuildResult result = SiteBuilder.build(BuildOptions.of(dir).withOutput(outputs.resolve("out")));
    assertThat(result.problems()).extracting(Object::toString)
        .contains("assets/search-index.json: writes /search-index.json, which the generator writes too");
  }

  @Test
  void thePreviewKeepsTheIndexRightAfterEachEdit() throws Exception {
    TestSite site = smallSite("https://example.org");
    Session session = new Session(new BuildOptions(dir, dir.resolve("_site"), true, false, false), true);
    MemoryOutput memory = new MemoryOutput();
    assertThat(session.build(memory).ok()).isTrue();
    memory.commit();
    String[][] edits = {
        {"content/blog/quotes.md", "---\ntitle: Quotes\ntags: [release]\n---\nNew body text.\n"},
        {"content/docs/index.md", "---\ntitle: Documentation\ntags: one\n---\nThe docs.\n"},
        {"content/docs/index.md", "---\ntitle: Documentation\ntags: one\nsitemap: false\n---\nThe docs.\n"},
        {"content/docs/index.md", "---\ntitle: Documentation\ntags: [one, two]\n---\nThe docs, again.\n"},
        {"content/blog/next.md", "---\ntitle: Next\n---\nPublished words.\n"},
        {"content/blog/added.md", "---\ntitle: Added\n---\nA new post.\n"},
        {"layouts/article.html", "{% extends \"layouts/base.html\" %}{% block main %}<div>{{ page.content }}</div>{% endblock %}"},
    };
    int n = 0;
    for (String[] edit : edits) {
      site.write(edit[0], edit[1]);
      BuildResult updated = session.update(List.of(dir.resolve(edit[0])), memory);
      assertThat(updated.ok()).as(edit[0]).isTrue();
      memory.commit();
      Path fresh = outputs.resolve("fresh-" + n++);
      // a build of the site as it is now, as the preview builds it (drafts listed, never indexed)
      SiteBuilder.build(new BuildOptions(dir, fresh, true, true, false));
      assertThat(new String(memory.get("search-index.json"), StandardCharsets.UTF_8)).as(edit[0] + " " + edit[1])
          .isEqualTo(Files.readString(fresh.resolve("search-index.json")));
    }
    String last = new String(memory.get("search-index.json"), StandardCharsets.UTF_8);
    assertThat(last).contains("\"title\":\"Quotes\"", "New body text.", "\"tags\":[\"one\",\"two\"]", "The docs, again.",
        "Published words.", "A new post.");
  }

  @Test
  void aPageEditThatLeavesTheTextAsItWasDoesNotRewriteTheIndex() {
    TestSite site = smallSite("https://example.org");
    Session session = new Session(new BuildOptions(dir, dir.resolve("_site"), true, false, false), true);
    MemoryOutput memory = new MemoryOutput();
    session.build(memory);
    memory.commit();
    byte[] before = memory.get("search-index.json");
    // the same words, other markup: the page changes, its index entry does not
    site.write("content/index.md", "---\ntitle: Home\n---\n*Welcome* home.\n");
    List<String> written = new java.util.ArrayList<>();
    session.update(List.of(dir.resolve("content/index.md")), new io.sitegen.output.Output() {
      @Override
      public void write(String path, byte[] bytes) {
        written.add(path);
      }

      @Override
      public void copy(Path source, String path) {
        written.add(path);
      }

      @Override
      public void delete(String path) {
        written.add("-" + path);
      }
    });
    assertThat(written).containsExactly("index.html");
    assertThat(memory.get("search-index.json")).isEqualTo(before);
  }
}
