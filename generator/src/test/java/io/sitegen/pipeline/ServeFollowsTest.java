package io.sitegen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.output.MemoryOutput;
import io.sitegen.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What site serve's updates follow: an image that changed size, a 404 layout added or deleted. */
class ServeFollowsTest {
  @TempDir
  Path dir;

  private static byte[] png(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void anImageThatChangedSizeAndA404LayoutAreFollowed() throws IOException {
    TestSite site = TestSite.withLayouts(dir)
        .write("site.yml", "baseUrl: https://example.org\ndefaults:\n  - scope: {path: ''}\n    values: {layout: article}\n")
        .write("content/index.md", "# Home\n\n![chart](img/chart.png)\n")
        .write("content/img/chart.png", png(40, 20));
    Session session = new Session(BuildOptions.of(dir), true);
    MemoryOutput out = new MemoryOutput();
    assertThat(session.build(out).ok()).isTrue();
    out.commit();
    assertThat(new String(out.get("index.html"), StandardCharsets.UTF_8)).contains("width=\"40\" height=\"20\"");

    site.write("content/img/chart.png", png(80, 30));
    assertThat(session.update(List.of(dir.resolve("content/img/chart.png")), out).ok()).isTrue();
    out.commit();
    assertThat(new String(out.get("index.html"), StandardCharsets.UTF_8)).contains("width=\"80\" height=\"30\"");

    site.write("layouts/404.html", "{% extends \"layouts/base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{% endblock %}");
    assertThat(session.update(List.of(dir.resolve("layouts/404.html")), out).ok()).isTrue();
    out.commit();
    assertThat(new String(out.get("404.html"), StandardCharsets.UTF_8)).contains("<h1>Page not found</h1>");

    site.delete("layouts/404.html");
    assertThat(session.update(List.of(dir.resolve("layouts/404.html")), out).ok()).isTrue();
    out.commit();
    assertThat(out.get("404.html")).isNull();
    session.close();
  }
}
