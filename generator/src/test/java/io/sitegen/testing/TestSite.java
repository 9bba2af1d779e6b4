package io.sitegen.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import io.sitegen.cli.Main;

/** A site written into a temporary folder by a test, file by file. */
public final class TestSite {
  /** A valid 1x1 PNG, for pages whose images are sized. */
  public static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private final Path root;

  public TestSite(Path root) {
    this.root = root;
  }

  /** A site with the layouts most tests need: base, article (extends base) and a partial. */
  public static TestSite withLayouts(Path root) {
    TestSite site = new TestSite(root);
    site.write("layouts/base.html", """
        <!doctype html>
        <html><head><title>{% block title %}{{ page.title }}{% endblock %}</title></head>
        <body>{% include "layouts/partials/nav.html" %}<main>{% block main %}{{ page.content }}{% endblock %}</main></body></html>
        """);
    site.write("layouts/partials/nav.html", "<nav>{{ site.title }}</nav>");
    site.write("layouts/blog.html", """
        {% extends "layouts/base.html" %}
        {% block main %}{% for p in paginator.posts %}<div class="entry"><a href="{{ p.url }}">{{ p.title }}</a>{{ p.preview }}</div>{% endfor %}{% endblock %}
        """);
    // posts need a date: test pages under blog/ that are not about dates get one from here
    site.write("site.yml", "baseUrl: https://example.org\ndefaults:\n  - scope: {path: blog}\n    values: {date: 2024-01-01}\n");
    site.write("layouts/article.html", """
        {% extends "layouts/base.html" %}
        {% block main %}<article data-url="{{ page.url }}" data-author="{{ page.author }}">{{ page.content }}</article>{% endblock %}
        """);
    return site;
  }

  public Path root() {
    return root;
  }

  public TestSite write(String relPath, String text) {
    return write(relPath, text.getBytes(StandardCharsets.UTF_8));
  }

  public TestSite write(String relPath, byte[] bytes) {
    try {
      Path file = root.resolve(relPath);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestSite delete(String relPath) {
    try {
      java.nio.file.Files.delete(root.resolve(relPath));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return this;
  }

  public String read(String relPath) {
    try {
      return Files.readString(root.resolve(relPath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean exists(String relPath) {
    return Files.exists(root.resolve(relPath));
  }

  /** Names in the site root, to find leftover staging folders; the cache, which builds keep, left out. */
  public java.util.List<String> rootEntries() {
    try (Stream<Path> list = Files.list(root)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(io.sitegen.cache.PageCache.FOLDER))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the {@code site} command line on this site, as a user would. */
  public Run run(String... args) {
    boolean bare = args.length == 0 || args[0].startsWith("-") || args[0].equals("completion")
        || (args[0].equals("new") && args.length == 1) || java.util.List.of(args).contains("--help");
    String[] full = new String[args.length + (bare ? 0 : 2)];
    System.arraycopy(args, 0, full, 0, args.length);
    if (!bare) {
      full[args.length] = "--source";
      full[args.length + 1] = root.toString();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(full, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The exit code and what the command printed. */
  public record Run(int exitCode, String out, String err) {}
}
