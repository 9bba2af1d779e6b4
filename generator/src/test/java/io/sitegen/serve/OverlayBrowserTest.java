package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sitegen.cli.Main;
import io.sitegen.output.MemoryOutput;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.Session;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Browser;
import io.sitegen.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The error overlay in headless Chromium over real style sheets: the sample site's (the one
 * {@code ./site build} uses), the starter's that {@code site init} writes, and one written to
 * break it. Each time the overlay must be legible (WCAG contrast of at least 4.5 for every piece
 * of text in it, read from the computed styles), show the lines around the error with the failing
 * one marked, and fit a phone's width with only the source lines scrolling sideways. Screenshots
 * at 1280 and 390 px wide go to target/screenshots/ for a person to look at.
 */
class OverlayBrowserTest {
  /**
   * A colon in a title without quotes, which YAML refuses on that very line; long enough that no
   * screen shows it whole.
   */
  static final String BROKEN_TITLE = "title: Getting started: a title with a colon, which YAML takes for a second key,"
      + " and which runs on well past the width of any screen so that the overlay has to let it scroll sideways";

  @TempDir
  Path dir;

  @Test
  void overTheSampleSitesStyleSheet() throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path root = dir.resolve("sample");
    for (String part : List.of("layouts", "assets", "content", "i18n")) copyTree(repo.resolve(part), root.resolve(part));
    Files.copy(repo.resolve("site.yml"), root.resolve("site.yml"));
    assertThat(Files.readString(root.resolve("assets/css/site.css"))).contains("pre {");
    checkOverlay(root, "content/docs/getting-started.md", "/docs/getting-started.html", "overlay-sample");
  }

  @Test
  void overTheStartersStyleSheet() throws Exception {
    Path root = dir.resolve("starter");
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"init", root.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)))
        .as(err.toString()).isZero();
    assertThat(root.resolve("assets/css/site.css")).exists();
    checkOverlay(root, "content/docs/index.md", "/docs/", "overlay-starter");
  }

  @Test
  void overAStyleSheetThatStylesEverything() throws Exception {
    TestSite site = TestSite.withLayouts(dir.resolve("hostile"))
        .write("layouts/base.html", """
            <!doctype html>
            <html><head><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ page.title }}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main>{{ page.content }}</main></body></html>
            """)
        .write("layouts/doc.html", "{% extends \"layouts/base.html\" %}")
        // every element and the host itself: light grey on light grey, a huge serif, half size
        .write("assets/css/site.css", """
            * { color: #ddd !important; background: #eee !important; font: italic 28px/1 serif !important;
                border: 4px solid #f0f !important; white-space: nowrap !important; }
            pre, code, span, h2, p, div, section { display: none !important; }
            html > * { opacity: .2 !important; transform: scale(.5) !important; position: static !important; }
            """)
        .write("content/docs/guide.md", "---\ntitle: Guide\nlayout: doc\n---\n# Guide\n\nSome words.\n\nMore words.\n");
    checkOverlay(site.root(), "content/docs/guide.md", "/docs/guide.html", "overlay-hostile");
  }

  /** Serves the site, breaks the page's front matter, and looks at the overlay at two widths. */
  private void checkOverlay(Path root, String page, String url, String name) throws Exception {
    try (Preview preview = new Preview(root); Browser browser = new Browser(1280, 900)) {
      var driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.get("http://127.0.0.1:" + preview.port() + url);
      wait.until(d -> browser.js("return document.readyState").equals("complete"));
      wait.until(d -> preview.reload.listeners() > 0);

      Path file = root.resolve(page);
      String text = Files.readString(file);
      Files.writeString(file, text.replaceFirst("(?m)^title: .*$", BROKEN_TITLE));
      List<String> errors = preview.save(file);
      assertThat(errors).as("the broken front matter fails the build").isNotEmpty();
      assertThat(errors.get(0)).startsWith(page + ":");
      wait.until(d -> browser.js("var h = document.getElementById('sitegen-overlay');"
          + " return !!(h && h.shadowRoot && h.shadowRoot.querySelector('.panel'))").equals(true));

      String overlay = (String) browser.js("return document.getElementById('sitegen-overlay').shadowRoot"
          + ".querySelector('.panel').innerText");
      assertThat(overlay).contains("Build failed").contains(page + ":");
      // the source lines: the failing one marked and whole (up to the cut), its neighbours numbered
      @SuppressWarnings("unchecked")
      List<String> rows = (List<String>) browser.js("return Array.from(document.getElementById('sitegen-overlay')"
          + ".shadowRoot.querySelectorAll('pre.source span.row')).map(r => (r.classList.contains('hit') ? '>' : ' ')"
          + " + r.textContent)");
      assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
      assertThat(rows).filteredOn(r -> r.startsWith(">")).singleElement().asString()
          .matches(">\\d+" + java.util.regex.Pattern.quote(BROKEN_TITLE));
      assertThat(rows).anySatisfy(r -> assertThat(r).matches(" \\d+---"));

      for (Map<String, Object> piece : textPieces(browser)) {
        double ratio = Contrast.ratio((String) piece.get("color"), (List<?>) piece.get("backgrounds"));
        assertThat(ratio).as("contrast of %s in %s", piece.get("text"), name).isGreaterThanOrEqualTo(4.5);
        System.out.printf("%s: %.2f:1 %s on %s (%s)%n", name, ratio, piece.get("color"),
            ((List<?>) piece.get("backgrounds")).get(0), piece.get("text"));
      }
      // the whole window, unscaled and opaque, whatever the page says of its root's children
      assertThat(browser.js("var h = document.getElementById('sitegen-overlay'), r = h.getBoundingClientRect();"
          + " return [r.left, r.top, r.width - document.documentElement.clientWidth, r.height - innerHeight,"
          + " Number(getComputedStyle(h).opacity)]")).isEqualTo(List.of(0L, 0L, 0L, 0L, 1L));
      // the site's fonts and sizes stop at the overlay
      assertThat((String) browser.js("return getComputedStyle(document.getElementById('sitegen-overlay')"
          + ".shadowRoot.querySelector('pre.source')).fontFamily")).contains("monospace");
      assertThat((String) browser.js("return getComputedStyle(document.getElementById('sitegen-overlay')"
          + ".shadowRoot.querySelector('h2')).fontSize")).isEqualTo("19px");
      browser.screenshot(name + "-1280");

      driver.manage().window().setSize(new Dimension(390, 844));
      wait.until(d -> ((Number) browser.js("return window.innerWidth")).intValue() <= 400);
      // on a phone the panel fits the width: only the source block scrolls sideways
      assertThat(browser.js("var p = document.getElementById('sitegen-overlay').shadowRoot.querySelector('.panel');"
          + " return p.scrollWidth <= p.clientWidth")).isEqualTo(true);
      assertThat(browser.js("var s = document.getElementById('sitegen-overlay').shadowRoot.querySelector('pre.source');"
          + " return s.scrollWidth > s.clientWidth && getComputedStyle(s).overflowX === 'auto'")).isEqualTo(true);
      browser.screenshot(name + "-390");
      // Hide shows the last good page beneath
      browser.js("document.getElementById('sitegen-overlay').shadowRoot.querySelector('button.close').click()");
      assertThat(browser.js("return document.getElementById('sitegen-overlay') === null")).isEqualTo(true);
    }
  }

  /**
   * Each element of the overlay that holds text of its own: its colour, and the background colours
   * from it out to the host, innermost first, as the browser computed them.
   */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> textPieces(Browser browser) {
    List<Map<String, Object>> pieces = (List<Map<String, Object>>) browser.js("""
        var host = document.getElementById('sitegen-overlay');
        var out = [];
        host.shadowRoot.querySelectorAll('*').forEach(function (e) {
          if (e.tagName === 'STYLE') return;
          var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
          if (!own) return;
          var backgrounds = [];
          for (var a = e; a; a = a.parentElement) backgrounds.push(getComputedStyle(a).backgroundColor);
          backgrounds.push(getComputedStyle(host).backgroundColor);
          out.push({text: e.className || e.tagName, color: getComputedStyle(e).color, backgrounds: backgrounds});
        });
        return out;
        """);
    assertThat(pieces).extracting(p -> p.get("text")).contains("H2", "hint", "message", "num", "row", "row hit", "close");
    return pieces;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /**
   * The preview's parts wired as PreviewServer wires them, except that LiveReload is given the
   * site root, which the source lines are read from: PreviewServer does not pass it (yet).
   */
  static final class Preview implements AutoCloseable {
    final MemoryOutput site = new MemoryOutput();
    final LiveReload reload;
    private final Session session;
    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "overlay-test-http");
      t.setDaemon(true);
      return t;
    });

    Preview(Path root) throws IOException {
      Path absolute = root.toAbsolutePath().normalize();
      reload = new LiveReload(absolute);
      session = new Session(new BuildOptions(absolute, absolute.resolve("_site"), true, false, false), true);
      BuildResult first = session.build(site);
      assertThat(first.problems()).as("the site builds before it is broken").noneMatch(Problem::isError);
      site.commit();
      reload.succeeded(null);
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      http.setExecutor(threads);
      http.createContext("/", new Routes(http.getAddress(), site, reload, Set::of, () -> "")::handle);
      http.start();
    }

    int port() {
      return http.getAddress().getPort();
    }

    /** What the watcher does after a save; returns the errors the browsers are told of. */
    List<String> save(Path file) {
      BuildResult result = session.update(Set.of(file), site);
      List<String> errors = result.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
      if (result.ok()) {
        site.commit();
        reload.succeeded(Set.of(file));
      } else {
        reload.failed(errors);
      }
      return errors;
    }

    @Override
    public void close() {
      reload.close();
      http.stop(0);
      threads.shutdownNow();
    }
  }

  /** WCAG 2 contrast of CSS colours as Chromium computes them: rgb(r, g, b) or rgba(r, g, b, a). */
  static final class Contrast {
    /** The text colour against the backgrounds, innermost first, laid over a white page. */
    static double ratio(String color, List<?> backgrounds) {
      double[] under = {1, 1, 1};
      for (int i = backgrounds.size() - 1; i >= 0; i--) under = over(parse((String) backgrounds.get(i)), under);
      double[] text = over(parse(color), under);
      double a = luminance(text);
      double b = luminance(under);
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** r, g, b in 0..1 and alpha. */
    static double[] parse(String css) {
      String[] parts = css.replaceAll("^rgba?\\(|\\)$", "").split("\\s*,\\s*");
      if (parts.length < 3) throw new IllegalArgumentException("not an rgb() colour: " + css);
      double alpha = parts.length > 3 ? Double.parseDouble(parts[3]) : 1;
      return new double[] {Double.parseDouble(parts[0]) / 255, Double.parseDouble(parts[1]) / 255,
          Double.parseDouble(parts[2]) / 255, alpha};
    }

    private static double[] over(double[] top, double[] under) {
      double a = top[3];
      return new double[] {top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a)};
    }

    private static double luminance(double[] rgb) {
      double[] c = new double[3];
      for (int i = 0; i < 3; i++) c[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
  }
}
