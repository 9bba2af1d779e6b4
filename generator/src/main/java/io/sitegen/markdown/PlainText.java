package io.sitegen.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Renders a text node without a backslash, an {@code &} or a carriage return as flexmark does, but
 * reading the page's text directly. Flexmark unescapes it, normalizes its line ends and escapes it
 * for HTML, copying it one {@code charAt} at a time through its sequence classes on each step; on a
 * 4,000-post build (bench/run.sh) those three steps were a quarter of the Markdown time. For such
 * text the first two leave it as it is, and the third replaces only {@code < > "}. Any other text
 * node goes to flexmark's own renderer.
 */
final class PlainText implements NodeRenderer {
  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> {
      String escaped = escaped(node.getChars());
      if (escaped == null) {
        context.delegateRender();
      } else {
        html.raw(escaped); // what html.text() appends after escaping
      }
    }));
  }

  /** The text escaped for HTML, or null when flexmark's unescaping could change it. */
  static String escaped(BasedSequence chars) {
    if (!(chars instanceof SubSequence) || !(chars.getBase() instanceof String base)) return null;
    int start = chars.getStartOffset();
    int end = chars.getEndOffset();
    StringBuilder out = null;
    int copied = start;
    for (int i = start; i < end; i++) {
      char c = base.charAt(i);
      String entity;
      switch (c) {
        case '\\', '&', '\r':
          return null;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          entity = "&quot;";
          break;
        default:
          continue;
      }
      if (out == null) out = new StringBuilder(end - start + 16);
      out.append(base, copied, i).append(entity);
      copied = i + 1;
    }
    if (out == null) return base.substring(start, end);
    return out.append(base, copied, end).toString();
  }
}
