package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.testing.Browser;
import io.sitegen.testing.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person previewing a draft in headless Chromium: the page follows each save without a manual
 * reload, a broken front matter shows the overlay, fixing it brings the page back, and a build of
 * the same tree leaves the draft out.
 */
class LiveReloadBrowserTest {
  @TempDir
  Path dir;

  @Test
  void draftFollowsSavesAndErrors() throws Exception {
    TestSite site = TestSite.withLayouts(dir)
        .write("site.yml", "title: Fixture\nbaseUrl: https://example.org\n"
            + "defaults:\n  - scope: {path: blog}\n    values: {layout: article}\n")
        .write("content/blog/20241125-out.md", "---\ntitle: Out\ndate: 2024-11-25\n---\nPublished post.\n")
        .write("content/blog/20241210-next.md", """
            ---
            title: Next release
            date: 2024-12-10
            draft: true
            permalink: /blog/next-release.html
            ---
            # Next release

            First words.
            """);
    BuildOptions options = new BuildOptions(dir, dir.resolve("_site"), true, false, false);
    try (PreviewServer server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(new StringWriter()));
         Browser browser = new Browser(1024, 800)) {
      var driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      driver.get("http://127.0.0.1:" + server.port() + "/blog/next-release.html");
      assertThat(driver.findElement(By.tagName("article")).getText()).contains("First words.");
      assertThat(driver.findElement(By.cssSelector(".sitegen-draft-banner")).getText()).contains("Draft");
      // the page must not be reloaded by hand: mark it, and see the mark gone after the save
      browser.js("window.sitegenMark = 'before'");
      wait.until(d -> browser.js("return document.readyState").equals("complete"));
      wait.until(d -> server.listeners() > 0);

      site.write("content/blog/20241210-next.md", site.read("content/blog/20241210-next.md")
          .replace("First words.", "Second words, typed later."));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("article"), "Second words, typed later."));
      assertThat(browser.js("return window.sitegenMark === undefined")).isEqualTo(true);
      browser.screenshot("live-reload-draft");

      site.write("content/blog/20241210-next.md", site.read("content/blog/20241210-next.md")
          .replace("title: Next release", "title: [Next release"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sitegen-overlay")));
      String overlay = driver.findElement(By.id("sitegen-overlay")).getText();
      assertThat(overlay).contains("content/blog/20241210-next.md:").contains("front matter");
      assertThat(driver.findElement(By.tagName("article")).getText()).contains("Second words");
      browser.screenshot("live-reload-overlay");

      site.write("content/blog/20241210-next.md", site.read("content/blog/20241210-next.md")
          .replace("title: [Next release", "title: Next release").replace("Second words", "Third words"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("article"), "Third words"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sitegen-overlay")));
    }

    Path out = Files.createTempDirectory("sitegen-built-");
    BuildResult built = SiteBuilder.build(BuildOptions.of(dir).withOutput(out.resolve("site")));
    assertThat(built.ok()).isTrue();
    assertThat(out.resolve("site/blog/next-release.html")).doesNotExist();
    assertThat(Files.readString(out.resolve("site/blog/index.html"))).doesNotContain("Next release");
    assertThat(out.resolve("site/blog/20241125-out.html")).exists();
    assertThat(dir.resolve("_site")).doesNotExist();
  }
}
