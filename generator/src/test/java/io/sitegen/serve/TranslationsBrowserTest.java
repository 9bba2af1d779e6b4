package io.sitegen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.cli.Main;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.testing.Browser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The starter of site init in two languages, served by site serve, in headless Chromium: a
 * translated doc shows the language switcher and, being older than its original, the outdated
 * banner in its language; the switcher leads to the original, which has no banner.
 */
class TranslationsBrowserTest {
  @TempDir
  Path dir;

  @Test
  void theSwitcherAndTheOutdatedBannerShowInTheStartersDocLayout() throws Exception {
    Path site = dir.resolve("site");
    assertThat(Main.run(new String[] {"init", site.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()))).isZero();
    Files.writeString(site.resolve("site.yml"), Files.readString(site.resolve("site.yml")) + """
        languages:
          en: {name: English}
          pl: {name: Polski}
        translations:
          pattern: "{dir}/lang/{lang}/{file}"
        """);
    Files.writeString(site.resolve("content/docs/index.md"), """
        ---
        title: Documentation
        revision: 2026-02-01
        ---
        # Documentation

        How to use it: [home](../index.md).
        """);
    Files.createDirectories(site.resolve("content/docs/lang/pl"));
    Files.writeString(site.resolve("content/docs/lang/pl/index.md"), """
        ---
        title: Dokumentacja
        revision: 15.01.2026
        ---
        # Dokumentacja

        Jak tego używać: [strona główna](../index.md).
        """);
    Files.writeString(site.resolve("i18n/pl.yml"), """
        languages: Języki
        nav: {docs: Dokumentacja}
        docs: {title: Dokumentacja}
        translation:
          outdated: To tłumaczenie jest starsze niż oryginał.
          original: Przeczytaj oryginał
        """);
    try (PreviewServer server = new PreviewServer(new BuildOptions(site, site.resolve("_site"), true, false, false),
        "127.0.0.1", 0, new PrintWriter(new StringWriter(), true))) {
      String base = "http://localhost:" + server.port();
      for (int width : new int[] {390, 1280}) {
        try (Browser browser = new Browser(width, 900)) {
          browser.driver().get(base + "/docs/lang/pl/index.html");
          assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Dokumentacja");
          assertThat(browser.js("return document.documentElement.lang")).isEqualTo("pl");
          WebElement switcher = browser.driver().findElement(By.cssSelector("nav.languages"));
          assertThat(switcher.isDisplayed()).isTrue();
          assertThat(switcher.getAttribute("aria-label")).isEqualTo("Języki");
          assertThat(switcher.findElements(By.tagName("a"))).extracting(WebElement::getText)
              .containsExactly("English", "Polski");
          assertThat(switcher.findElement(By.cssSelector("a[aria-current]")).getText()).isEqualTo("Polski");
          WebElement banner = browser.driver().findElement(By.cssSelector("p.outdated"));
          assertThat(banner.isDisplayed()).isTrue();
          assertThat(banner.getText()).isEqualTo("To tłumaczenie jest starsze niż oryginał. Przeczytaj oryginał (English)");
          assertThat((Boolean) browser.js("const r = document.querySelector('p.outdated').getBoundingClientRect();"
              + " return r.left >= 0 && r.right <= window.innerWidth")).as("the banner fits at " + width + " px").isTrue();
          assertThat(browser.driver().findElement(By.linkText("strona główna")).getAttribute("href"))
              .as("a link the translation has no page for leads to the original's").isEqualTo(base + "/index.html");
          assertThat(browser.driver().findElements(By.cssSelector(".doc-nav a"))).extracting(WebElement::getText)
              .as("the docs of the page's language").containsExactly("Dokumentacja");
          assertThat(browser.driver().findElement(By.cssSelector(".site-header nav a[aria-current]")).getText())
              .as("the nav in Polish").isEqualTo("Dokumentacja");
          assertThat(browser.driver().findElement(By.cssSelector(".site-footer")).getText())
              .as("a word pl.yml lacks: English").isEqualTo("Built with sitegen from Markdown in this repository.");
          browser.screenshot("translation-outdated-" + width);

          switcher.findElement(By.linkText("English")).click();
          assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Documentation");
          assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
          assertThat(browser.driver().findElements(By.cssSelector("p.outdated"))).as("the original has no banner").isEmpty();
          assertThat(browser.driver().findElements(By.cssSelector(".doc-nav a"))).extracting(WebElement::getText)
              .containsExactly("Documentation");
          assertThat(browser.driver().findElement(By.cssSelector("nav.languages a[aria-current]")).getText())
              .isEqualTo("English");
        }
      }
    }
  }
}
