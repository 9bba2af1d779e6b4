package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.problems.Problem;
import io.sitegen.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local images in Markdown and raw HTML get width and height from their files, also through the cache. */
class ImageSizeBuildTest {
  @TempDir
  Path dir;

  private TestSite site;

  private static byte[] png(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @BeforeEach
  void fixture() throws IOException {
    site = TestSite.withLayouts(dir)
        .write("site.yml", "baseUrl: https://example.org/docs\ndefaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("content/guide.md", """
            # Guide

            ![A chart](images/chart.png) and <img src="/logo.svg" alt="logo">
            and <img src="images/chart.png" width="50"> kept, and ![remote](https://example.org/x.png).

            ![broken](images/bad.png)
            """)
        .write("content/images/chart.png", png(640, 360))
        .write("content/images/bad.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})
        .write("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 16\"/>");
  }

  private BuildResult build() {
    return SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_site")).withCache(true));
  }

  @Test
  void imagesGetTheirSizeAndACorruptOneIsAWarningAtItsLine() {
    BuildResult result = build();
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "content/guide.md:6: warning: image /docs/images/bad.png: cannot read its size: not a valid image");
    String html = site.read("_site/guide.html");
    assertThat(html).contains("<img src=\"/docs/images/chart.png\" alt=\"A chart\" width=\"640\" height=\"360\" />",
        "<img src=\"/docs/logo.svg\" alt=\"logo\" width=\"32\" height=\"16\">",
        "<img src=\"/docs/images/chart.png\" width=\"50\">", "<img src=\"https://example.org/x.png\" alt=\"remote\" />");
  }

  @Test
  void aCachedBuildNoticesAnImageWhoseSizeChangedAndKeepsItsWarning() throws IOException {
    build();
    site.write("content/images/chart.png", png(100, 50));
    BuildResult again = build();
    assertThat(again.problems()).extracting(Problem::toString).containsExactly(
        "content/guide.md:6: warning: image /docs/images/bad.png: cannot read its size: not a valid image");
    String cached = site.read("_site/guide.html");
    assertThat(cached).contains("alt=\"A chart\" width=\"100\" height=\"50\"");
    BuildResult fresh = SiteBuilder.build(BuildOptions.of(dir).withOutput(dir.resolve("_fresh")));
    assertThat(fresh.problems()).hasSize(1);
    assertThat(site.read("_fresh/guide.html")).isEqualTo(cached);
  }
}
