package io.sitegen.content;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter written and edited as text, so that an author's comments, key order and formatting
 * survive: a new draft's front matter, and publishing a draft.
 */
public final class Drafting {
  private static final Pattern DRAFT_TRUE = Pattern.compile("(?m)^draft:[ \\t]*(true|\"true\"|'true')[ \\t]*(#.*)?(\\r?\\n|$)");
  private static final Pattern DATE = Pattern.compile("(?m)^(date:[ \\t]*)([\"']?)([^\"'#\\r\\n]*?)([\"']?)([ \\t]*(#.*)?)(\\r?$)");
  private static final Pattern TITLE = Pattern.compile("(?m)^title:.*(\\r?\\n)");

  private Drafting() {}

  /** Why a draft cannot be published, as a message. */
  public static final class NotADraft extends Exception {
    NotADraft(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The front matter and first lines of a new draft.
   *
   * @param layout    the layout, as the site names it
   * @param permalink where it will be published
   * @param stem      the file name without {@code .md}, used for the commented-out preview keys
   */
  public static String newDraft(String layout, String title, LocalDate date, String permalink, String stem,
      boolean post) {
    StringBuilder s = new StringBuilder("---\n");
    s.append("layout: ").append(layout).append('\n');
    s.append("title: ").append(quote(title)).append('\n');
    s.append("date: ").append(date).append('\n');
    if (post) {
      s.append("# previewBody: blog_previews/").append(stem).append(".html\n");
      s.append("# preview: \"<p>One or two sentences for the blog index.</p>\"\n");
      s.append("# image: images/").append(stem).append(".png\n");
      s.append("# imageWide: true\n");
    }
    s.append("draft: true\n");
    s.append("permalink: ").append(quote(permalink)).append('\n');
    s.append("---\n\n");
    s.append("# ").append(title).append("\n\n");
    // no date in the body: the front matter holds it, and site publish --date changes it there only
    s.append("Write here.\n");
    return s.toString();
  }

  /**
   * Removes {@code draft: true} from the front matter and sets {@code date}, changing nothing else.
   *
   * @throws NotADraft when the front matter has no {@code draft: true}
   */
  public static String publish(String text, LocalDate date) throws NotADraft {
    int end = frontMatterEnd(text);
    if (end < 0) throw new NotADraft("no front matter, so not a draft");
    String front = text.substring(0, end);
    String rest = text.substring(end);
    Matcher draft = DRAFT_TRUE.matcher(front);
    if (!draft.find()) throw new NotADraft("not a draft: its front matter has no 'draft: true'");
    front = front.substring(0, draft.start()) + front.substring(draft.end());
    Matcher dated = DATE.matcher(front);
    if (dated.find()) {
      front = front.substring(0, dated.start(3)) + date + front.substring(dated.end(3));
    } else {
      String eol = front.contains("\r\n") ? "\r\n" : "\n";
      Matcher title = TITLE.matcher(front);
      int at = title.find() ? title.end() : front.length();
      front = front.substring(0, at) + "date: " + date + eol + front.substring(at);
    }
    return front + rest;
  }

  /** Where the closing {@code ---} line of the front matter starts, or -1. */
  private static int frontMatterEnd(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    int offset = text.length() - body.length();
    if (!body.startsWith("---\n") && !body.startsWith("---\r\n")) return -1;
    Matcher close = Pattern.compile("(?m)^(---|\\.\\.\\.)[ \\t]*\\r?$").matcher(body);
    if (!close.find(body.indexOf('\n') + 1)) return -1;
    return offset + close.start();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
