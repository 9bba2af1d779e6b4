package io.sitegen.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitegen.images.ImageSizes.Result;
import io.sitegen.images.ImageSizes.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes of PNG, JPEG, GIF, WebP and SVG files, and width/height added to img tags that lack both. */
class ImageSizesTest {
  @TempDir
  Path dir;

  private Path image(String format, int w, int h) throws IOException {
    Path file = dir.resolve("a." + format);
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, file.toFile());
    return file;
  }

  @Test
  void rasterImagesAreSizedFromTheirHeaders() throws IOException {
    assertThat(ImageSizes.of(image("png", 640, 360))).isEqualTo(new Result(new Size(640, 360), null));
    assertThat(ImageSizes.of(image("jpg", 30, 20)).size()).isEqualTo(new Size(30, 20));
    assertThat(ImageSizes.of(image("gif", 7, 9)).size()).isEqualTo(new Size(7, 9));
  }

  @Test
  void webpIsSizedToo() throws IOException {
    // a 1x1 lossless WebP
    Path file = dir.resolve("a.webp");
    Files.write(file, Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
    assertThat(ImageSizes.of(file).size()).isEqualTo(new Size(1, 1));
  }

  @Test
  void svgFromItsWidthAndHeightElseItsViewBox() throws IOException {
    Path sized = dir.resolve("a.svg");
    Files.writeString(sized, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height=\"40\" viewBox=\"0 0 12 4\"/>");
    assertThat(ImageSizes.of(sized).size()).isEqualTo(new Size(120, 40));
    Path boxed = dir.resolve("b.svg");
    Files.writeString(boxed, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24.4 12\"><path d=\"M0 0\"/></svg>");
    assertThat(ImageSizes.of(boxed).size()).isEqualTo(new Size(24, 12));
    Path bare = dir.resolve("c.svg");
    Files.writeString(bare, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\"/>");
    assertThat(ImageSizes.of(bare).problem()).isEqualTo("no width and height or viewBox on its <svg>");
  }

  @Test
  void aCorruptImageHasAProblemNotAnException() throws IOException {
    Path png = dir.resolve("bad.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    assertThat(ImageSizes.of(png).size()).isNull();
    assertThat(ImageSizes.of(png).problem()).startsWith("cannot read its size");
    Path text = dir.resolve("text.jpg");
    Files.writeString(text, "not an image");
    assertThat(ImageSizes.of(text).problem()).startsWith("cannot read its size");
    assertThat(ImageSizes.of(dir.resolve("missing.png")).problem()).startsWith("cannot read its size");
  }

  @Test
  void imgTagsWithoutASizeGetOne() {
    Map<String, Size> sizes = Map.of("/a.png", new Size(640, 360), "b.svg", new Size(2, 1));
    String html = "<p><img src=\"/a.png\" alt=\"A\"> <img src='b.svg'/> <img src=\"/a.png\" width=\"10\">"
        + " <img alt=x src=/a.png > <img src=\"/none.png\"> <IMG SRC=\"/a.png\"></p>";
    assertThat(ImageSizes.addSizes(html, sizes::get)).isEqualTo(
        "<p><img src=\"/a.png\" alt=\"A\" width=\"640\" height=\"360\"> <img src='b.svg' width=\"2\" height=\"1\"/>"
            + " <img src=\"/a.png\" width=\"10\"> <img alt=x src=/a.png width=\"640\" height=\"360\" >"
            + " <img src=\"/none.png\"> <IMG SRC=\"/a.png\" width=\"640\" height=\"360\"></p>");
    assertThat(ImageSizes.addSizes("<p>no images</p>", sizes::get)).isEqualTo("<p>no images</p>");
  }
}
