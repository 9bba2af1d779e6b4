package io.sitegen.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The width and height of local images, so that {@code <img>} tags get them and a page does not
 * shift while its images load. PNG, JPEG, GIF and WebP are read with metadata-extractor, which
 * reads their headers without decoding a pixel; SVG from its {@code width}/{@code height} or
 * {@code viewBox}.
 */
public final class ImageSizes {
  /** What reading an image gave: its size, or why it has none ({@code size} null). */
  public record Result(Size size, String problem) {
    static Result of(int width, int height) {
      return width > 0 && height > 0 ? new Result(new Size(width, height), null)
          : new Result(null, "no width and height in it");
    }
  }

  public record Size(int width, int height) {}

  /** The most of an SVG file read for its size: its root element comes first. */
  private static final int SVG_BYTES = 64 * 1024;

  private ImageSizes() {}

  /** Whether a file name is one of the formats sized here. */
  public static boolean sized(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".gif")
        || lower.endsWith(".webp") || lower.endsWith(".svg");
  }

  /** The size of the image in {@code file}, or why it cannot be told (a corrupt file). Never throws. */
  public static Result of(Path file) {
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) return svg(file);
      Metadata metadata;
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        metadata = ImageMetadataReader.readMetadata(in);
      }
      return raster(metadata);
    } catch (ImageProcessingException | com.drew.metadata.MetadataException | IOException | RuntimeException e) {
      return new Result(null, "cannot read its size: not a valid image");
    }
  }

  private static Result raster(Metadata metadata) throws com.drew.metadata.MetadataException {
    PngDirectory png = metadata.getFirstDirectoryOfType(PngDirectory.class);
    if (png != null && png.containsTag(PngDirectory.TAG_IMAGE_WIDTH)) {
      return Result.of(png.getInt(PngDirectory.TAG_IMAGE_WIDTH), png.getInt(PngDirectory.TAG_IMAGE_HEIGHT));
    }
    JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
    if (jpeg != null) {
      int w = jpeg.getImageWidth();
      int h = jpeg.getImageHeight();
      // orientations 5 to 8 turn the picture a quarter: browsers show it with width and height swapped
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      boolean turned = exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
          && exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) >= 5;
      return turned ? Result.of(h, w) : Result.of(w, h);
    }
    GifHeaderDirectory gif = metadata.getFirstDirectoryOfType(GifHeaderDirectory.class);
    if (gif != null) return Result.of(gif.getInt(GifHeaderDirectory.TAG_IMAGE_WIDTH), gif.getInt(GifHeaderDirectory.TAG_IMAGE_HEIGHT));
    WebpDirectory webp = metadata.getFirstDirectoryOfType(WebpDirectory.class);
    if (webp != null) return Result.of(webp.getInt(WebpDirectory.TAG_IMAGE_WIDTH), webp.getInt(WebpDirectory.TAG_IMAGE_HEIGHT));
    for (Directory d : metadata.getDirectories()) if (d.hasErrors()) return new Result(null, "cannot read its size: " + d.getErrors().iterator().next());
    return new Result(null, "cannot read its size: not a valid image");
  }

  private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

  /** An SVG's size: its width and height in pixels, else its viewBox's. */
  private static Result svg(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      head = in.readNBytes(SVG_BYTES);
    }
    Document doc = Jsoup.parse(new String(head, java.nio.charset.StandardCharsets.UTF_8), "", Parser.xmlParser());
    Element svg = doc.selectFirst("svg");
    if (svg == null) return new Result(null, "cannot read its size: no <svg> element");
    Matcher w = LENGTH.matcher(svg.attr("width"));
    Matcher h = LENGTH.matcher(svg.attr("height"));
    if (w.matches() && h.matches()) {
      return Result.of((int) Math.round(Double.parseDouble(w.group(1))), (int) Math.round(Double.parseDouble(h.group(1))));
    }
    String[] box = svg.attr("viewBox").trim().split("[\\s,]+");
    if (box.length == 4) {
      try {
        return Result.of((int) Math.round(Double.parseDouble(box[2])), (int) Math.round(Double.parseDouble(box[3])));
      } catch (NumberFormatException e) {
        return new Result(null, "cannot read its size: a viewBox that is not four numbers");
      }
    }
    return new Result(null, "no width and height or viewBox on its <svg>");
  }

  /** An {@code <img>} tag, and its attributes. */
  private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIZE_ATTRIBUTE = Pattern.compile("\\s(?:width|height)\\s*=", Pattern.CASE_INSENSITIVE);

  /**
   * The HTML with {@code width} and {@code height} added to each {@code <img>} that has neither,
   * as {@code sizeOf} tells them for its {@code src} (null: leave it as it is).
   */
  public static String addSizes(String html, Function<String, Size> sizeOf) {
    if (html == null || html.indexOf("<img") < 0 && html.indexOf("<IMG") < 0) return html;
    Matcher m = IMG.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 64);
    int at = 0;
    while (m.find()) {
      String tag = m.group();
      if (SIZE_ATTRIBUTE.matcher(tag).find()) continue;
      Matcher src = SRC.matcher(tag);
      if (!src.find()) continue;
      String value = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
      Size size = sizeOf.apply(Parser.unescapeEntities(value, true));
      if (size == null) continue;
      int end = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
      while (end > 0 && Character.isWhitespace(tag.charAt(end - 1))) end--;
      out.append(html, at, m.start()).append(tag, 0, end)
          .append(" width=\"").append(size.width()).append("\" height=\"").append(size.height()).append('"')
          .append(tag, end, tag.length());
      at = m.end();
    }
    if (at == 0) return html;
    return out.append(html, at, html.length()).toString();
  }
}
