package io.sitegen.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchorsTest {
  @Test
  void readsIdsInEveryQuotingAndAnchorNames() {
    String html = """
        <h2 id="a-heading">A</h2>
        <div ID='single' class="x"><span data-x="1" id=bare>t</span></div>
        <a name="old-style" href="#x">n</a>
        <input name="not-an-anchor">
        <p>Text that shows id="not-an-id" as &lt;b id="escaped"&gt;</p>
        <h3 id="amp-&amp;-id">B</h3>
        """;
    assertThat(Anchors.of(html))
        .containsExactlyInAnyOrder("a-heading", "single", "bare", "old-style", "amp-&-id");
  }

  @Test
  void aTagHeavyPageIsScannedInLinearTime() {
    // indexOf('=') from each tag used to scan to the end of the page when the tag had none: a
    // 40,000-item list took 12.8 s in a build. Generous bound that only a quadratic scan would break.
    StringBuilder html = new StringBuilder("<ul>\n");
    for (int i = 0; i < 40_000; i++) html.append("<li>item ").append(i).append("</li>\n");
    html.append("</ul>\n<h2 id=\"end\">End</h2>\n<div title='unclosed>\n");
    for (int i = 0; i < 40_000; i++) html.append("<p title='x>").append(i).append("</p>\n");
    long start = System.nanoTime();
    assertThat(Anchors.of(html.toString())).containsExactly("end");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
