package io.sitegen.blog;

import io.sitegen.config.SiteConfig;
import io.sitegen.content.Page;
import io.sitegen.output.Output;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sitemap.xml}, every listed page sorted by URL, and the {@code robots.txt} that names it:
 * files of the whole site, written once its pages are known. Both need {@code baseUrl}.
 */
public final class Sitemap {
  private Sitemap() {}

  /**
   * The files this step writes, as output paths.
   *
   * @param ownRobots whether the site provides its own robots.txt
   */
  public static List<String> outputPaths(SiteConfig config, boolean ownRobots) {
    if (config.string("baseUrl", "").isBlank()) return List.of();
    return writesRobots(config, ownRobots) ? List.of("sitemap.xml", "robots.txt") : List.of("sitemap.xml");
  }

  /**
   * Whether the build writes robots.txt: not when the site has its own, nor under a sub-path, as
   * crawlers read it only at the root of a host, which a project site does not own.
   */
  private static boolean writesRobots(SiteConfig config, boolean ownRobots) {
    return !ownRobots && config.basePath().isEmpty();
  }

  /**
   * @param listed     the pages the build lists
   * @param indexUrls  the blog's index pages
   */
  public static void write(SiteConfig config, List<Page> listed, List<String> indexUrls, boolean ownRobots,
      Output out) {
    String baseUrl = config.string("baseUrl", "");
    if (baseUrl.isBlank()) return;
    List<Entry> urls = new ArrayList<>();
    // a folder's index page is listed at the folder's URL, as servers answer it: / not /index.html
    for (Page page : listed) {
      String url = page.url().endsWith("/index.html") ? page.url().substring(0, page.url().length() - 10) : page.url();
      urls.add(new Entry(url, page.date()));
    }
    for (String url : indexUrls) urls.add(new Entry(url, null));
    out.write("sitemap.xml", xml(baseUrl, urls).getBytes(StandardCharsets.UTF_8));
    if (writesRobots(config, ownRobots)) out.write("robots.txt", robots(baseUrl).getBytes(StandardCharsets.UTF_8));
  }

  /** @param date null when the page has none */
  record Entry(String url, OffsetDateTime date) {}

  static String xml(String baseUrl, List<Entry> entries) {
    List<Entry> sorted = entries.stream().sorted(Comparator.comparing(Entry::url)).toList();
    return Feeds.write(xml -> {
      xml.setDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
      for (Entry e : sorted) {
        xml.writeStartElement("url");
        Feeds.element(xml, "loc", AbsoluteUrls.join(baseUrl, e.url()));
        if (e.date() != null) Feeds.element(xml, "lastmod", DateTimeFormatter.ISO_LOCAL_DATE.format(e.date()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    });
  }

  static String robots(String baseUrl) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + AbsoluteUrls.join(baseUrl, "/sitemap.xml") + "\n";
  }
}
