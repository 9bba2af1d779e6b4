package io.sitegen.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * CommonMark with GFM tables, strikethrough, autolinks and footnotes, rendered to HTML with heading
 * ids, and fenced code in a known language highlighted at build time (io.sitegen.markdown.highlight).
 * One instance is built per site and shared by all threads: flexmark's parser and renderer are
 * immutable once built, and the highlighter's grammars are only read once loaded.
 */
public final class Markdown {
  private final Parser parser;
  private final HtmlRenderer renderer;

  /**
   * Off with {@code -Dsitegen.highlight=off}, for bench/highlight.sh to time builds without
   * highlighting; not a site setting.
   */
  static final boolean HIGHLIGHT = !"off".equals(System.getProperty("sitegen.highlight"));

  public Markdown(boolean softBreaksAsBr) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(
        TablesExtension.create(),
        StrikethroughExtension.create(),
        new BareUrls(),
        FootnoteExtension.create()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    if (softBreaksAsBr) options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
    options.toImmutable();
    this.parser = Parser.builder(options).build();
    HtmlRenderer.Builder renderer = HtmlRenderer.builder(options)
        .htmlIdGeneratorFactory(HeadingIdGenerator.FACTORY)
        .attributeProviderFactory(TableAlignment.FACTORY)
        .linkResolverFactory(LinkHooks.Resolver.FACTORY)
        .nodeRendererFactory(opts -> new LinkHooks.RawHtml())
        .nodeRendererFactory(opts -> new PlainText());
    if (HIGHLIGHT) renderer.nodeRendererFactory(opts -> new HighlightedCode());
    this.renderer = renderer.build();
  }

  /** Renders a page body to an HTML fragment, leaving its links as written. */
  public String toHtml(String markdown) {
    return toHtml(markdown, LinkHook.NONE);
  }

  /** Renders a page body to an HTML fragment, publishing each link as {@code links} decides. */
  public String toHtml(String markdown, LinkHook links) {
    Document document = parser.parse(markdown);
    document.set(LinkHooks.HOOK, links);
    return renderer.render(document);
  }
}
