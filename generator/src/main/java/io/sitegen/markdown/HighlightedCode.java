package io.sitegen.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.sitegen.markdown.highlight.Highlighter;
import java.util.Set;

/**
 * Renders a fenced code block whose language {@link Highlighter} knows as flexmark does
 * ({@code <pre><code class="language-X">}), with the code as Prism's token spans; any other
 * fenced block (no language, an unknown one, code too long or that failed to tokenize) goes to
 * flexmark's own renderer, plain.
 */
final class HighlightedCode implements NodeRenderer {
  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, (node, context, html) -> {
      BasedSequence info = node.getInfo();
      HtmlRendererOptions options = context.getHtmlOptions();
      String language = info.isNull() || info.isBlank() ? null
          : node.getInfoDelimitedByAny(options.languageDelimiterSet).unescape();
      String highlighted = Highlighter.supports(language)
          ? Highlighter.highlight(language, node.getContentChars().normalizeEOL()) : null;
      if (highlighted == null) {
        context.delegateRender();
        return;
      }
      // as CoreNodeRenderer writes a fenced block, with the code already escaped
      html.line();
      html.srcPosWithTrailingEOL(node.getChars()).withAttr().tag("pre").openPre();
      html.attr("class", options.languageClassMap.getOrDefault(language, options.languageClassPrefix + language));
      html.srcPosWithEOL(node.getContentChars()).withAttr(CoreNodeRenderer.CODE_CONTENT).tag("code");
      html.raw(highlighted);
      html.tag("/code");
      html.tag("/pre").closePre();
      html.lineIf(options.htmlBlockCloseTagEol);
    }));
  }
}
