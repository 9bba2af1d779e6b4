package io.sitegen.pipeline;

import io.sitegen.output.Output;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An update re-renders what a change touches, and no more. */
class SessionTest {
  @TempDir
  Path dir;

  private TestSite site;
  private Session session;
  private final Set<String> written = new TreeSet<>();
  private final Set<String> deleted = new TreeSet<>();

  private final Output recorder = new Output() {
    @Override
    public synchronized void write(String path, byte[] bytes) {
      written.add(path);
    }

    @Override
    public synchronized void copy(Path source, String path) {
      written.add(path);
    }

    @Override
    public synchronized void delete(String path) {
      deleted.add(path);
    }
  };

  @BeforeEach
  void fullBuild() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", """
            baseUrl: https://example.org
            blog: {pageSize: 2, feedSize: 2}
            defaults:
              - scope: {path: blog}
                values: {layout: article}
              - scope: {path: docs}
                values: {layout: doc}
            """)
        .write("layouts/doc.html", "{% extends \"layouts/base.html\" %}")
        .write("layouts/home.html", "{% extends \"layouts/base.html\" %}{% block main %}{% for p in posts %}{{ p.title }}{% endfor %}{% endblock %}")
        .write("content/index.md", "---\nlayout: home\ntitle: Home\n---\n")
        .write("content/blog/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nA text.\n")
        .write("content/blog/b.md", "---\ntitle: B\ndate: 2024-02-01\n---\nB text, [to a](./a.md#a-heading).\n")
        .write("content/blog/c.md", "---\ntitle: C\ndate: 2024-03-01\n---\nC text.\n")
        .write("content/docs/d.md", "# D\n")
        .write("assets/site.css", "x");
    session = new Session(BuildOptions.of(dir), false);
    assertThat(session.build(recorder).problems()).extracting(Object::toString)
        .containsExactly("content/blog/b.md:5: warning: missing anchor ./a.md#a-heading: content/blog/a.md has no id \"a-heading\"");
    written.clear();
  }

  private io.sitegen.pipeline.BuildResult update(String... changed) {
    written.clear();
    deleted.clear();
    return session.update(List.of(changed).stream().map(dir::resolve).toList(), recorder);
  }

  @Test
  void aPostBodyEditRendersThatPostItsIndexPageTheFeedsAndPagesListingPosts() {
    site.write("content/blog/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n# A heading\n\nNew text.\n");
    var result = update("content/blog/a.md");
    assertThat(result.ok()).isTrue();
    // the anchor into a.md now exists: the warning of b.md is gone without re-rendering b.md
    assertThat(result.problems()).isEmpty();
    assertThat(written).containsExactly("blog/a.html", "blog/page/2/index.html", "index.html", "search-index.json");
  }

  @Test
  void aNewestPostEditAlsoRewritesTheFeeds() {
    site.write("content/blog/c.md", "---\ntitle: C\ndate: 2024-03-01\n---\nC changed.\n");
    update("content/blog/c.md");
    assertThat(written).containsExactly("blog/c.html", "blog/index.html", "feed.atom", "feed.rss", "index.html",
        "search-index.json");
  }

  @Test
  void aLayoutEditRendersThePagesThatUseIt() {
    site.write("layouts/doc.html", "{% extends \"layouts/base.html\" %}{% block main %}DOC{% endblock %}");
    update("layouts/doc.html");
    assertThat(written).containsExactly("docs/d.html");
    site.write("layouts/partials/nav.html", "<nav>changed</nav>");
    update("layouts/partials/nav.html");
    assertThat(written).containsExactly("blog/a.html", "blog/b.html", "blog/c.html", "blog/index.html",
        "blog/page/2/index.html", "docs/d.html", "index.html");
  }

  @Test
  void anAssetEditCopiesThatFile() {
    site.write("assets/site.css", "y");
    update("assets/site.css");
    assertThat(written).containsExactly("site.css");
  }

  @Test
  void aDeletedPageLosesItsOutput() throws Exception {
    java.nio.file.Files.delete(dir.resolve("content/docs/d.md"));
    var result = update("content/docs/d.md");
    assertThat(result.ok()).isTrue();
    assertThat(deleted).containsExactly("docs/d.html");
    assertThat(written).contains("blog/a.html", "sitemap.xml");
  }

  @Test
  void aPreviewBodyAnywhereUnderLayoutsRewritesTheIndexThatShowsIt() {
    site.write("layouts/teasers/c.html", "<p>Teaser one</p>");
    site.write("content/blog/c.md", "---\ntitle: C\ndate: 2024-03-01\npreviewBody: teasers/c.html\n---\nC text.\n");
    update("content/blog/c.md");
    site.write("layouts/teasers/c.html", "<p>Teaser two</p>");
    var result = update("layouts/teasers/c.html");
    assertThat(result.ok()).isTrue();
    assertThat(written).containsExactly("blog/index.html", "index.html");
  }

  @Test
  void editorFilesAreNeitherContentNorPublished() {
    site.write("content/blog/.a.md.swp", "binary swap");
    site.write("content/blog/a.md~", "---\ntitle: backup\n---\n");
    site.write("content/blog/#a.md#", "autosave");
    site.write("content/blog/4913", "");
    update("content/blog/.a.md.swp", "content/blog/a.md~", "content/blog/#a.md#", "content/blog/4913");
    assertThat(written).isEmpty();
    assertThat(deleted).isEmpty();
    session.build(recorder);
    assertThat(written).noneMatch(p -> p.endsWith("~") || p.endsWith("#") || p.endsWith(".swp") || p.endsWith("4913"));
  }

  @Test
  void aTitleChangeRelistsButDoesNotReRenderUnrelatedPages() {
    site.write("content/blog/a.md", "---\ntitle: A renamed\ndate: 2024-01-01\n---\nA text.\n");
    update("content/blog/a.md");
    assertThat(written).contains("blog/a.html", "blog/index.html", "blog/page/2/index.html", "index.html",
        "sitemap.xml", "feed.rss").doesNotContain("blog/b.html", "docs/d.html");
  }
}
