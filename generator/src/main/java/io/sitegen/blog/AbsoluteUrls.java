package io.sitegen.blog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Makes every relative URL of an HTML fragment absolute, for readers that show it out of the site. */
final class AbsoluteUrls {
  private AbsoluteUrls() {}

  static String in(String html, String pageUrl) {
    Document doc = Jsoup.parseBodyFragment(html, pageUrl);
    doc.outputSettings().prettyPrint(false);
    for (Element e : doc.select("[href], [src]")) {
      for (String attr : new String[] {"href", "src"}) {
        if (!e.hasAttr(attr)) continue;
        String absolute = e.absUrl(attr);
        if (!absolute.isEmpty()) e.attr(attr, absolute);
      }
    }
    return doc.body().html();
  }

  /** {@code baseUrl} without a trailing slash joined with a root-relative {@code path}. */
  static String join(String baseUrl, String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + path;
  }
}
