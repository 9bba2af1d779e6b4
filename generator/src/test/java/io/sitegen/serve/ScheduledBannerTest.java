package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.testing.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview shows a page dated after now with a banner saying when it is published. */
class ScheduledBannerTest {
  @TempDir
  Path dir;

  private PreviewServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    TestSite.withLayouts(dir)
        .write("site.yml", "title: Fixture\nbaseUrl: https://example.org\ntimezone: Europe/Warsaw\n"
            + "defaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("content/blog/launch.md", "---\ntitle: Launch\ndate: 2026-12-01\n---\nIt is out.\n")
        .write("content/blog/timed.md", "---\ntitle: Timed\ndate: 2026-12-01T08:00:00Z\n---\nAt nine in Warsaw.\n")
        .write("content/blog/next.md", "---\ntitle: Next\ndate: 2024-03-01\ndraft: true\n---\nComing soon.\n")
        .write("content/blog/one.md", "---\ntitle: One\ndate: 2024-01-01\n---\nFirst post.\n");
    BuildOptions options = new BuildOptions(dir, dir.resolve("_site"), true, false, false)
        .withClock(Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC));
    server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String body(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void aScheduledPageSaysWhenItIsPublishedADraftThatItIsNot() throws Exception {
    assertThat(body("/blog/launch.html")).contains("It is out.").contains("sitegen-draft-banner")
        .contains(">Scheduled for 2026-12-01: site build leaves this page out until then (--future includes it)</div>");
    assertThat(body("/blog/timed.html"))
        .contains(">Scheduled for 2026-12-01 09:00 Europe/Warsaw: site build leaves this page out until then");
    assertThat(body("/blog/next.html")).contains(">Draft: this page is not published by site build</div>")
        .doesNotContain("Scheduled");
    assertThat(body("/blog/one.html")).doesNotContain("sitegen-draft-banner");
  }

  @Test
  void theBannerIsTextWhateverItSays() {
    String html = new String(Routes.inject("<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8),
        "a <b> & c", 1), StandardCharsets.UTF_8);
    assertThat(html).contains(">a &lt;b&gt; &amp; c</div>");
  }
}
