package io.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages dated after now on the command line: build and check leave them out unless --future,
 * site drafts lists them as scheduled, site publish --date with a later day schedules one. The
 * commands read the real clock, so the pages here are dated in 2999.
 */
class ScheduledCommandsTest {
  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", "baseUrl: https://example.org\ntimezone: UTC\n")
        .write("content/blog/20241125-out.md", "---\nlayout: article\ntitle: Out\ndate: 2024-11-25\n---\nPublished.\n")
        .write("content/blog/later.md", "---\nlayout: article\ntitle: Later\ndate: 2999-01-01\n---\nOne day.\n");
  }

  @Test
  void buildAndCheckLeaveAScheduledPageOutUnlessFuture() {
    TestSite.Run build = site.run("build");
    assertThat(build.exitCode()).as(build.err()).isZero();
    assertThat(build.out()).startsWith("built 1 page, 1 draft skipped, ");
    assertThat(site.exists("_site/blog/later.html")).isFalse();

    TestSite.Run future = site.run("build", "--future");
    assertThat(future.exitCode()).as(future.err()).isZero();
    assertThat(future.out()).startsWith("built 2 pages, 0 drafts skipped, ");
    assertThat(site.exists("_site/blog/later.html")).isTrue();

    site.write("content/blog/20241125-out.md", "---\nlayout: article\ntitle: Out\ndate: 2024-11-25\n---\n"
        + "Published; [later](./later.md).\n");
    TestSite.Run check = site.run("check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err()).contains("content/blog/20241125-out.md:6: link to a scheduled page: ./later.md is"
        + " content/blog/later.md, which is published on 2999-01-01; build with --future to include it now");
    assertThat(site.run("check", "--future").exitCode()).isZero();
  }

  @Test
  void draftsListsScheduledPagesWithTheirDates() {
    site.write("content/docs/wip.md", "---\nlayout: article\ntitle: WIP\ndraft: true\n---\n");
    TestSite.Run run = site.run("drafts");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(
        "PATH                   TITLE  DATE                    PERMALINK\n"
            + "content/blog/later.md  Later  2999-01-01 (scheduled)  /blog/later.html\n"
            + "content/docs/wip.md    WIP    -                       /docs/wip.html\n");
  }

  @Test
  void publishingADraftForALaterDaySchedulesIt() {
    site.write("content/blog/v3.md", "---\nlayout: article\ntitle: v3\ndate: 2024-12-01\ndraft: true\n---\nSoon.\n");
    TestSite.Run run = site.run("publish", "content/blog/v3.md", "--date", "2999-02-03");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("published content/blog/v3.md, scheduled for 2999-02-03: site build leaves"
        + " it out until then (--future includes it now)\nchecked ");
    assertThat(site.read("content/blog/v3.md")).isEqualTo(
        "---\nlayout: article\ntitle: v3\ndate: 2999-02-03\n---\nSoon.\n");
    assertThat(site.run("drafts").out()).contains("content/blog/v3.md     v3     2999-02-03 (scheduled)  /blog/v3.html");

    site.write("content/blog/v4.md", "---\nlayout: article\ntitle: v4\ndraft: true\n---\nNow.\n");
    TestSite.Run now = site.run("publish", "content/blog/v4.md", "--date", "2024-12-10");
    assertThat(now.out()).startsWith("published content/blog/v4.md\nchecked ");
  }

  @Test
  void anUnknownTimeZoneStopsEveryCommandThatReadsTheSite() {
    site.write("site.yml", "baseUrl: https://example.org\ntimezone: america/new_york\n");
    TestSite.Run build = site.run("build");
    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.err()).contains("site.yml:2: timezone: unknown time zone 'america/new_york'; did you mean"
        + " America/New_York?");
    assertThat(site.run("drafts").err()).contains("site.yml:2: timezone: unknown time zone");
  }

  @Test
  void buildAndCheckHelpNameFuture() {
    assertThat(site.run("build", "--help").out()).contains("--future");
    assertThat(site.run("check", "--help").out()).contains("--future");
  }
}
