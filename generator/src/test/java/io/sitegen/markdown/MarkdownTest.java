package io.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTest {
  private final Markdown markdown = new Markdown(false);

  private Document html(String md) {
    return Jsoup.parseBodyFragment(markdown.toHtml(md));
  }

  @Test
  void tableAlignmentIsWrittenAsStyle() {
    Document doc = html("""
        | Left | Centre | Right |
        |:-----|:------:|------:|
        | a    | b      | c     |
        """);
    assertThat(doc.select("th").eachAttr("style"))
        .containsExactly("text-align:left", "text-align:center", "text-align:right");
    assertThat(doc.select("td").eachAttr("style"))
        .containsExactly("text-align:left", "text-align:center", "text-align:right");
    assertThat(doc.select("[align]")).isEmpty();
  }

  @Test
  void strikethroughAutolinkAndFootnotes() {
    Document doc = html("""
        ~~gone~~ see https://example.org/x?y=1 now[^1].

        [^1]: The note.
        """);
    assertThat(doc.select("del").text()).isEqualTo("gone");
    assertThat(doc.select("a[href=https://example.org/x?y=1]").text()).isEqualTo("https://example.org/x?y=1");
    assertThat(doc.select("sup a.footnote-ref").attr("href")).isEqualTo("#fn-1");
    assertThat(doc.getElementById("fn-1").text()).contains("The note.");
  }

  @Test
  void rawHtmlAndEntitiesPassThrough() {
    Document doc = html("""
        <div class="note" id="custom">kept</div>

        A&mdash;B&nbsp;C
        """);
    assertThat(doc.select("div.note#custom").text()).isEqualTo("kept");
    assertThat(markdown.toHtml("A&mdash;B&nbsp;C")).isEqualTo("<p>A\u2014B\u00a0C</p>\n");
    assertThat(doc.select("p").first().wholeText()).isEqualTo("A\u2014B\u00a0C");
  }

  @Test
  void fencedCodeGetsLanguageClass() {
    Document doc = html("""
        ```yaml
        key: value
        ```
        """);
    assertThat(doc.select("pre > code").attr("class")).isEqualTo("language-yaml");
    assertThat(doc.select("pre > code").text()).isEqualTo("key: value");
  }

  @Test
  void headingsGetIdsAndRepeatsAreNumbered() {
    Document doc = html("""
        # What's new in v6.2
        ## Details
        ## Details
        ### Details
        """);
    assertThat(doc.select("h1,h2,h3").eachAttr("id"))
        .containsExactly("whats-new-in-v62", "details", "details-1", "details-2");
  }

  @Test
  void headingIdsStartAfreshOnEachPage() {
    html("# Same");
    assertThat(html("# Same").select("h1").attr("id")).isEqualTo("same");
  }

  @Test
  void softBreaksFollowTheSetting() {
    String md = "one\ntwo\n";
    assertThat(markdown.toHtml(md)).doesNotContain("<br");
    assertThat(new Markdown(true).toHtml(md)).contains("one<br />\ntwo");
  }

  @Test
  void bareUrlsWwwAndMailAddressesAreLinkedButNotInCode() {
    Document doc = html("""
        Visit www.example.org or write to team@example.org, or see http://a.example/x.

        `https://not.linked/in-code` and [text](https://kept.example/) stay as they are.
        """);
    assertThat(doc.select("a").eachAttr("href")).containsExactly("http://www.example.org",
        "mailto:team@example.org", "http://a.example/x", "https://kept.example/");
    assertThat(doc.select("code").text()).isEqualTo("https://not.linked/in-code");
  }

  @Test
  void onlyTextThatMayHoldALinkIsScanned() {
    assertThat(BareUrls.mayHoldLink("plain words, no links: here")).isFalse();
    assertThat(BareUrls.mayHoldLink("see https://x.org")).isTrue();
    assertThat(BareUrls.mayHoldLink("see WWW.x.org")).isTrue();
    assertThat(BareUrls.mayHoldLink("mail a@b.c")).isTrue();
  }
}
