package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.output.MemoryOutput;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After any sequence of edits, three ways of building give the same bytes: the preview server's
 * {@link Session#update} of what changed, a build that takes unchanged pages from the cache, and
 * a fresh build with no cache. Edits are drawn at random from a seed that changes every run and
 * is printed with a failure ({@code -Dsitegen.seed=N} replays it).
 */
class EquivalenceTest {
  private static final int SEQUENCES = 12;
  private static final int EDITS = 8;

  @TempDir
  Path dir;

  @TempDir
  Path outputs;

  private TestSite site;
  private Random random;
  private int counter;

  @Test
  void updateCachedBuildAndFreshBuildAgreeAfterRandomEdits() throws Exception {
    long seed = Long.getLong("sitegen.seed", System.nanoTime());
    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      Path root = dir.resolve("site-" + sequence);
      random = new Random(seed + sequence);
      site = startingSite(root);
      Session session = new Session(options(root, "unused"), true);
      MemoryOutput memory = new MemoryOutput();
      assertThat(session.build(memory).ok()).isTrue();
      memory.commit();
      List<String> done = new ArrayList<>();
      for (int edit = 0; edit < EDITS; edit++) {
        List<Path> changed = new ArrayList<>();
        done.add(randomEdit(root, changed));
        String where = "seed " + seed + ", sequence " + sequence + ", after " + done;
        BuildResult updated = session.update(changed, memory);
        if (updated.ok()) memory.commit();

        BuildResult cached = SiteBuilder.build(options(root, "cached-" + sequence).withCache(true));
        BuildResult fresh = SiteBuilder.build(options(root, "fresh-" + sequence).withCache(false));
        assertThat(messages(cached)).as(where).isEqualTo(messages(fresh));
        assertThat(messages(updated)).as(where).isEqualTo(messages(fresh));
        assertThat(updated.ok()).as(where).isEqualTo(fresh.ok());
        if (!fresh.ok()) continue;
        Map<String, String> expected = withoutMarker(Snapshot.of(outputs.resolve("fresh-" + sequence)));
        assertThat(withoutMarker(Snapshot.of(outputs.resolve("cached-" + sequence)))).as(where).isEqualTo(expected);
        assertThat(digests(memory)).as(where).isEqualTo(expected);
      }
    }
  }

  private BuildOptions options(Path root, String output) {
    return new BuildOptions(root, outputs.resolve(output), false, true, false).withThreads(2);
  }

  private static List<String> messages(BuildResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  private static Map<String, String> withoutMarker(Map<String, String> files) {
    Map<String, String> copy = new TreeMap<>(files);
    copy.remove(OutputFolder.MARKER);
    copy.keySet().removeIf(k -> k.endsWith("/"));
    return copy;
  }

  private static Map<String, String> digests(MemoryOutput memory) throws Exception {
    Map<String, String> files = new TreeMap<>();
    for (String path : memory.paths()) {
      files.put(path, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(memory.get(path))));
    }
    return files;
  }

  private static TestSite startingSite(Path root) {
    TestSite site = TestSite.withLayouts(root)
        .write("site.yml", """
            title: Equivalence
            baseUrl: https://example.org
            blog: {pageSize: 2, feedSize: 2}
            languages: {en: {name: English}, pl: {name: Polski, blog: true}}
            translations: {pattern: "{dir}/lang/{lang}/{file}", preferSameLanguage: true}
            defaults:
              - scope: {path: blog}
                values: {layout: article}
              - scope: {path: docs}
                values: {layout: doc}
            """)
        .write("layouts/doc.html", "{% extends \"layouts/base.html\" %}{% block main %}<ul>{% for p in pages %}<li>{{ p.title }}</li>{% endfor %}</ul>"
            + "{{ page.lang }} {% for v in page.translations %}{{ v.lang }} {{ v.title }} {{ v.url }};{% endfor %}"
            + " {{ page.outdated }} {{ i18n(\"hello\") }}{{ page.content }}{% endblock %}")
        .write("i18n/en.yml", "hello: Hello\n")
        // tags: the tag pages, every page's page.tags with its counts, and site.tags
        .write("layouts/article.html", ARTICLE.replace("N", "0"))
        .write("layouts/tags.html", "{% extends \"layouts/base.html\" %}{% block main %}{% for t in tags %}<a href=\"{{ t.url }}\">"
            + "{{ t.name }}</a> {{ t.count }}{% endfor %}{% endblock %}")
        .write("layouts/tag.html", "{% extends \"layouts/base.html\" %}{% block main %}{{ tag.name }}{% for p in paginator.posts %}"
            + "<a href=\"{{ p.url }}\">{{ p.title }}</a>{{ p.preview }}{% endfor %}{{ paginator.next }} {{ tag.rss }}"
            + " {{ site.tags | length }}{% endblock %}")
        .write("layouts/home.html", "{% extends \"layouts/base.html\" %}{% block main %}{% for p in posts %}<p>{{ p.title }}: {{ p.preview }}</p>{% endfor %}"
            + "<p>{{ data.home.motto }}</p>{% endblock %}")
        .write("data/home.yml", "motto: First\n")
        .write("layouts/teasers/t.html", "<p>Teaser</p>")
        // a layout whose include is named by the page: any layout file can be part of it
        .write("layouts/dyn.html", "{% extends \"layouts/base.html\" %}{% block main %}{% include page.partial %}"
            + "{{ page.content }}{% endblock %}")
        .write("layouts/parts/a.html", "<aside>A</aside>")
        .write("layouts/parts/b.html", "<aside>B</aside>")
        .write("content/docs/extra.md", "---\ntitle: Extra\nlayout: dyn\npartial: layouts/parts/a.html\n---\nExtra.\n")
        .write("content/index.md", "---\nlayout: home\ntitle: Home\n---\nWelcome.\n")
        .write("content/docs/guide.md", "---\ntitle: Guide\n---\n# Guide\n\n## Setup\n\nSee [the first post](../blog/p1.md).\n")
        .write("content/docs/lang/pl/guide.md", "---\ntitle: Przewodnik\nrevision: 2024-01-01\n---\n# Przewodnik\n\n"
            + "[Extra](extra.md)\n")
        .write("content/blog/lang/pl/p1.md", post("Wpis 1", "2024-01-01", "Tekst.\n"))
        .write("assets/css/site.css", "body { color: black }\n");
    for (int i = 1; i <= 4; i++) {
      site.write("content/blog/p" + i + ".md", post("Post " + i, "2024-01-0" + i, "Text of post " + i + ".\n"));
    }
    site.write("content/blog/p1.md", post("Post 1", "2024-01-01", "Text of post 1.\n").replace("---\nText", "tags: [Java, release]\n---\nText"));
    site.write("content/blog/p3.md", post("Post 3", "2024-01-03", "Text of post 3.\n").replace("---\nText", "tags: java\n---\nText"));
    site.write("content/blog/p2.md", "---\ntitle: Post 2\ndate: 2024-01-02\npreviewBody: teasers/t.html\n---\n"
        + "Text of post 2, see [guide setup](../docs/guide.md#setup).\n");
    return site;
  }

  private static final String ARTICLE = "{% extends \"layouts/base.html\" %}{% block main %}<article data-n=\"N\">"
      + "{{ page.content }}</article>{% for t in page.tags %}<a href=\"{{ t.url }}\">{{ t.name }} {{ t.count }}</a>{% endfor %}"
      + "{% endblock %}";

  private static final List<String> TAGS = List.of("Java", "java", "Zażółć", "release", "Kotlin");

  private static String post(String title, String date, String body) {
    return "---\ntitle: " + title + "\ndate: " + date + "\n---\n" + body;
  }

  /** Makes one random edit, adds the paths it touched to {@code changed}, and says what it did. */
  private String randomEdit(Path root, List<Path> changed) throws IOException {
    List<String> posts = posts(root);
    String any = posts.isEmpty() ? null : posts.get(random.nextInt(posts.size()));
    int kind = random.nextInt(20);
    if (any == null && (kind <= 4 || kind == 17)) kind = 1;
    String n = String.valueOf(++counter);
    switch (kind) {
      case 0 -> {
        String other = posts.get(random.nextInt(posts.size()));
        append(root, any, "\n## Part " + n + "\n\nMore text " + n + ", see [another](./" + fileName(other) + ").\n", changed);
        return "edit " + any;
      }
      case 1 -> {
        String rel = "content/blog/new-" + n + ".md";
        write(root, rel, post("New " + n, "2024-02-" + (10 + random.nextInt(18)), "A new post " + n + ".\n"), changed);
        return "add " + rel;
      }
      case 2 -> {
        Files.delete(root.resolve(any));
        changed.add(root.resolve(any));
        // a link to it elsewhere would break the build, as a user would see; the three must agree on that too
        return "delete " + any;
      }
      case 3 -> {
        String to = "content/blog/moved-" + n + ".md";
        Files.move(root.resolve(any), root.resolve(to));
        changed.add(root.resolve(any));
        changed.add(root.resolve(to));
        return "move " + any;
      }
      case 4 -> {
        String text = Files.readString(root.resolve(any));
        boolean title = random.nextBoolean();
        text = title ? text.replaceFirst("title: [^\\n]*", "title: Renamed " + n)
            : text.replaceFirst("date: [^\\n]*", "date: 2023-12-" + (10 + random.nextInt(18)));
        write(root, any, text, changed);
        return (title ? "retitle " : "redate ") + any;
      }
      case 5 -> {
        write(root, "layouts/article.html", ARTICLE.replace("N", n), changed);
        return "change layout";
      }
      case 6 -> {
        write(root, "layouts/teasers/t.html", "<p>Teaser " + n + "</p>", changed);
        return "change previewBody file";
      }
      case 7 -> {
        write(root, "site.yml", Files.readString(root.resolve("site.yml")).replaceFirst("title: [^\\n]*", "title: Site " + n),
            changed);
        return "change site.yml";
      }
      case 8 -> {
        write(root, "assets/css/site.css", "body { color: #" + n + " }\n", changed);
        return "change asset";
      }
      case 9 -> {
        write(root, "content/blog/p1.md~", "backup " + n, changed);
        write(root, "content/blog/.p1.md.swp", "swap " + n, changed);
        return "temp files";
      }
      case 10 -> {
        String text = Files.readString(root.resolve(any)).replaceFirst("tags: [^\\n]*\\n", "");
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) if (random.nextInt(3) == 0) tags.add(tag);
        write(root, any, text.replaceFirst("\n---\n", "\ntags: [" + String.join(", ", tags) + "]\n---\n"), changed);
        return "tag " + any + " " + tags;
      }
      case 11 -> {
        String part = random.nextBoolean() ? "a" : "b";
        write(root, "layouts/parts/" + part + ".html", "<aside>" + part + " " + n + "</aside>", changed);
        return "change included layout " + part;
      }
      case 12 -> {
        String part = random.nextBoolean() ? "a" : "b";
        write(root, "content/docs/extra.md", "---\ntitle: Extra\nlayout: dyn\npartial: layouts/parts/" + part
            + ".html\n---\nExtra.\n", changed);
        return "include " + part;
      }
      case 13 -> {
        append(root, any, "\nSee [setup as GitHub names it](../docs/guide.md#set----up) " + n + ".\n", changed);
        return "link by GitHub id from " + any;
      }
      case 15 -> {
        boolean json = random.nextBoolean();
        Files.deleteIfExists(root.resolve(json ? "data/home.yml" : "data/home.json"));
        changed.add(root.resolve(json ? "data/home.yml" : "data/home.json"));
        write(root, json ? "data/home.json" : "data/home.yml", json ? "{\"motto\": \"Motto " + n + "\"}"
            : "motto: Motto " + n + "\n", changed);
        return "change data as " + (json ? "JSON" : "YAML");
      }
      case 14 -> {
        write(root, "content/docs/guide.md", "---\ntitle: Guide " + n + "\n---\n# Guide\n\n## Set -- up\n\nText " + n
            + ".\n", changed);
        return "heading GitHub ids differ for";
      }
      case 16 -> {
        write(root, "content/docs/lang/pl/guide.md", "---\ntitle: Przewodnik " + n + "\nrevision: 2024-01-"
            + (10 + random.nextInt(18)) + "\n---\n# Przewodnik\n\n[Extra](extra.md), [wpis](../../../blog/p1.md)\n", changed);
        return "revise translation";
      }
      case 17 -> {
        String rel = "content/blog/lang/pl/" + fileName(any);
        if (Files.exists(root.resolve(rel))) {
          Files.delete(root.resolve(rel));
          changed.add(root.resolve(rel));
          return "delete translation " + rel;
        }
        write(root, rel, post("Wpis " + n, "2024-01-0" + (1 + random.nextInt(9)), "Tekst " + n + ".\n"), changed);
        return "translate " + any;
      }
      case 19 -> {
        String lang = random.nextBoolean() ? "en" : "pl";
        if (random.nextInt(4) == 0) {
          Files.deleteIfExists(root.resolve("i18n/" + lang + ".yml"));
          changed.add(root.resolve("i18n/" + lang + ".yml"));
          return "delete i18n/" + lang + ".yml";
        }
        write(root, "i18n/" + lang + ".yml", "hello: Hello " + n + "\n", changed);
        return "change i18n/" + lang + ".yml";
      }
      case 18 -> {
        write(root, "content/docs/guide.md", "---\ntitle: Guide " + n + "\nrevision: 2024-01-" + (10 + random.nextInt(18))
            + "\n---\n# Guide\n\n## Setup\n\nText " + n + ".\n", changed);
        return "revise original";
      }
      default -> {
        write(root, "content/docs/guide.md", "---\ntitle: Guide " + n + "\n---\n# Guide\n\n## Setup\n\nText " + n + ".\n",
            changed);
        return "edit docs";
      }
    }
  }

  private static String fileName(String rel) {
    return rel.substring(rel.lastIndexOf('/') + 1);
  }

  private static List<String> posts(Path root) {
    try (Stream<Path> files = Files.list(root.resolve("content/blog"))) {
      return files.map(p -> "content/blog/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Path root, String rel, String text, List<Path> changed) throws IOException {
    write(root, rel, Files.readString(root.resolve(rel)) + text, changed);
  }

  private static void write(Path root, String rel, String text, List<Path> changed) throws IOException {
    Files.createDirectories(root.resolve(rel).getParent());
    Files.writeString(root.resolve(rel), text);
    changed.add(root.resolve(rel));
  }
}
