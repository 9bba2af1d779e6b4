package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.output.MemoryOutput;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Snapshot;
import io.sitegen.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page dated after now is scheduled: a draft until its date (left out, or unlisted under
 * {@code drafts: unlisted}), published by {@code --future}, and published by the first build
 * after its date, cache or not.
 */
class ScheduledPostsTest {
  /** 15 November 2026, noon UTC: the launch post (1 December) is two weeks away. */
  static final Instant BEFORE = Instant.parse("2026-11-15T12:00:00Z");
  static final Instant AFTER = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir
  Path dir;

  private TestSite site;

  @BeforeEach
  void fixture() {
    site = TestSite.withLayouts(dir)
        .write("site.yml", settings(""))
        .write("content/blog/launch.md", "---\ntitle: Launch\ndate: 2026-12-01\n---\n# Launch\n\nIt is out.\n")
        .write("content/blog/old.md", "---\ntitle: Old\ndate: 2024-05-01\n---\nAn old post.\n");
  }

  private static String settings(String more) {
    return "baseUrl: https://example.org\ntitle: Fixture\ntimezone: UTC\n" + more
        + "defaults:\n  - scope: {path: blog}\n    values: {layout: article}\n";
  }

  private BuildOptions at(Instant now) {
    return BuildOptions.of(dir).withClock(Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aPostDatedInTheFutureIsLeftOutAsADraftUntilItsDate() {
    BuildResult result = SiteBuilder.build(at(BEFORE));
    assertThat(result.problems()).isEmpty();
    assertThat(result.draftsSkipped()).isEqualTo(1);
    assertThat(site.exists("_site/blog/launch.html")).isFalse();
    assertThat(site.read("_site/blog/index.html")).contains("Old").doesNotContain("Launch");
    assertThat(site.read("_site/feed.rss")).doesNotContain("launch");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("launch");

    BuildResult later = SiteBuilder.build(at(AFTER));
    assertThat(later.problems()).isEmpty();
    assertThat(later.draftsSkipped()).isZero();
    assertThat(site.read("_site/blog/launch.html")).contains("It is out.").doesNotContain("noindex");
    assertThat(site.read("_site/blog/index.html")).contains("Launch");
  }

  @Test
  void aLinkToAScheduledPostIsBrokenWithAHintThatSaysWhenAndHow() {
    site.write("content/blog/teaser.md", "---\ntitle: Teaser\ndate: 2024-06-01\n---\nSee [the launch](./launch.md).\n");
    BuildResult result = SiteBuilder.build(at(BEFORE));
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "content/blog/teaser.md:5: link to a scheduled page: ./launch.md is content/blog/launch.md, which is"
            + " published on 2026-12-01; build with --future to include it now, or set drafts: unlisted in"
            + " site.yml to publish it unlisted until then");
    assertThat(SiteBuilder.build(at(BEFORE).checkOnly()).problems()).extracting(Problem::toString)
        .singleElement().asString().contains("link to a scheduled page");
    assertThat(SiteBuilder.build(at(BEFORE).withFuture(true)).ok()).isTrue();
    assertThat(site.read("_site/blog/teaser.html")).contains("href=\"/blog/launch.html\"");
    assertThat(SiteBuilder.build(at(AFTER)).ok()).isTrue();
  }

  @Test
  void withFutureAScheduledPostIsPublishedAsIfItsDateHadCome() {
    BuildResult result = SiteBuilder.build(at(BEFORE).withFuture(true));
    assertThat(result.problems()).isEmpty();
    assertThat(result.draftsSkipped()).isZero();
    assertThat(site.read("_site/blog/launch.html")).contains("It is out.").doesNotContain("noindex");
    assertThat(site.read("_site/blog/index.html")).contains("Launch");
    assertThat(site.read("_site/feed.rss")).contains("/blog/launch.html");
    assertThat(site.read("_site/sitemap.xml")).contains("/blog/launch.html");
  }

  @Test
  void underDraftsUnlistedAScheduledPostIsWrittenNoindexAndListedNowhere() {
    site.write("site.yml", settings("drafts: unlisted\n"))
        .write("content/blog/teaser.md", "---\ntitle: Teaser\ndate: 2024-06-01\n---\nSee [the launch](./launch.md).\n");
    BuildResult result = SiteBuilder.build(at(BEFORE));
    assertThat(result.problems()).isEmpty();
    assertThat(site.read("_site/blog/launch.html")).contains("It is out.")
        .contains("<meta name=\"robots\" content=\"noindex\">");
    assertThat(site.read("_site/blog/teaser.html")).contains("href=\"/blog/launch.html\"");
    assertThat(site.read("_site/blog/index.html")).doesNotContain("Launch");
    // the teaser in the feeds links to it; the post itself is no item
    assertThat(site.read("_site/feed.rss")).doesNotContain("<title>Launch</title>");
    assertThat(site.read("_site/feed.atom")).doesNotContain("<title>Launch</title>").contains("<title>Teaser</title>");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("launch");
  }

  @Test
  void draftsPreviewsScheduledPostsAsDrafts() {
    BuildResult result = SiteBuilder.build(at(BEFORE).withDrafts(true));
    assertThat(result.problems()).isEmpty();
    assertThat(site.read("_site/blog/index.html")).contains("Launch");
    assertThat(site.read("_site/feed.rss")).doesNotContain("launch");
    assertThat(site.read("_site/sitemap.xml")).doesNotContain("launch");
  }

  @Test
  void theSitesTimeZoneDecidesWhenADateWithoutAnOffsetHasCome() {
    // noon UTC on 30 November: 2 a.m. on 1 December at Kiritimati (UTC+14), 2 a.m. on 30 November at Adak (UTC-10)
    Instant noon = Instant.parse("2026-11-30T12:00:00Z");
    site.write("site.yml", settings("").replace("timezone: UTC", "timezone: Pacific/Kiritimati"));
    assertThat(SiteBuilder.build(at(noon)).problems()).isEmpty();
    assertThat(site.exists("_site/blog/launch.html")).as("already 1 December at Kiritimati").isTrue();

    site.write("site.yml", settings("").replace("timezone: UTC", "timezone: America/Adak"));
    assertThat(SiteBuilder.build(at(noon)).problems()).isEmpty();
    assertThat(site.exists("_site/blog/launch.html")).as("still 30 November at Adak").isFalse();
    // ten hours later it is 1 December at Adak too
    assertThat(SiteBuilder.build(at(Instant.parse("2026-12-01T10:00:00Z"))).problems()).isEmpty();
    assertThat(site.exists("_site/blog/launch.html")).isTrue();

    // a date with an offset is the same moment in every zone; a file name's date is a day of the site's zone
    site.write("content/blog/launch.md", "---\ntitle: Launch\ndate: 2026-12-01T00:00:00+14:00\n---\nIt is out.\n")
        .write("content/blog/20261201-named.md", "---\ntitle: Named\n---\nDated by its name.\n");
    assertThat(SiteBuilder.build(at(noon)).problems()).isEmpty();
    assertThat(site.exists("_site/blog/launch.html")).isTrue();
    assertThat(site.exists("_site/blog/20261201-named.html")).isFalse();
  }

  @Test
  void anUnknownTimeZoneIsAnErrorOfItsLineNamingTheNearestOne() {
    site.write("site.yml", "baseUrl: https://example.org\ntitle: Fixture\ntimezone: Europe/Warsw\n");
    BuildResult result = SiteBuilder.build(at(BEFORE));
    assertThat(result.ok()).isFalse();
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "site.yml:3: timezone: unknown time zone 'Europe/Warsw'; did you mean Europe/Warsaw?");
    site.write("site.yml", "baseUrl: https://example.org\ntimezone: Nowhere/At-All\n");
    assertThat(SiteBuilder.build(at(BEFORE)).problems()).extracting(Problem::toString).containsExactly(
        "site.yml:2: timezone: unknown time zone 'Nowhere/At-All'; expected an IANA time zone name such as"
            + " Europe/Warsaw, America/New_York or UTC");
    site.write("site.yml", "baseUrl: https://example.org\ntimezone: [UTC]\n");
    assertThat(SiteBuilder.build(at(BEFORE)).problems()).extracting(Problem::toString).singleElement().asString()
        .startsWith("site.yml:2: timezone: expected an IANA time zone name");
  }

