package io.sitegen.blog;

import io.sitegen.content.Page;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The RSS 2.0 and Atom 1.0 feeds of the blog, or of one of its tags, written with the JDK's XML
 * writer.
 */
final class Feeds {
  static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
  static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final String title;
  private final String description;
  private final String baseUrl;
  /** Who a post without an author of its own is by: the site's author, else the site's title. */
  private final String author;
  /** The page the feeds are of, from the site root, without the sub-path; they are {@code feed.rss} and {@code feed.atom} in its folder. */
  private final String home;
  /** The language of the feeds' posts ({@code pl}), on a site that declares languages; else null. */
  private String language;

  /** @param home the page the feeds are of, a folder URL from the site root: {@code /}, {@code /tags/java/} */
  Feeds(String title, String description, String baseUrl, String author, String home) {
    this.title = title;
    this.description = description;
    this.baseUrl = baseUrl;
    this.author = author;
    this.home = home;
  }

  /** These feeds, in {@code lang} (null: not said): RSS's {@code <language>}, Atom's {@code xml:lang}. */
  Feeds inLanguage(String lang) {
    this.language = lang;
    return this;
  }

  /**
   * @param posts  newest first, already limited to the feed's size
   * @param bodyOf each post's rendered content, without its layout
   */
  String rss(List<Page> posts, Function<Page, String> bodyOf) {
    return write(xml -> {
      xml.writeStartElement("rss");
      xml.writeAttribute("version", "2.0");
      xml.writeNamespace("atom", "http://www.w3.org/2005/Atom");
      xml.writeStartElement("channel");
      element(xml, "title", title);
      element(xml, "link", AbsoluteUrls.join(baseUrl, home));
      element(xml, "description", description);
      if (language != null) element(xml, "language", language);
      xml.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
      xml.writeAttribute("href", AbsoluteUrls.join(baseUrl, home + "feed.rss"));
      xml.writeAttribute("rel", "self");
      xml.writeAttribute("type", "application/rss+xml");
      if (!posts.isEmpty() && posts.get(0).date() != null) {
        element(xml, "lastBuildDate", RFC_822.format(posts.get(0).date()));
      }
      for (Page post : posts) {
        String url = AbsoluteUrls.join(baseUrl, post.url());
        xml.writeStartElement("item");
        element(xml, "title", post.title());
        element(xml, "link", url);
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "true");
        xml.writeCharacters(url);
        xml.writeEndElement();
        if (post.date() != null) element(xml, "pubDate", RFC_822.format(post.date()));
        element(xml, "description", AbsoluteUrls.in(bodyOf.apply(post), url));
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
    });
  }

  String atom(List<Page> posts, Function<Page, String> bodyOf) {
    return write(xml -> {
      xml.setDefaultNamespace("http://www.w3.org/2005/Atom");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
      if (language != null) xml.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", language);
      element(xml, "title", title);
      element(xml, "subtitle", description);
      element(xml, "id", AbsoluteUrls.join(baseUrl, home));
      link(xml, AbsoluteUrls.join(baseUrl, home), "alternate", "text/html");
      link(xml, AbsoluteUrls.join(baseUrl, home + "feed.atom"), "self", "application/atom+xml");
      OffsetDateTime updated = posts.isEmpty() || posts.get(0).date() == null ? EPOCH : posts.get(0).date();
      element(xml, "updated", RFC_3339.format(updated));
      for (Page post : posts) {
        String url = AbsoluteUrls.join(baseUrl, post.url());
        OffsetDateTime date = post.date() == null ? EPOCH : post.date();
        xml.writeStartElement("entry");
        element(xml, "title", post.title());
        element(xml, "id", url);
        link(xml, url, "alternate", "text/html");
        element(xml, "published", RFC_3339.format(date));
        element(xml, "updated", RFC_3339.format(date));
        xml.writeStartElement("author");
        element(xml, "name", String.valueOf(post.data().getOrDefault("author", author)));
        xml.writeEndElement();
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(AbsoluteUrls.in(bodyOf.apply(post), url));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
    });
  }

  private static void link(XMLStreamWriter xml, String href, String rel, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("href", href);
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
  }

  static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text == null ? "" : text);
    xml.writeEndElement();
  }

  interface XmlBody {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  static String write(XmlBody body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.append('\n').toString();
  }
}
