package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site init writes a site that builds at once, and holds up as it grows or shrinks. */
class InitCommandTest {
  @TempDir
  Path dir;

  private int run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    lastErr = err.toString();
    return code;
  }

  private String lastErr = "";

  /** A strict build: every warning (a missing image, a missing anchor) fails it too. */
  private BuildResult build(Path site) {
    BuildResult result = SiteBuilder.build(BuildOptions.of(site).withStrict(true));
    assertThat(result.problems()).extracting(Problem::toString).isEmpty();
    assertThat(result.ok()).isTrue();
    return result;
  }

  private Path post(Path site) throws Exception {
    try (Stream<Path> files = Files.list(site.resolve("content/blog"))) {
      return files.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
    }
  }

  @Test
  void writesASiteThatBuildsAtOnceAndWithoutItsPost() throws Exception {
    Path site = dir.resolve("my-site");
    assertThat(run("init", site.toString())).as(lastErr).isZero();
    assertThat(site.resolve("site.yml")).exists();
    assertThat(site.resolve(".gitignore")).content().contains("_site/", ".site-cache/");
    assertThat(site.resolve("layouts/404.html")).exists();
    assertThat(post(site).getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}-welcome\\.md");
    build(site);
    assertThat(Files.readString(site.resolve("_site/index.html"))).contains("Hello, world");
    assertThat(site.resolve("_site/404.html")).exists();
    assertThat(Files.readString(site.resolve("_site/sitemap.xml"))).doesNotContain("404");

    Files.delete(post(site));
    build(site);
    assertThat(Files.readString(site.resolve("_site/index.html"))).contains("No posts yet.");
  }

  @Test
  void itsLayoutsHoldUpWithOneOrAHundredPostsAndNoDocs() throws Exception {
    Path site = dir.resolve("s");
    assertThat(run("init", site.toString())).isZero();
    build(site); // one post
    for (int i = 1; i <= 99; i++) {
      Files.writeString(site.resolve(String.format("content/blog/2024-01-%02d-post-%d.md", 1 + i % 28, i)),
          "---\ntitle: Post " + i + "\n---\nText " + i + ".\n");
    }
    build(site);
    assertThat(site.resolve("_site/blog/page/10/index.html")).exists();
    try (Stream<Path> docs = Files.walk(site.resolve("content/docs"))) {
      for (Path p : docs.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    for (Path p : Files.list(site.resolve("content/blog")).filter(Files::isRegularFile).toList()) {
      Files.writeString(p, Files.readString(p).replace("See [the docs](../docs/index.md) for what goes where.", ""));
    }
    build(site);
    assertThat(Files.readString(site.resolve("_site/index.html"))).doesNotContain("href=\"/docs/\"");
  }

  @Test
  void aFolderThatIsNotEmptyIsRefusedUnlessForcedWhichAddsOnlyWhatIsMissing() throws Exception {
    Path site = dir.resolve("busy");
    Files.createDirectories(site);
    Files.writeString(site.resolve("site.yml"), "title: Mine\n");
    assertThat(run("init", site.toString())).isEqualTo(Main.USAGE);
    assertThat(lastErr).contains("not empty");
    assertThat(run("init", "--force", site.toString())).isZero();
    assertThat(Files.readString(site.resolve("site.yml"))).isEqualTo("title: Mine\n");
    assertThat(site.resolve("layouts/base.html")).exists();
  }

  @Test
  void commandsFindTheSiteFromAnyFolderInsideIt() throws Exception {
    Path site = dir.resolve("found");
    assertThat(run("init", site.toString())).isZero();
    assertThat(SourceOption.siteAbove(site.resolve("content/blog"))).isEqualTo(site);
    Path workflow = Files.createDirectories(site.resolve(".github/workflows"));
    Files.writeString(workflow.resolve("site.yml"), "name: a workflow\n");
    assertThat(SourceOption.siteAbove(workflow)).as("a site.yml under .github is a workflow's").isEqualTo(site);
    assertThat(SourceOption.siteAbove(dir)).as("no site above: here").isEqualTo(dir);
  }
}