  @Test
  void aWarmBuildOnceTheDateHasComePublishesThePostAsAFreshBuildWould() {
    site.write("layouts/home.html", "{% extends \"layouts/base.html\" %}{% block main %}{% for p in posts %}"
            + "<p>{{ p.title }}</p>{% endfor %}{% endblock %}")
        .write("content/index.md", "---\nlayout: home\ntitle: Home\n---\n")
        .write("content/blog/teaser.md", "---\ntitle: Teaser\ndate: 2024-06-01\n---\nSoon.\n");
    BuildOptions cached = at(BEFORE).withCache(true);
    assertThat(SiteBuilder.build(cached).problems()).isEmpty();
    assertThat(site.exists("_site/blog/launch.html")).isFalse();
    BuildResult again = SiteBuilder.build(cached);
    assertThat(again.unchanged()).as("nothing changed, and the date has not come").isTrue();

    BuildOptions day = at(AFTER).withCache(true);
    BuildResult published = SiteBuilder.build(day);
    assertThat(published.unchanged()).as("no file changed, but the date came").isFalse();
    assertThat(published.problems()).isEmpty();
    assertThat(site.read("_site/index.html")).contains("<p>Launch</p>");

    Path fresh = dir.resolve("fresh");
    assertThat(SiteBuilder.build(at(AFTER).withOutput(fresh)).ok()).isTrue();
    assertThat(outputOf(dir.resolve("_site"))).isEqualTo(outputOf(fresh)).containsKey("blog/launch.html");
    assertThat(SiteBuilder.build(day).unchanged()).isTrue();
  }

