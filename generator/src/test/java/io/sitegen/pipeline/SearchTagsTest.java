package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index names a page's tags as its tag pages do: two spellings of one tag are one name. */
class SearchTagsTest {
  @TempDir
  Path dir;

  @Test
  void mergedSpellingsAreOneTagInTheIndex() {
    TestSite site = TestSite.withLayouts(dir)
        .write("layouts/tag.html", "{% extends \"layouts/base.html\" %}{% block main %}{{ tag.name }}{% endblock %}")
        .write("layouts/tags.html", "{% extends \"layouts/base.html\" %}{% block main %}tags{% endblock %}")
        .write("content/blog/a.md", "---\nlayout: article\ndate: 2024-01-01\ntags: [Java]\n---\nA.\n")
        .write("content/blog/b.md", "---\nlayout: article\ndate: 2024-02-01\ntags: [java]\n---\nB.\n");
    SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")));
    String index = site.read("_site/search-index.json");
    assertThat(index).contains("\"url\":\"/blog/a.html\",\"section\":\"blog\",\"tags\":[\"Java\"]",
        "\"url\":\"/blog/b.html\",\"section\":\"blog\",\"tags\":[\"Java\"]").doesNotContain("\"java\"");
  }
}
