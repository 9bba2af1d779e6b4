package io.sitegen.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Connects a page's {@link LinkHook} to flexmark: a link resolver for Markdown links and images,
 * and renderers for raw HTML blocks and inline tags that rewrite their link attributes.
 */
final class LinkHooks {
  static final NullableDataKey<LinkHook> HOOK = new NullableDataKey<>("SITEGEN_LINK_HOOK");

  /** The offset at which each line of the document starts, made when a first link asks for it. */
  private static final NullableDataKey<int[]> LINE_STARTS = new NullableDataKey<>("SITEGEN_LINE_STARTS");

  private LinkHooks() {}

  private static LinkHook hookOf(Document document) {
    LinkHook hook = HOOK.get(document);
    return hook == null ? LinkHook.NONE : hook;
  }

  /**
   * The 0-based line on which {@code node} starts, as {@link Node#getLineNumber()} counts it (after
   * \n, \r\n or a lone \r). That one counts from the top of the document on every call: with a
   * link every few lines, a 5 MB page took 25 s.
   */
  static int lineOf(Node node) {
    Document document = node.getDocument();
    int[] starts = LINE_STARTS.get(document);
    if (starts == null) {
      // The text parsed, as given: getBaseSequence().toString() copied it one charAt at a time,
      // a tenth of the Markdown time of a 4,000-post build.
      Object base = document.getChars().getBase();
      starts = lineStarts(base instanceof String s ? s : document.getChars().getBaseSequence().toString());
      document.set(LINE_STARTS, starts);
    }
    int i = Arrays.binarySearch(starts, node.getStartOffset());
    return i >= 0 ? i : -i - 2;
  }

  static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** Markdown links and images. */
  static final class Resolver implements LinkResolver {
    static final IndependentLinkResolverFactory FACTORY = new IndependentLinkResolverFactory() {
      @Override
      public LinkResolver apply(LinkResolverBasicContext context) {
        return new Resolver();
      }
    };