  @Test
  void aDateWithATimeIsPublishedAtThatTimeOfTheSitesZone() {
    site.write("site.yml", settings("").replace("timezone: UTC", "timezone: Europe/Warsaw"))
        .write("content/blog/launch.md", "---\ntitle: Launch\ndate: 2026-12-01 10:30\n---\nIt is out.\n");
    BuildOptions cached = BuildOptions.of(dir).withCache(true);
    // 10:30 in Warsaw in December is 09:30 UTC
    assertThat(SiteBuilder.build(cached.withClock(fixed("2026-12-01T09:29:00Z"))).ok()).isTrue();
    assertThat(site.exists("_site/blog/launch.html")).isFalse();
    assertThat(SiteBuilder.build(cached.withClock(fixed("2026-12-01T09:29:30Z"))).unchanged()).isTrue();
    assertThat(SiteBuilder.build(cached.withClock(fixed("2026-12-01T09:30:01Z"))).unchanged()).isFalse();
    assertThat(site.exists("_site/blog/launch.html")).isTrue();
  }

  @Test
  void thePreviewPublishesAScheduledPostOnceItsDateHasComeAtTheNextSave() {
    site.write("layouts/article.html", "{% extends \"layouts/base.html\" %}{% block main %}<article"
        + "{% if page.draft %} class=\"draft\"{% endif %}>{{ page.content }}</article>{% endblock %}");
    MutableClock clock = new MutableClock(BEFORE);
    Session session = new Session(BuildOptions.of(dir).withDrafts(true).withClock(clock), true);
    MemoryOutput out = new MemoryOutput();
    assertThat(session.build(out).problems()).isEmpty();
    out.commit();
    assertThat(session.publishedByOutput().get("blog/launch.html").scheduled()).isTrue();
    assertThat(new String(out.get("feed.rss"), StandardCharsets.UTF_8)).doesNotContain("launch");
    assertThat(new String(out.get("blog/launch.html"), StandardCharsets.UTF_8)).contains("class=\"draft\"");

    clock.now = AFTER;
    site.write("content/blog/old.md", "---\ntitle: Old\ndate: 2024-05-01\n---\nAn old post, edited.\n");
    assertThat(session.update(Set.of(dir.resolve("content/blog/old.md")), out).problems()).isEmpty();
    out.commit();
    assertThat(session.publishedByOutput().get("blog/launch.html").scheduled()).isFalse();
    assertThat(session.publishedByOutput().get("blog/launch.html").draft()).isFalse();
    assertThat(new String(out.get("feed.rss"), StandardCharsets.UTF_8)).contains("/blog/launch.html");
    assertThat(new String(out.get("blog/launch.html"), StandardCharsets.UTF_8)).doesNotContain("class=\"draft\"");
    session.close();

    // what the update made is what a preview started now makes
    Session fresh = new Session(BuildOptions.of(dir).withDrafts(true).withClock(clock), true);
    MemoryOutput all = new MemoryOutput();
    assertThat(fresh.build(all).problems()).isEmpty();
    all.commit();
    fresh.close();
    assertThat(out.paths()).isEqualTo(all.paths());
    for (String path : all.paths()) {
      assertThat(new String(out.get(path), StandardCharsets.UTF_8)).as(path)
          .isEqualTo(new String(all.get(path), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theDatesAPageMayBePublishedOnAreReadFromItsFrontMatterOnly() {
    assertThat(LastBuild.datesIn("---\ntitle: x\ndate: 2026-12-01 10:30\nother: \"2027-01-02T03:04:05+02:00\"\n---\n"
        + "2030-01-01 in the body\n", true)).containsExactly("2026-12-01T10:30", "2027-01-02T03:04:05+02:00");
    assertThat(LastBuild.datesIn("no front matter 2030-01-01\n", true)).isEmpty();
    assertThat(LastBuild.datesIn("defaults:\n  - values: {date: 2031-02-03}\n", false)).containsExactly("2031-02-03");
  }

  private static Clock fixed(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static Map<String, String> outputOf(Path folder) {
    Map<String, String> files = new TreeMap<>(Snapshot.of(folder));
    files.remove(OutputFolder.MARKER);
    files.keySet().removeIf(k -> k.endsWith("/"));
    return files;
  }

  /** A clock a test moves on. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
