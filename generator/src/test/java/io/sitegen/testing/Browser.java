package io.sitegen.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through {@code /usr/bin/chromedriver}, with a fresh profile and
 * no background networking. {@code .ci/run} installs both packages.
 */
public final class Browser implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final Path profile;

  public Browser(int width, int height) {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver:"
          + " apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    try {
      profile = Files.createTempDirectory("sitegen-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(width, height));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves a screenshot under target/screenshots/ for a person to look at. */
  public Path screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
