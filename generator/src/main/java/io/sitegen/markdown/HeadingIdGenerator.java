package io.sitegen.markdown;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.util.AnchorRefTargetBlockPreVisitor;
import com.vladsch.flexmark.ast.util.AnchorRefTargetBlockVisitor;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.HashMap;
import java.util.Map;

/** Gives each heading of one document its id by {@link HeadingIds}, numbering repeats -1, -2. */
final class HeadingIdGenerator implements HtmlIdGenerator {
  private final Map<String, Integer> seen = new HashMap<>();

  static final HeaderIdGeneratorFactory FACTORY = new HeaderIdGeneratorFactory() {
    @Override
    public HtmlIdGenerator create(LinkResolverContext context) {
      return new HeadingIdGenerator();
    }

    @Override
    public HtmlIdGenerator create() {
      return new HeadingIdGenerator();
    }
  };

  @Override
  public void generateIds(Document document) {
    generateIds(document, null);
  }

  @Override
  public void generateIds(Document document, AnchorRefTargetBlockPreVisitor preVisitor) {
    seen.clear();
    new AnchorRefTargetBlockVisitor() {
      @Override
      protected boolean preVisit(Node node) {
        return preVisitor == null || preVisitor.preVisit(node, this);
      }

      @Override
      protected void visit(AnchorRefTarget node) {
        if (node.getAnchorRefId().isEmpty()) {
          String id = unique(HeadingIds.of(node.getAnchorRefText()));
          if (id != null) node.setAnchorRefId(id);
        }
      }
    }.visit(document);
  }

  @Override
  public String getId(Node node) {
    return node instanceof AnchorRefTarget target ? target.getAnchorRefId() : null;
  }

  @Override
  public String getId(CharSequence text) {
    return unique(HeadingIds.of(text));
  }

  private String unique(String base) {
    if (base.isEmpty()) return null;
    Integer count = seen.get(base);
    seen.put(base, count == null ? 0 : count + 1);
    return count == null ? base : base + "-" + (count + 1);
  }
}
