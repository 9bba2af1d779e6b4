package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.cli.Main;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.testing.Browser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The starter of site init, served by site serve, in headless Chromium: a post's code is coloured
 * at build time, its tag page lists it, and a missing path shows the site's 404 page.
 */
class StarterFeaturesBrowserTest {
  @TempDir
  Path dir;

  @Test
  void theStartersFeaturesWorkInABrowser() throws Exception {
    Path site = dir.resolve("site");
    assertThat(Main.run(new String[] {"init", site.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()))).isZero();
    Files.writeString(site.resolve("content/blog/2024-05-01-kotlin.md"), """
        ---
        title: Kotlin notes
        tags: [kotlin, notes]
        ---
        # Kotlin notes

        ```kotlin
        fun main() {
            val greeting = "hello" // a comment
            println(greeting.length + 42)
        }
        ```
        """);
    try (PreviewServer server = new PreviewServer(new BuildOptions(site, site.resolve("_site"), true, false, false),
        "127.0.0.1", 0, new PrintWriter(new StringWriter(), true));
         Browser browser = new Browser(1280, 900)) {
      String base = "http://localhost:" + server.port();
      browser.driver().get(base + "/blog/2024-05-01-kotlin.html");
      List<WebElement> keywords = browser.driver().findElements(By.cssSelector("pre code .token.keyword"));
      assertThat(keywords).extracting(WebElement::getText).contains("fun", "val");
      String keyword = keywords.get(0).getCssValue("color");
      String plain = (String) browser.js("return getComputedStyle(document.querySelector('pre code')).color");
      assertThat(keyword).as("keywords are coloured, not the code's own colour").isNotEqualTo(plain);
      WebElement string = browser.driver().findElement(By.cssSelector("pre code .token.string"));
      assertThat(string.getText()).isEqualTo("\"hello\"");
      assertThat(string.getCssValue("color")).isNotEqualTo(keyword).isNotEqualTo(plain);
      assertThat((Long) browser.js("return document.scripts.length - document.querySelectorAll('script[src*=_sitegen]').length"))
          .as("no script colours it").isZero();

      browser.driver().findElement(By.cssSelector("a[rel=tag][href$='/tags/kotlin/']")).click();
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("kotlin");
      assertThat(browser.driver().findElements(By.cssSelector(".card h2 a"))).extracting(WebElement::getText)
          .containsExactly("Kotlin notes");

      browser.driver().get(base + "/nope");
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
      assertThat((Long) browser.js("return [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"))
          .as("the 404 page is styled").isPositive();
      browser.screenshot("starter-404-1280");
    }
  }
}
