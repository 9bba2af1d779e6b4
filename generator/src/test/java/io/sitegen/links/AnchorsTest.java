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
}
