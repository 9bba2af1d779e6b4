package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.content.Drafting;
import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The life of a release note: new, drafts, publish; and what the CLI promises around them. */
class AuthoringCommandsTest {
  @TempDir
  Path dir;

  private TestSite site;
  private final LocalDate today = LocalDate.now();
  private final String stamp = today.format(DateTimeFormatter.BASIC_ISO_DATE);

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("layouts/doc.html", "{% extends \"layouts/base.html\" %}")
        .write("content/blog/20241125-out.md", "---\nlayout: article\ntitle: Out\ndate: 2024-11-25\n---\nPublished.\n");
  }

  @Test
  void newPostIsDatedTodayWhereTheSiteIs() {
    // UTC+14 and UTC-10 are a day apart at every hour: one of them is not the machine's day
    for (String zone : new String[] {"Pacific/Kiritimati", "Pacific/Honolulu"}) {
      site.write("site.yml", "baseUrl: https://example.org\ntimezone: " + zone + "\n");
      LocalDate before = LocalDate.now(java.time.ZoneId.of(zone));
      TestSite.Run run = site.run("new", "post", "Zone " + zone.substring(8));
      LocalDate after = LocalDate.now(java.time.ZoneId.of(zone));
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).as(zone).matches("content/blog/(" + before.format(DateTimeFormatter.BASIC_ISO_DATE) + "|"
          + after.format(DateTimeFormatter.BASIC_ISO_DATE) + ")-zone-.*\\.md\n");
    }
  }

  @Test
  void newPostWritesADraftWithItsFrontMatter() {
    TestSite.Run run = site.run("new", "post", "Version 2.0 released");
    String path = "content/blog/" + stamp + "-version-2-0-released.md";
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(path + "\n");
    assertThat(site.read(path)).isEqualTo("---\n"
        + "layout: layouts/article.html\n"
        + "title: \"Version 2.0 released\"\n"
        + "date: " + today + "\n"
        + "# previewBody: blog_previews/" + stamp + "-version-2-0-released.html\n"
        + "# preview: \"<p>One or two sentences for the blog index.</p>\"\n"
        + "# image: images/" + stamp + "-version-2-0-released.png\n"
        + "# imageWide: true\n"
        + "draft: true\n"
        + "permalink: \"/blog/" + stamp + "-version-2-0-released.html\"\n"
        + "---\n\n"
        + "# Version 2.0 released\n\n"
        + "Write here.\n");
    assertThat(site.run("build", "--drafts").exitCode()).isZero();
    assertThat(site.exists("_site/blog/" + stamp + "-version-2-0-released.html")).isTrue();
  }

  @Test
  void newPostRefusesToOverwrite() {
    assertThat(site.run("new", "post", "Same").exitCode()).isZero();
    String path = "content/blog/" + stamp + "-same.md";
    site.write(path, "my words");
    TestSite.Run again = site.run("new", "post", "Same");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).isEqualTo(path + ": already exists; not overwritten\n");
    assertThat(site.read(path)).isEqualTo("my words");
  }

  @Test
  void newPostEscapesItsTitleForYaml() {
    site.run("new", "post", "Say \"hi\": a \\ test");
    String text = site.read("content/blog/" + stamp + "-say-hi-a-test.md");
    assertThat(text).contains("title: \"Say \\\"hi\\\": a \\\\ test\"\n");
    TestSite.Run build = site.run("build", "--drafts");
    assertThat(build.exitCode()).isZero();
    assertThat(site.read("_site/blog/" + stamp + "-say-hi-a-test.html")).contains("<title>Say &quot;hi&quot;: a \\ test</title>");
  }

  @Test
  void newDocWritesADraftUnderDocs() {
    TestSite.Run run = site.run("new", "doc", "guide/setup", "Setup");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("content/docs/guide/setup.md\n");
    assertThat(site.read("content/docs/guide/setup.md")).isEqualTo("---\n"
        + "layout: layouts/doc.html\n"
        + "title: \"Setup\"\n"
        + "date: " + today + "\n"
        + "draft: true\n"
        + "permalink: \"/docs/guide/setup.html\"\n"
        + "---\n\n"
        + "# Setup\n\n"
        + "Write here.\n");
    assertThat(site.run("new", "doc", "../escape", "X").exitCode()).isEqualTo(2);
    assertThat(site.exists("content/escape.md")).isFalse();
  }

  @Test
  void draftsAreListed() {
    site.write("content/blog/20241210-next.md",
        "---\nlayout: article\ntitle: Next one\ndate: 2024-12-10\ndraft: true\npermalink: /blog/next.html\n---\n");
    site.write("content/docs/wip.md", "---\nlayout: doc\ntitle: WIP\ndraft: true\n---\n");
    TestSite.Run run = site.run("drafts");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(
        "PATH                           TITLE     DATE        PERMALINK\n"
            + "content/blog/20241210-next.md  Next one  2024-12-10  /blog/next.html\n"
            + "content/docs/wip.md            WIP       -           /docs/wip.html\n");
  }

  @Test
  void noDrafts() {
    TestSite.Run run = site.run("drafts");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("no drafts\n");
  }

  @Test
  void publishChangesOnlyDraftAndDate() {
    String before = "---\n"
        + "layout: layouts/article.html   # kept as written\n"
        + "title: \"Servers: v6.2\"\n"
        + "date: 2024-12-01\n"
        + "# previewBody: blog_previews/20241210.html\n"
        + "draft: true\n"
        + "permalink:   \"/blog/v62.html\"\n"
        + "tags: [a,   b]\n"
        + "---\n\n"
        + "Body with draft: true in it, untouched.\n";
    site.write("content/blog/v62.md", before);
    TestSite.Run run = site.run("publish", "content/blog/v62.md", "--date", "2024-12-10");
    assertThat(run.exitCode()).isZero();
    assertThat(site.read("content/blog/v62.md")).isEqualTo(before
        .replace("draft: true\npermalink", "permalink")
        .replace("date: 2024-12-01", "date: 2024-12-10"));
    assertThat(run.out()).startsWith("published content/blog/v62.md\nchecked ");
    assertThat(site.run("drafts").out()).isEqualTo("no drafts\n");
  }

  @Test
  void publishSaysWhereTheOldDateStillStands() {
    site.write("content/blog/20241201-v7.md", "---\nlayout: article\ntitle: v7\ndate: 2024-12-01\ndraft: true\n"
        + "permalink: /blog/20241201-v7.html\n---\n\nComing on 2024-12-01.\n");
    TestSite.Run run = site.run("publish", "content/blog/20241201-v7.md", "--date", "2024-12-10");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains(
        "content/blog/20241201-v7.md: the file name still holds 20241201; rename it for 2024-12-10 if it should",
        "content/blog/20241201-v7.md: its permalink still holds 20241201; change it for 2024-12-10 if it should",
        "content/blog/20241201-v7.md:8: its text still says 2024-12-01; the page is published on 2024-12-10");
    site.write("content/blog/20241210-v8.md", "---\nlayout: article\ntitle: v8\ndraft: true\n---\nText.\n");
    TestSite.Run clean = site.run("publish", "content/blog/20241210-v8.md", "--date", "2024-12-10");
    assertThat(clean.err()).doesNotContain("still");
  }

  @Test
  void publishDefaultsToTodayAndKeepsQuotesAndLineEndings() throws Exception {
    String crlf = "---\r\nlayout: article\r\ntitle: T\r\ndate: \"2024-12-01\" # release day\r\ndraft: true\r\n---\r\nBody\r\n";
    assertThat(Drafting.publish(crlf, today))
        .isEqualTo("---\r\nlayout: article\r\ntitle: T\r\ndate: \"" + today + "\" # release day\r\n---\r\nBody\r\n");
    String undated = "---\nlayout: article\ntitle: T\ndraft: true\n---\n";
    assertThat(Drafting.publish(undated, LocalDate.of(2024, 12, 10)))
        .isEqualTo("---\nlayout: article\ntitle: T\ndate: 2024-12-10\n---\n");
  }

  @Test
  void publishRefusesWhatIsNotADraft() {
    String text = site.read("content/blog/20241125-out.md");
    TestSite.Run run = site.run("publish", "content/blog/20241125-out.md");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("content/blog/20241125-out.md: not a draft: its front matter has no 'draft: true'\n");
    assertThat(site.read("content/blog/20241125-out.md")).isEqualTo(text);
    assertThat(site.run("publish", "content/blog/missing.md").err()).isEqualTo("content/blog/missing.md: no such file\n");
  }

  @Test
  void publishReportsWhatTheCheckFinds() {
    site.write("content/blog/b.md", "---\nlayout: article\ntitle: B\ndraft: true\n---\n[gone](./gone.md)\n");
    TestSite.Run run = site.run("publish", "content/blog/b.md", "--date", "2024-12-10");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("content/blog/b.md:6: broken link ./gone.md");
    assertThat(site.read("content/blog/b.md")).doesNotContain("draft");
  }

  @Test
  void usageErrorsNameTheOptionAndSuggestTheClosest() {
    TestSite.Run option = site.run("build", "--draft");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err()).contains("Unknown option: '--draft'").contains("--drafts");
    TestSite.Run command = site.run("biuld");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err()).contains("'biuld'").contains("site build");
    TestSite.Run date = site.run("publish", "content/blog/20241125-out.md", "--date", "10/12/2024");
    assertThat(date.exitCode()).isEqualTo(2);
    assertThat(date.err()).contains("--date");
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String[] command : new String[][] {{"build"}, {"check"}, {"serve"}, {"new"}, {"new", "post"},
        {"new", "doc"}, {"drafts"}, {"publish"}, {"completion"}}) {
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--help";
      TestSite.Run run = site.run(args);
      assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(run.out()).as(String.join(" ", command)).contains("Usage: site").contains("Examples:");
    }
    TestSite.Run version = site.run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("site ");
    TestSite.Run bare = new TestSite(dir).run();
    assertThat(bare.exitCode()).isEqualTo(2);
  }

  @Test
  void completionScriptIsGenerated() {
    TestSite.Run run = site.run("completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F").contains("build").contains("publish").contains("--drafts");
  }

  @Test
  void quietVerboseAndNoColourWhenNotATerminal() {
    TestSite.Run normal = site.run("build");
    assertThat(normal.out()).matches("built 1 page, 0 drafts skipped, 0 files copied, 0 links checked, 0 warnings in [0-9.]+ s\n");
    assertThat(normal.out() + normal.err()).doesNotContain("\u001b[");
    assertThat(site.run("build", "--quiet").out()).isEmpty();
    assertThat(site.run("build", "--verbose").err()).contains("building " + dir);
  }
}
