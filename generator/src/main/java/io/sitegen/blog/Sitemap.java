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
   * @param versionsOf every version of a page in the site's languages, itself included: each
   *                   listed version is named in the entry of every other, as an hreflang alternate
   */
  public static void write(SiteConfig config, List<Page> listed, List<String> indexUrls, boolean ownRobots,
      java.util.function.Function<Page, List<Page>> versionsOf, Output out) {
    String baseUrl = config.string("baseUrl", "");
    if (baseUrl.isBlank()) return;
    List<Entry> urls = new ArrayList<>();
    java.util.Set<String> inMap = new java.util.HashSet<>();
    for (Page page : listed) inMap.add(page.relPath());
    for (Page page : listed) {
      List<Alternate> alternates = new ArrayList<>();
      List<Page> versions = versionsOf.apply(page);
      if (versions.size() > 1) {
        for (Page v : versions) {
          if (inMap.contains(v.relPath())) alternates.add(new Alternate(v.lang(), locationOf(v)));
        }
      }
      urls.add(new Entry(locationOf(page), page.date(), alternates.size() > 1 ? alternates : List.of()));
    }
    for (String url : indexUrls) urls.add(new Entry(url, null, List.of()));
    out.write("sitemap.xml", xml(baseUrl, urls).getBytes(StandardCharsets.UTF_8));
    if (writesRobots(config, ownRobots)) out.write("robots.txt", robots(baseUrl).getBytes(StandardCharsets.UTF_8));
  }

  /** Where a page is listed: a folder's index page at the folder's URL, as servers answer it (/ not /index.html). */
  private static String locationOf(Page page) {
    return page.url().endsWith("/index.html") ? page.url().substring(0, page.url().length() - 10) : page.url();
  }

  /**
   * @param date       null when the page has none
   * @param alternates the page's versions in the site's languages, itself included; none when it has no other
   */
  record Entry(String url, OffsetDateTime date, List<Alternate> alternates) {}

  /** A version of a page in another language: {@code <xhtml:link rel="alternate" hreflang="pl">}. */
  record Alternate(String lang, String url) {}

  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  static String xml(String baseUrl, List<Entry> entries) {
    List<Entry> sorted = entries.stream().sorted(Comparator.comparing(Entry::url)).toList();
    return Feeds.write(xml -> {
      xml.setDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
      // Google's form for the versions of a page in other languages; declared only when a page has some
      if (sorted.stream().anyMatch(e -> !e.alternates().isEmpty())) xml.writeNamespace("xhtml", XHTML);
      for (Entry e : sorted) {
        xml.writeStartElement("url");
        Feeds.element(xml, "loc", AbsoluteUrls.join(baseUrl, e.url()));
        if (e.date() != null) Feeds.element(xml, "lastmod", DateTimeFormatter.ISO_LOCAL_DATE.format(e.date()));
        for (Alternate a : e.alternates()) {
          xml.writeEmptyElement("xhtml", "link", XHTML);
          xml.writeAttribute("rel", "alternate");
          xml.writeAttribute("hreflang", a.lang());
          xml.writeAttribute("href", AbsoluteUrls.join(baseUrl, a.url()));
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    });
  }

  static String robots(String baseUrl) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + AbsoluteUrls.join(baseUrl, "/sitemap.xml") + "\n";
  }
}