    /**
     * Flexmark asks once per URL of a document and reuses the answer for every other link to it;
     * the hook is told of each place the URL is written, so that each is checked and reported.
     */
    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
      if (link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE) return link;
      // An e-mail address (bare or in <>) becomes mailto:, a bare www. address http://www., as
      // GFM's autolinks do: they are addresses, never files to check.
      if (node instanceof MailLink || node instanceof AutoLink && link.getUrl().startsWith("www.")) return link;
      LinkHook hook = hookOf(context.getDocument());
      int first = lineOf(node);
      String resolved = hook.resolve(link.getUrl(), first);
      for (int line : occurrences(context.getDocument()).getOrDefault(link.getUrl() + "\0" + link.getLinkType(),
          List.of())) {
        if (line != first) hook.resolve(link.getUrl(), line);
      }
      return resolved.equals(link.getUrl()) ? link : link.withUrl(resolved);
    }
  }

  /** The lines on which each URL of a document's Markdown links and images is written ("URL\0TYPE" → lines). */
  private static final NullableDataKey<Map<String, List<Integer>>> OCCURRENCES =
      new NullableDataKey<>("SITEGEN_LINK_OCCURRENCES");

  private static Map<String, List<Integer>> occurrences(Document document) {
    Map<String, List<Integer>> found = OCCURRENCES.get(document);
    if (found != null) return found;
    Map<String, List<Integer>> made = new HashMap<>();
    for (Node n : document.getDescendants()) {
      String url = null;
      LinkType type = LinkType.LINK;
      if (n instanceof Link link) {
        url = link.getUrl().unescape();
      } else if (n instanceof Image image) {
        url = image.getUrl().unescape();
        type = LinkType.IMAGE;
      } else if (n instanceof RefNode ref && ref.isDefined()) {
        Reference reference = ref.getReferenceNode(document);
        if (reference != null) url = reference.getUrl().unescape();
        if (n instanceof ImageRef) type = LinkType.IMAGE;
      }
      if (url == null) continue;
      List<Integer> lines = made.computeIfAbsent(url + "\0" + type, k -> new ArrayList<>());
      int line = lineOf(n);
      if (!lines.contains(line)) lines.add(line);
    }
    document.set(OCCURRENCES, made);
    return made;
  }

  /** Raw HTML: rewrites the URL attributes of a, img, source and video, keeping the rest as written. */
  static final class RawHtml implements NodeRenderer {
    private static final Pattern MAY_LINK = Pattern.compile("(?i)\\b(href|src)\\s*=");
    private static final Pattern LINK_ATTR = Pattern.compile("(?i)\\b(href|src)\\s*=\\s*([\"']?)");
    private static final String SELECTOR = "a[href], img[src], source[src], video[src]";

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(HtmlBlock.class, (node, context, html) -> {
            String text = node.getChars().normalizeEOL();
            String rewritten = rewrite(text, node, context);
            if (rewritten == null) {
              context.delegateRender();
              return;
            }
            html.line();
            html.rawPre(rewritten);
            html.lineIf(context.getHtmlOptions().htmlBlockCloseTagEol);
          }),
          new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) -> {
            String rewritten = rewrite(node.getChars().normalizeEOL(), node, context);
            if (rewritten == null) {
              context.delegateRender();
              return;
            }
            html.rawPre(rewritten);
          }));
    }

    /** The chunk with its link attributes resolved, or null when nothing in it changes. */
    private static String rewrite(String text, Node node, NodeRendererContext context) {
      LinkHook hook = hookOf(context.getDocument());
      if (hook == LinkHook.NONE || !MAY_LINK.matcher(text).find()) return null;
      Map<String, ArrayDeque<int[]>> written = linkAttributes(text);
      StringBuilder out = new StringBuilder(text.length() + 16);
      int copied = 0;
      int searchFrom = 0;
      int line = lineOf(node);
      int lineCounted = 0;
      boolean changed = false;
      for (Element e : Jsoup.parseBodyFragment(text).select(SELECTOR)) {
        String attr = e.hasAttr("href") ? "href" : "src";
        String value = e.attr(attr);
        ArrayDeque<int[]> at = written.get(attr + ' ' + value);
        while (at != null && !at.isEmpty() && at.peek()[0] < searchFrom) at.poll();
        if (at == null || at.isEmpty()) continue; // written with entities: leave it as it is
        int[] found = at.poll();
        int valueStart = found[0];
        int valueEnd = valueStart + value.length();
        searchFrom = valueEnd;
        for (; lineCounted < valueStart; lineCounted++) if (text.charAt(lineCounted) == '\n') line++;
        String resolved = hook.resolve(value, line);
        if (!resolved.equals(value)) {
          out.append(text, copied, valueStart).append(escapeAttr(resolved, found[1]));
          copied = valueEnd;
          changed = true;
        }
      }
      if (!changed) return null;
      return out.append(text, copied, text.length()).toString();
    }

    /**
     * Where each href and src value is written, by "attribute value" as written, in one pass. A
     * pattern per element, searched from the last one found, ran to the end of the chunk for each
     * value Jsoup reads differently from how it is written (with entities): quadratic.
     *
     * @return {value offset, quote character or 0} in order, by name and value
     */
    private static Map<String, ArrayDeque<int[]>> linkAttributes(String text) {
      Map<String, ArrayDeque<int[]>> written = new HashMap<>();
      Matcher m = LINK_ATTR.matcher(text);
      int from = 0;
      while (from <= text.length() && m.find(from)) {
        int start = m.end();
        int end = start;
        char quote = m.group(2).isEmpty() ? 0 : m.group(2).charAt(0);
        if (quote == 0) {
          while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>') end++;
        } else {
          while (end < text.length() && text.charAt(end) != quote) end++;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT) + ' ' + text.substring(start, end);
        written.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new int[] {start, quote});
        from = Math.max(end, m.end() + 1); // on past the value: each character is read once
      }
      return written;
    }

    private static String escapeAttr(String value, int quote) {
      String v = value.replace("&", "&amp;");
      return quote == '\'' ? v.replace("'", "&#39;") : v.replace("\"", "&quot;");
    }
  }
}
