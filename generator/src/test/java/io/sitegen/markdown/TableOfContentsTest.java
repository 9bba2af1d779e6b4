package io.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.markdown.TableOfContents.Heading;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of contents of a rendered page: headings, their tree, its HTML and the [[toc]] line. */
class TableOfContentsTest {
  private final Markdown markdown = new Markdown(false);

  private String page() {
    return markdown.toHtml("""
        # Release 2.0

        [[toc]]

        ## What's new & *better*

        ### Faster `builds`

        #### Deep

        ## Upgrading

        ```
        [[toc]]
        ```
        """);
  }

  @Test
  void headingsAreReadWithTheirLevelIdAndTextTitle() {
    assertThat(TableOfContents.headings(page())).containsExactly(
        new Heading(1, "release-20", "Release 2.0"),
        new Heading(2, "whats-new-and-better", "What's new & better"),
        new Heading(3, "faster-builds", "Faster builds"),
        new Heading(4, "deep", "Deep"),
        new Heading(2, "upgrading", "Upgrading"));
  }

  @Test
  void theTreeNestsDeeperHeadingsWithinTheLevels() {
    List<Map<String, Object>> tree = TableOfContents.tree(TableOfContents.headings(page()), 2, 3);
    assertThat(tree).hasSize(2);
    assertThat(tree.get(0)).containsEntry("level", 2).containsEntry("id", "whats-new-and-better")
        .containsEntry("title", "What's new & better");
    assertThat(tree.get(0).get("children")).asList().hasSize(1);
    assertThat(tree.get(1)).containsEntry("id", "upgrading").containsEntry("children", List.of());
    assertThat(TableOfContents.tree(TableOfContents.headings(page()), 1, 6))
        .as("one top entry holding the rest").hasSize(1);
  }

  @Test
  void theMarkerParagraphBecomesTheHtmlAndCodeKeepsIt() {
    String html = TableOfContents.replaceMarker(page(), 2, 3);
    assertThat(html).contains("<nav class=\"toc\" aria-label=\"Contents\"><ul>"
        + "<li><a href=\"#whats-new-and-better\">What's new &amp; better</a>"
        + "<ul><li><a href=\"#faster-builds\">Faster builds</a></li></ul></li>"
        + "<li><a href=\"#upgrading\">Upgrading</a></li></ul></nav>");
    assertThat(html).doesNotContain("<p>[[toc]]</p>").contains("<code>[[toc]]\n</code>");
  }

  @Test
  void aPageWithoutHeadingsHasAnEmptyTableOfContents() {
    String html = markdown.toHtml("[[toc]]\n\nJust text.\n");
    assertThat(TableOfContents.headings(html)).isEmpty();
    assertThat(TableOfContents.html(TableOfContents.tree(List.of(), 2, 3))).isEmpty();
    assertThat(TableOfContents.replaceMarker(html, 2, 3)).isEqualTo("\n<p>Just text.</p>\n");
  }

  @Test
  void wordsAndReadingTime() {
    assertThat(TextStats.wordCount("<p>Don't stop &mdash; v6.2 is <em>out</em>, now.</p><script>var x = 1;</script>"))
        .isEqualTo(6);
    assertThat(TextStats.wordCount("")).isZero();
    assertThat(TextStats.readingMinutes(0)).isZero();
    assertThat(TextStats.readingMinutes(1)).isEqualTo(1);
    assertThat(TextStats.readingMinutes(213)).isEqualTo(1);
    assertThat(TextStats.readingMinutes(214)).isEqualTo(2);
  }
}
