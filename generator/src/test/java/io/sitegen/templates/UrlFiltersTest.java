package io.sitegen.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The url and absoluteUrl filters and the exists function, under a sub-path and at a host's root. */
class UrlFiltersTest {
  private final UrlFilters sub = new UrlFilters("https://org.github.io/project/", "/project");
  private final UrlFilters root = new UrlFilters("https://example.org", "");

  @Test
  void urlPutsTheSubPathInFrontOfRootRelativeUrlsOnce() {
    assertThat(sub.url("/css/site.css")).isEqualTo("/project/css/site.css");
    assertThat(sub.url("/")).isEqualTo("/project/");
    assertThat(sub.url("/project/css/site.css")).isEqualTo("/project/css/site.css");
    assertThat(sub.url("/project")).isEqualTo("/project");
    assertThat(sub.url("/project?x#y")).isEqualTo("/project?x#y");
    assertThat(sub.url("/projects/x")).as("a longer first segment is not the sub-path").isEqualTo("/project/projects/x");
    assertThat(sub.url("css/site.css")).isEqualTo("css/site.css");
    assertThat(sub.url("//cdn.example/x.js")).isEqualTo("//cdn.example/x.js");
    assertThat(sub.url("https://elsewhere.example/")).isEqualTo("https://elsewhere.example/");
    assertThat(root.url("/css/site.css")).isEqualTo("/css/site.css");
    for (String u : new String[] {"/", "/a/b.html", "x", "/project/y", "mailto:a@b"}) {
      assertThat(sub.url(sub.url(u))).as("idempotent on %s", u).isEqualTo(sub.url(u));
    }
  }

  @Test
  void absoluteUrlAddsSchemeHostAndSubPathOnce() {
    assertThat(sub.absoluteUrl("/blog/x.html")).isEqualTo("https://org.github.io/project/blog/x.html");
    assertThat(sub.absoluteUrl("/project/blog/x.html")).isEqualTo("https://org.github.io/project/blog/x.html");
    assertThat(sub.absoluteUrl("blog/x.html")).isEqualTo("https://org.github.io/project/blog/x.html");
    assertThat(sub.absoluteUrl(sub.absoluteUrl("/a"))).isEqualTo("https://org.github.io/project/a");
    assertThat(root.absoluteUrl("/")).isEqualTo("https://example.org/");
    assertThat(new UrlFilters("", "").absoluteUrl("/a")).as("no baseUrl: root-relative").isEqualTo("/a");
  }

  @Test
  void existsTellsWhetherTheBuildWritesAUrlWithOrWithoutTheSubPath() {
    Set<String> outputs = Set.of("/docs/", "/feed.rss", "/");
    sub.serving(outputs::contains);
    assertThat(sub.exists("/docs/")).isTrue();
    assertThat(sub.exists("/project/docs/")).isTrue();
    assertThat(sub.exists("/feed.rss?x#y")).isTrue();
    assertThat(sub.exists("/project")).isTrue();
    assertThat(sub.exists("/blog/")).isFalse();
    assertThat(sub.exists("docs/")).as("relative: no page to start from").isFalse();
  }
}
