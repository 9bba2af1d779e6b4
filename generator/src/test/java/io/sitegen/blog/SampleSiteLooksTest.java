package io.sitegen.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.pipeline.SiteBuilder;
import io.sitegen.testing.Browser;
import io.sitegen.testing.FolderServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The sample site's blog index in headless Chromium at a phone and a desktop width: cards with
 * image, title, date and preview, one column on a phone, two on a desktop, nothing wider than the
 * screen. Screenshots are left in target/screenshots/.
 */
class SampleSiteLooksTest {
  @TempDir
  static Path out;

  @BeforeAll
  static void buildSample() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    BuildResult result = SiteBuilder.build(BuildOptions.of(root).withOutput(out.resolve("site")));
    assertThat(result.problems()).isEmpty();
  }

  private void check(int width, int expectedColumns) {
    try (FolderServer server = new FolderServer(out.resolve("site"));
         Browser browser = new Browser(width, 1400)) {
      browser.driver().get(server.url("/blog/"));
      List<WebElement> cards = browser.driver().findElements(By.cssSelector(".card"));
      assertThat(cards).hasSizeGreaterThanOrEqualTo(4);
      for (WebElement card : cards) {
        assertThat(card.findElement(By.cssSelector("h2 a")).getText()).isNotBlank();
        assertThat(card.findElement(By.cssSelector("time")).getText()).matches("\\d{1,2} \\w{3} \\d{4}");
        assertThat(card.findElement(By.cssSelector(".preview")).getText()).isNotBlank();
        WebElement img = card.findElement(By.cssSelector(".card-image img"));
        assertThat((Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
            .as("image %s loads", img.getAttribute("src")).isTrue();
      }
      long pageWidth = (Long) browser.js("return document.documentElement.scrollWidth");
      long viewport = (Long) browser.js("return window.innerWidth");
      assertThat(pageWidth).as("no horizontal scrolling").isLessThanOrEqualTo(viewport);
      long columns = cards.stream().filter(c -> !c.getAttribute("class").contains("card-wide"))
          .map(c -> c.getRect().getX()).distinct().count();
      assertThat(columns).isEqualTo(expectedColumns);
      browser.screenshot("blog-index-" + width);
    }
  }

  @Test
  void phoneShowsOneColumnOfCards() {
    check(390, 1);
  }

  @Test
  void desktopShowsTwoColumnsOfCards() {
    check(1280, 2);
  }
}
