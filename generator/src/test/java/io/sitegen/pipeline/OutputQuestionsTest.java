package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.output.Output;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page is reused while the answers its layout got about the other outputs hold: adding a post
 * renders again only what lists it, and a page whose nav link stops leading anywhere, or whose
 * exists() answer changes, is rendered again and its problem found.
 */
class OutputQuestionsTest {
  @TempDir
  Path dir;

  private TestSite site;

  /** Keeps what each run wrote with its key, and counts what a run rendered rather than reused; pages are written from many threads. */
  static final class KeyedOutput implements Output {
    final Map<String, byte[]> files = new HashMap<>();
    final Map<String, String> keys = new HashMap<>();
    final Set<String> written = new TreeSet<>();

    @Override
    public void write(String path, byte[] bytes) {
      write(path, bytes, null);
    }

    @Override
    public synchronized void write(String path, byte[] bytes, String key) {
      files.put(path, bytes);
      if (key == null) keys.remove(path); else keys.put(path, key);
      written.add(path);
    }

    @Override
    public synchronized boolean reuse(String path, String key) {
      return key.equals(keys.get(path));
    }

    @Override
    public void copy(Path source, String path) {}

    @Override
    public synchronized void delete(String path) {
      files.remove(path);
      keys.remove(path);
    }
  }

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", "baseUrl: https://example.org\ndefaults:\n  - scope: {path: ''}\n    values: {layout: article}\n"
            + "  - scope: {path: blog}\n    values: {date: 2024-01-01}\n")
        .write("layouts/partials/nav.html", "<nav><a href=\"/docs/guide.html\">guide</a>"
            + "{% if exists(\"/about/\") %}<a href=\"/about/\">about</a>{% endif %}</nav>")
        .write("content/docs/guide.md", "# Guide\n")
        .write("content/blog/one.md", "---\ndate: 2024-01-01\n---\n# One\n")
        .write("content/blog/two.md", "---\ndate: 2024-02-01\n---\n# Two\n");
  }

  private KeyedOutput build(KeyedOutput last) {
    KeyedOutput out = new KeyedOutput();
    out.keys.putAll(last.keys);
    out.files.putAll(last.files);
    Session session = new Session(BuildOptions.of(dir).withCache(true), false);
    try {
      session.build(out);
    } finally {
      session.close();
    }
    return out;
  }

  @Test
  void addingAPostRendersWhatListsItNotEveryPage() {
    KeyedOutput first = build(new KeyedOutput());
    assertThat(first.written).contains("blog/one.html", "blog/two.html", "docs/guide.html", "blog/index.html");
    assertThat(build(first).written).as("nothing changed").doesNotContain("blog/one.html", "docs/guide.html");
    site.write("content/blog/three.md", "---\ndate: 2024-03-01\n---\n# Three\n");
    KeyedOutput added = build(first);
    // two.html gets a next post; one.html and the docs are as they were
    assertThat(added.written).contains("blog/three.html", "blog/index.html", "blog/two.html")
        .doesNotContain("blog/one.html", "docs/guide.html");
  }

  @Test
  void aPageIsRenderedAgainWhenAnAnswerItGotChanges() {
    KeyedOutput first = build(new KeyedOutput());
    site.write("content/about/index.md", "# About\n");
    KeyedOutput withAbout = build(first);
    assertThat(withAbout.written).contains("blog/one.html", "docs/guide.html");
    assertThat(new String(withAbout.files.get("blog/one.html"))).contains("<a href=\"/about/\">about</a>");
    site.delete("content/docs/guide.md");
    Session session = new Session(BuildOptions.of(dir).withCache(true), false);
    KeyedOutput out = new KeyedOutput();
    out.keys.putAll(withAbout.keys);
    BuildResult result = session.build(out);
    session.close();
    assertThat(result.problems()).extracting(Object::toString)
        .contains("layouts/partials/nav.html:1: broken link /docs/guide.html (on 4 pages)");
  }
}
