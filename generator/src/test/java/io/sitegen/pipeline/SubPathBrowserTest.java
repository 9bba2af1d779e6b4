package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.cli.Main;
import io.sitegen.testing.Browser;
import io.sitegen.testing.FolderServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site with {@code baseUrl: https://org.github.io/project/}, served as GitHub Pages serves a
 * project site (only under /project/), crawled in headless Chromium from its home page: every link,
 * stylesheet and image of every page reached answers 200, and the stylesheet applies. Run for the
 * sample site and for the starter of {@code site init}.
 */
class SubPathBrowserTest {
  @TempDir
  Path temp;

  @Test
  void sampleSiteUnderASubPathHasNoBrokenLinks() throws Exception {
    Path site = temp.resolve("sample");
    Path repo = Path.of("..").toAbsolutePath().normalize();
    for (String part : List.of("content", "layouts", "assets", "i18n", "site.yml")) copy(repo.resolve(part), site.resolve(part));
    crawl(site, 10);
  }

  @Test
  void starterSiteUnderASubPathHasNoBrokenLinks() throws Exception {
    Path site = temp.resolve("starter");
    assertThat(Main.run(new String[] {"init", site.toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()))).isZero();
    crawl(site, 4);
  }

  private void crawl(Path site, int atLeast) throws Exception {
    Path yml = site.resolve("site.yml");
    Files.writeString(yml, Files.readString(yml).replaceAll("(?m)^baseUrl:.*$", "baseUrl: https://org.github.io/project/"));
    BuildResult result = SiteBuilder.build(BuildOptions.of(site).withOutput(temp.resolve("out")));
    assertThat(result.problems()).isEmpty();

    HttpClient http = HttpClient.newHttpClient();
    Set<String> pages = new TreeSet<>();
    Set<String> checked = new LinkedHashSet<>();
    try (FolderServer server = new FolderServer(temp.resolve("out"), "/project");
         Browser browser = new Browser(1280, 900)) {
      String origin = server.url("");
      assertThat(status(http, server.url("/"))).as("the host's root is not the site").isEqualTo(404);
      Deque<String> todo = new ArrayDeque<>(List.of(server.url("/project/")));
      while (!todo.isEmpty()) {
        String url = todo.pop();
        if (!pages.add(url)) continue;
        browser.driver().get(url);
        Object sheets = browser.js("return [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)");
        assertThat((Long) sheets).as("the stylesheet of %s loads", url).isPositive();
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) browser.js(
            "return [...document.querySelectorAll('[href],[src]')].map(e => e.href || e.src)");
        for (String target : targets) {
          if (!target.startsWith(origin)) continue;
          String bare = target.replaceAll("#.*$", "");
          if (checked.add(bare)) {
            assertThat(status(http, bare)).as("%s, linked from %s", bare, url).isEqualTo(200);
          }
          if (bare.endsWith("/") || bare.endsWith(".html")) todo.add(bare);
        }
      }
    }
    assertThat(pages).as("pages reached").hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(checked).allMatch(u -> URI.create(u).getPath().startsWith("/project/"));
  }

  private static int status(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
      return;
    }
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
