package io.sitegen.blog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {
  @Test
  void firstParagraphAsText() {
    String html = "<h1 id=\"t\">Title</h1>\n<p>First <em>one</em> &amp; only.</p>\n<p>Second.</p>\n";
    assertThat(Excerpt.of(html, 200)).isEqualTo("First one & only.");
  }

  @Test
  void everythingBeforeTheMoreMarkerWithoutHeadings() {
    String html = "<h1>Title</h1>\n<p>One.</p>\n<ul>\n<li>Two.</li>\n</ul>\n<!-- more -->\n<p>Hidden.</p>\n";
    assertThat(Excerpt.of(html, 200)).isEqualTo("One. Two.");
  }

  @Test
  void cutAtAWordBoundaryNearTheLength() {
    assertThat(Excerpt.cut("alpha beta gamma delta", 12)).isEqualTo("alpha beta\u2026");
    assertThat(Excerpt.cut("alpha beta, gamma delta", 12)).isEqualTo("alpha beta\u2026");
    assertThat(Excerpt.cut("short", 12)).isEqualTo("short");
    assertThat(Excerpt.cut("a incomprehensibilities", 12)).isEqualTo("a incomprehensibilities");
    assertThat(Excerpt.cut("a incomprehensibilities more", 12)).isEqualTo("a incomprehensibilities\u2026");
  }

  @Test
  void noParagraphNoExcerpt() {
    assertThat(Excerpt.of("<h2>Only a heading</h2>", 100)).isEmpty();
  }
}
