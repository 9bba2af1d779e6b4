package io.sitegen.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
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

  private LinkHooks() {}

  private static LinkHook hookOf(Document document) {
    LinkHook hook = HOOK.get(document);
    return hook == null ? LinkHook.NONE : hook;
  }

  /** Markdown links and images. */
  static final class Resolver implements LinkResolver {
    static final IndependentLinkResolverFactory FACTORY = new IndependentLinkResolverFactory() {
      @Override
      public LinkResolver apply(LinkResolverBasicContext context) {
        return new Resolver();
      }
    };

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
      if (link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE) return link;
      String resolved = hookOf(context.getDocument()).resolve(link.getUrl(), node.getLineNumber());
      return resolved.equals(link.getUrl()) ? link : link.withUrl(resolved);
    }
  }

  /** Raw HTML: rewrites the URL attributes of a, img, source and video, keeping the rest as written. */
  static final class RawHtml implements NodeRenderer {
    private static final Pattern MAY_LINK = Pattern.compile("(?i)\\b(href|src)\\s*=");
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
      StringBuilder out = new StringBuilder(text.length() + 16);
      int copied = 0;
      int searchFrom = 0;
      boolean changed = false;
      for (Element e : Jsoup.parseBodyFragment(text).select(SELECTOR)) {
        String attr = e.hasAttr("href") ? "href" : "src";
        String value = e.attr(attr);
        Matcher m = Pattern.compile("(?i)\\b" + attr + "\\s*=\\s*([\"']?)" + Pattern.quote(value))
            .matcher(text);
        if (!m.find(searchFrom)) continue; // written with entities: leave it as it is
        searchFrom = m.end();
        int valueStart = m.end() - value.length();
        int line = node.getLineNumber() + countLines(text, valueStart);
        String resolved = hook.resolve(value, line);
        if (!resolved.equals(value)) {
          out.append(text, copied, valueStart).append(escapeAttr(resolved, m.group(1)));
          copied = m.end();
          changed = true;
        }
      }
      if (!changed) return null;
      return out.append(text, copied, text.length()).toString();
    }

    private static int countLines(String text, int end) {
      int n = 0;
      for (int i = 0; i < end; i++) if (text.charAt(i) == '\n') n++;
      return n;
    }

    private static String escapeAttr(String value, String quote) {
      String v = value.replace("&", "&amp;");
      return quote.equals("'") ? v.replace("'", "&#39;") : v.replace("\"", "&quot;");
    }
  }
}
