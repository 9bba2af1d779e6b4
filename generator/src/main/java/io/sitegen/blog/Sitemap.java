package io.sitegen.blog;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/** {@code sitemap.xml}, every listed page sorted by URL, and the {@code robots.txt} that names it. */
final class Sitemap {
  private Sitemap() {}

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
