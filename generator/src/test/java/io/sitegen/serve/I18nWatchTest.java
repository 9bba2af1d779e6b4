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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site serve watches i18n/ as it watches data/: from the moment the folder is made. */
class I18nWatchTest {
  @TempDir
  Path dir;

  private TestSite site;
  private PreviewServer server;
  private final StringWriter log = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    site = TestSite.withLayouts(dir)
        .write("site.yml", "title: Fixture\nbaseUrl: https://example.org\n"
            + "languages: {en: {name: English}, pl: {name: Polski}}\n"
            + "defaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("layouts/partials/nav.html", "<nav>{{ i18n(\"nav.docs\") }}</nav>")
        .write("content/docs/guide.md", "---\ntitle: Guide\n---\n# Guide\n")
        .write("content/docs/guide.pl.md", "---\ntitle: Przewodnik\nlang: pl\n---\n# Przewodnik\n");
    server = new PreviewServer(new BuildOptions(dir, dir.resolve("_site"), true, false, false),
        "127.0.0.1", 0, new PrintWriter(log, true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String body(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
      Thread.sleep(20);
    }
  }

  @Test
  void stringTablesAreWatchedFromTheMomentTheirFolderIsMade() throws Exception {
    assertThat(Files.exists(dir.resolve("i18n"))).isFalse();
    assertThat(body("/docs/guide.pl.html")).contains("<nav>nav.docs</nav>");
    site.write("i18n/en.yml", "nav: {docs: Docs}\n");
    eventually(() -> body("/docs/guide.pl.html").contains("<nav>Docs</nav>"));
    site.write("i18n/pl.yml", "nav: {docs: Dokumentacja}\n");
    eventually(() -> body("/docs/guide.pl.html").contains("<nav>Dokumentacja</nav>"));
    assertThat(body("/docs/guide.html")).contains("<nav>Docs</nav>");
    site.write("i18n/pl.yml", "nav: {docs: Dokumenty}\n");
    eventually(() -> body("/docs/guide.pl.html").contains("<nav>Dokumenty</nav>"));
    // a broken table keeps the last good site and says where; the fix is served
    site.write("i18n/pl.yml", "nav: {docs: [Dokumenty}\n");
    eventually(() -> log.toString().contains("i18n/pl.yml:1:"));
    assertThat(body("/docs/guide.pl.html")).contains("<nav>Dokumenty</nav>");
    site.write("i18n/pl.yml", "nav: {docs: Dokumentacja}\n");
    eventually(() -> body("/docs/guide.pl.html").contains("<nav>Dokumentacja</nav>"));
    Files.delete(dir.resolve("i18n/pl.yml"));
    eventually(() -> body("/docs/guide.pl.html").contains("<nav>Docs</nav>"));
  }
}
