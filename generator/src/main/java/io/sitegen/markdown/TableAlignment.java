package io.sitegen.markdown;

import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/** Writes a table column's alignment as {@code style="text-align:…"}, as GitHub does, not {@code align}. */
final class TableAlignment implements AttributeProvider {
  static final IndependentAttributeProviderFactory FACTORY = new IndependentAttributeProviderFactory() {
    @Override
    public AttributeProvider apply(LinkResolverContext context) {
      return new TableAlignment();
    }
  };

  @Override
  public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
    if (node instanceof TableCell && attributes.contains("align")) {
      String align = attributes.getValue("align");
      attributes.remove("align");
      attributes.addValue("style", "text-align:" + align);
    }
  }
}
