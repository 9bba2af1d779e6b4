package io.sitegen.blog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A post's excerpt: its text up to {@code <!-- more -->}, or its first paragraph, without headings,
 * cut at a word boundary near a length.
 */
final class Excerpt {
  static final String MORE = "<!-- more -->";

  private Excerpt() {}

  static String of(String html, int length) {
    int more = html.indexOf(MORE);
    String part;
    if (more >= 0) {
      part = html.substring(0, more);
    } else {
      int start = html.indexOf("<p>");
      if (start < 0) return "";
      int end = html.indexOf("</p>", start);
      part = html.substring(start, end < 0 ? html.length() : end + 4);
    }
    // Only this small part is parsed: the excerpt needs its text, not the whole page's tree.
    // Headings are left out: the first one usually repeats the title shown beside the excerpt.
    Element body = Jsoup.parseBodyFragment(part).body();
    body.select("h1, h2, h3, h4, h5, h6").remove();
    return cut(body.text(), length);
  }

  /** Cuts text at the last word boundary at or before {@code length}, adding an ellipsis. */
  static String cut(String text, int length) {
    if (text.length() <= length) return text;
    int space = text.lastIndexOf(' ', length);
    if (space < length / 2) {
      int next = text.indexOf(' ', length);
      space = next < 0 ? text.length() : next;
    }
    String head = text.substring(0, space).stripTrailing();
    while (!head.isEmpty() && ",;:-\u2013\u2014".indexOf(head.charAt(head.length() - 1)) >= 0) {
      head = head.substring(0, head.length() - 1).stripTrailing();
    }
    return space >= text.length() ? head : head + "\u2026";
  }
}
