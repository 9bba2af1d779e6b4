package io.sitegen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.cli.Main;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.problems.Problem;
import io.sitegen.testing.Browser;
import io.sitegen.testing.FolderServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The starter's search page in headless Chromium, under a sub-path as a GitHub Pages project site
 * is: it fetches the index the build wrote and finds a post by a word of its body, inserting what
 * it shows as text. Screenshots are left in target/screenshots/.
 */
class SearchPageBrowserTest {
  @TempDir
  Path dir;

  private static void eventually(Supplier<Boolean> condition, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not met within 10 s: " + what.get());
      Thread.sleep(50);
    }
  }

  @Test
  void theStartersSearchPageFindsAPostByAWordOfItsBody() throws Exception {
    Path site = dir.resolve("site");
    StringWriter err = new StringWriter();
    assertThat(Main.run(new String[] {"init", site.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)))
        .as(err.toString()).isZero();
    Path yml = site.resolve("site.yml");
    Files.writeString(yml, Files.readString(yml).replace("baseUrl: https://example.org", "baseUrl: https://example.org/project/"));
    Files.writeString(site.resolve("content/blog/2024-05-01-markup.md"),
        "---\ntitle: Tags <b>stay</b> text & more\n---\nA zebra crossing, with <em>raw</em> markup.\n");
    BuildResult result = SiteBuilder.build(BuildOptions.of(site).withStrict(true));
    assertThat(result.problems()).extracting(Problem::toString).isEmpty();

    try (FolderServer server = new FolderServer(site.resolve("_site"), "/project");
         Browser browser = new Browser(1024, 900)) {
      browser.driver().get(server.url("/project/search.html"));
      WebElement input = browser.driver().findElement(By.cssSelector(".search-form input[name=q]"));
      // "publishes" is only in the body of the starter's post, "Hello, world"
      input.sendKeys("Publishes", Keys.ENTER);
      By results = By.cssSelector(".search-results li");
      eventually(() -> !browser.driver().findElements(results).isEmpty(),
          () -> browser.driver().findElement(By.cssSelector(".search-status")).getText());
      List<WebElement> found = browser.driver().findElements(results);
      assertThat(found).hasSize(1);
      WebElement link = found.get(0).findElement(By.tagName("a"));
      assertThat(link.getText()).isEqualTo("Hello, world");
      assertThat(link.getAttribute("href")).startsWith(server.url("/project/blog/")).endsWith("-welcome.html");
      assertThat(found.get(0).getText()).contains("publishes it");
      assertThat(browser.driver().findElement(By.cssSelector(".search-status")).getText())
          .isEqualTo("1 page found for \u201cPublishes\u201d.");
      assertThat(browser.driver().getCurrentUrl()).endsWith("/project/search.html?q=Publishes");
      browser.screenshot("search-starter");

      // the link leads to the post, under the sub-path
      link.click();
      eventually(() -> browser.driver().getCurrentUrl().endsWith("-welcome.html"), () -> browser.driver().getCurrentUrl());
      assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("This is the first post.");

      // a search in the address, every word needed, and text from the index shown as text
      browser.driver().get(server.url("/project/search.html?q=zebra%20crossing"));
      eventually(() -> !browser.driver().findElements(results).isEmpty(), () -> "zebra");
      WebElement item = browser.driver().findElement(results);
      assertThat(item.findElement(By.tagName("a")).getText()).isEqualTo("Tags <b>stay</b> text & more");
      assertThat(item.findElements(By.cssSelector("b, em"))).isEmpty();
      assertThat(item.getText()).contains("A zebra crossing, with raw markup.");

      input = browser.driver().findElement(By.cssSelector(".search-form input[name=q]"));
      input.clear();
      input.sendKeys("zebra nowhere", Keys.ENTER);
      eventually(() -> browser.driver().findElements(results).isEmpty(), () -> "no results");
      assertThat(browser.driver().findElement(By.cssSelector(".search-status")).getText())
          .isEqualTo("No pages found for \u201czebra nowhere\u201d.");
    }
  }
}
