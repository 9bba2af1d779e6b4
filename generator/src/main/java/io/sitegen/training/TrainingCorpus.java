package io.sitegen.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a generated site for the training build that makes the class archive (see the {@code site}
 * launcher): posts shaped like release notes, with the Markdown a blog uses (headings, emphasis,
 * lists, tables, fenced code, block quotes, footnotes, strikethrough, entities, bare URLs, raw HTML),
 * links to earlier posts and their headings and to docs pages, images, drafts, previews and a
 * {@code <!-- more -->} excerpt, and layouts that extend, include and loop. Every link resolves.
 * The same number of posts gives the same files. It is generated rather than shipped so that it is
 * there wherever the archive is made, a fresh clone included.
 */
public final class TrainingCorpus {
  private static final String[] WORDS = ("relay queue server client release build network latency storage "
      + "index cache feed draft preview layout template anchor heading permalink sitemap archive migration "
      + "schema upgrade rollback deploy pipeline worker thread memory budget metric trace audit policy review "
      + "patch branch commit tag version channel").split(" ");
  private static final byte[] PNG = hex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
      + "0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a60000000049454e44ae426082");

  private final SplittableRandom random = new SplittableRandom(7);

  private TrainingCorpus() {}

  /** Writes a site of {@code posts} posts (and a few docs pages) into {@code dir}. */
  public static void write(Path dir, int posts) throws IOException {
    new TrainingCorpus().site(dir, posts);
  }

  private void site(Path dir, int posts) throws IOException {
    write(dir.resolve("site.yml"), """
        title: Training
        description: A generated site for the training build.
        baseUrl: https://example.org
        markdown:
          softBreaksAsBr: true
        defaults:
          - scope: {path: blog}
            values: {layout: article}
          - scope: {path: docs}
            values: {layout: doc, permalink: "/{path:lower}.html"}
        """);
    write(dir.resolve("layouts/base.html"), """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{% block title %}{{ page.title }} · {{ site.title }}{% endblock %}</title>
        <meta name="description" content="{{ site.description }}"></head>
        <body><nav><a href="/blog/"{% if page.section == "blog" %} aria-current="page"{% endif %}>Blog</a></nav>
        <main>{% block main %}{{ page.content }}{% endblock %}</main></body></html>
        """);
    write(dir.resolve("layouts/article.html"), """
        {% extends "layouts/base.html" %}
        {% block main %}<article>{% if page.date is not null %}<time datetime="{{ page.date | date("yyyy-MM-dd") }}">{{ page.date | date("d MMM yyyy") }}</time>{% endif %}
        {{ page.content }}</article>{% endblock %}
        """);
    write(dir.resolve("layouts/doc.html"), """
        {% extends "layouts/base.html" %}
        {% block main %}<div class="doc">{{ page.content }}</div><ul>{% for p in pages %}{% if p.section == "docs" %}<li><a href="{{ p.url }}">{{ p.title }}</a></li>{% endif %}{% endfor %}</ul>{% endblock %}
        """);
    write(dir.resolve("layouts/card.html"), """
        <div class="card{% if post.imageWide %} wide{% endif %}">{% if post.image is not null %}<img src="{{ post.image }}" alt="">{% endif %}
        <a href="{{ post.url }}">{{ post.title }}</a> <time>{{ post.date | date("yyyy-MM-dd") }}</time>{{ post.preview }}</div>
        """);
    write(dir.resolve("layouts/blog.html"), """
        {% extends "layouts/base.html" %}
        {% block main %}<h1>{{ page.title }}</h1>{% for post in paginator.posts %}{% include "layouts/card.html" %}{% endfor %}
        {% if paginator.previous is not null %}<a href="{{ paginator.previous }}">newer</a>{% endif %}
        {% if paginator.next is not null %}<a href="{{ paginator.next }}">older</a>{% endif %}{% endblock %}
        """);
    write(dir.resolve("assets/css/site.css"), "body { font-family: sans-serif; }\n");

    List<String[]> docs = new ArrayList<>(); // {name, heading}
    for (int d = 0; d < 12; d++) {
      String name = words(1, 1).toUpperCase(Locale.ROOT) + "_" + d;
      StringBuilder body = new StringBuilder("---\ntitle: \"" + name + " guide\"\n---\n# " + name + "\n\n");
      String first = null;
      for (int k = 0; k < 4; k++) {
        String heading = capitalized(words(2, 4)) + " " + d + " " + k;
        if (first == null) first = heading;
        body.append("## ").append(heading).append("\n\n").append(paragraph()).append("\n\n");
      }
      docs.add(new String[] {name, first});
      write(dir.resolve("content/docs/" + name + ".md"), body.toString());
    }

    LocalDate start = LocalDate.of(2020, 1, 1);
    List<String[]> published = new ArrayList<>(); // {stem, heading}
    for (int i = 0; i < posts; i++) {
      LocalDate day = start.plusDays(i / 2);
      String title = capitalized(words(2, 5)) + " " + i;
      String stem = day.toString().replace("-", "") + "-" + slug(title);
      boolean draft = i % 25 == 24;
      StringBuilder md = new StringBuilder("---\n");
      md.append("title: \"").append(title).append("\"\ndate: ").append(day).append('\n');
      if (i % 5 == 0) {
        md.append("image: images/").append(stem).append(".png\n");
        Files.createDirectories(dir.resolve("content/blog/images"));
        Files.write(dir.resolve("content/blog/images/" + stem + ".png"), PNG);
        if (i % 10 == 0) md.append("imageWide: true\n");
      }
      if (i % 7 == 3) md.append("# previewBody: blog_previews/").append(stem).append(".html\n");
      if (i % 11 == 5) md.append("preview: \"<p>").append(capitalized(words(4, 8))).append(".</p>\"\n");
      if (draft) md.append("draft: true\n");
      md.append("---\n\n# ").append(title).append("\n\n");
      md.append("**Released:** ").append(day).append(" &mdash; version ").append(i / 10).append('.').append(i % 10)
          .append(" *(").append(words(1, 2)).append(")*\n\n");
      if (i % 3 == 0) md.append(paragraph()).append("\n\n<!-- more -->\n\n");
      List<String> headings = new ArrayList<>();
      int sections = 3 + random.nextInt(4);
      for (int k = 0; k < sections; k++) {
        String heading = capitalized(words(2, 5)) + " " + i + " " + k;
        headings.add(heading);
        md.append(k % 4 == 3 ? "### " : "## ").append(heading).append("\n\n");
        int paragraphs = 2 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
          md.append(paragraph());
          if (!published.isEmpty() && random.nextInt(2) == 0) {
            String[] to = published.get(published.size() - 1 - random.nextInt(Math.min(40, published.size())));
            md.append(random.nextInt(2) == 0
                ? " See [" + words(2, 3) + "](./" + to[0] + ".md#" + slug(to[1]) + ")."
                : " Read [the earlier post](./" + to[0] + ".md).");
          } else if (random.nextInt(4) == 0) {
            String[] doc = docs.get(random.nextInt(docs.size()));
            md.append(" The [guide](../docs/").append(doc[0]).append(".md#").append(slug(doc[1])).append(") has more.");
          }
          md.append("\n\n");
        }
        switch (random.nextInt(9)) {
          case 0 -> {
            for (int n = 0; n < 3 + random.nextInt(4); n++) md.append("- ").append(words(3, 8)).append('\n');
            md.append("  - ").append(words(2, 4)).append(" `").append(words(1, 1)).append("`\n\n");
          }
          case 1 -> {
            for (int n = 1; n <= 3; n++) md.append(n).append(". ").append(words(3, 6)).append('\n');
            md.append('\n');
          }
          case 2 -> {
            md.append("| Name | Count | Notes |\n|:-----|------:|:-----:|\n");
            for (int n = 0; n < 2 + random.nextInt(4); n++) {
              md.append("| ").append(words(1, 2)).append(" | ").append(random.nextInt(999)).append(" | ")
                  .append(words(2, 4)).append(" |\n");
            }
            md.append('\n');
          }
          case 3 -> md.append("```yaml\n").append(words(1, 1)).append(": ").append(random.nextInt(99)).append('\n')
              .append(words(1, 1)).append(": \"").append(words(1, 3)).append("\"\n```\n\n");
          case 4 -> md.append("> ").append(paragraph()).append("\n> \n> &copy; ").append(words(1, 2)).append("\n\n");
          case 5 -> md.append("<div class=\"note\">\n<p>").append(words(3, 6)).append(" <a href=\"../docs/")
              .append(docs.get(random.nextInt(docs.size()))[0]).append(".md\">guide</a></p>\n</div>\n\n");
          case 6 -> md.append("~~").append(words(2, 3)).append("~~ ").append(words(2, 4)).append("[^").append(k)
              .append("] and a <kbd>Ctrl</kbd> key.\n\n[^").append(k).append("]: ").append(words(3, 6)).append(".\n\n");
          case 7 -> md.append(words(3, 6)).append("  \n").append(words(2, 4)).append(" \\*not emphasis\\* 1 < 2 \"quoted\"\n\n");
          default -> { }
        }
      }
      if (i % 5 == 0) md.append("![").append(words(1, 2)).append("](images/").append(stem).append(".png)\n\n");
      md.append("Questions? See https://example.org/contact &amp; thank you.\n");
      write(dir.resolve("content/blog/" + stem + ".md"), md.toString());
      if (!draft) published.add(new String[] {stem, headings.get(random.nextInt(headings.size()))});
    }
  }

  private String paragraph() {
    StringBuilder s = new StringBuilder();
    int sentences = 2 + random.nextInt(4);
    for (int n = 0; n < sentences; n++) {
      if (n > 0) s.append(n == 2 && random.nextInt(3) == 0 ? "\n" : " ");
      String sentence = capitalized(words(6, 14));
      if (random.nextInt(3) == 0) {
        String[] parts = sentence.split(" ", 3);
        if (parts.length == 3) sentence = parts[0] + " **" + parts[1] + "** _" + parts[2] + "_";
      } else if (random.nextInt(4) == 0) {
        sentence += " `" + words(1, 2) + "()`";
      }
      s.append(sentence).append('.');
    }
    return s.toString();
  }

  private String words(int low, int high) {
    int n = low + random.nextInt(high - low + 1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) s.append(' ');
      s.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The id of a heading made of plain words and digits, as io.sitegen.markdown.HeadingIds gives it. */
  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", "-");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    return out;
  }
}
