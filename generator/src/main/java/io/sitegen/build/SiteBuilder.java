package io.sitegen.build;

import io.sitegen.blog.Blog;
import io.sitegen.config.Problems;
import io.sitegen.config.SiteConfig;
import io.sitegen.content.Content;
import io.sitegen.content.Page;
import io.sitegen.content.SiteIndex;
import io.sitegen.links.Anchors;
import io.sitegen.links.Links;
import io.sitegen.markdown.LinkHook;
import io.sitegen.markdown.Markdown;
import io.sitegen.templates.Layouts;
import io.sitegen.templates.PageModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Runs the pipeline: read settings and content, index the outputs, render Markdown with its links
 * resolved, check anchors, render layouts and the blog, and write everything into a staging folder
 * that replaces the output folder only when no step found an error.
 */
public final class SiteBuilder {
  /** The order of {@code pages} in layouts: newest first, undated pages last, then by URL. */
  static final Comparator<Page> NEWEST_FIRST = Comparator
      .comparing(Page::date, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(Page::url);

  private SiteBuilder() {}

  public static BuildResult build(BuildOptions options) {
    long start = System.nanoTime();
    Problems problems = new Problems();
    if (options.write() && options.root().toAbsolutePath().normalize()
        .startsWith(options.output().toAbsolutePath().normalize())) {
      problems.error(options.output().toString(), 0,
          "the output folder must not be the site root or hold it; it is replaced on every build");
      return BuildResult.failedEarly(problems.sorted());
    }

    // 1. settings and content
    SiteConfig config = SiteConfig.load(options.root(), problems);
    if (problems.hasErrors()) {
      // Every later step depends on the settings: what it would report now is noise.
      return BuildResult.failedEarly(problems.sorted());
    }
    Content content = Content.read(config, problems);
    boolean publishDrafts = options.drafts() || config.unlistedDrafts();
    List<Page> published = content.published(publishDrafts);
    List<Page> listed = content.published(options.drafts());
    int draftsSkipped = content.pages().size() - published.size();
    List<String> assets = Content.listFiles(config.assetsDir());

    // 2. index every output, so that links can be resolved and collisions found
    boolean ownRobots = assets.contains("robots.txt") || content.staticFiles().contains("robots.txt");
    Blog blog = Blog.plan(config, listed, ownRobots);
    SiteIndex index = SiteIndex.build(published, content.staticFiles(), assets, blog.outputPaths(), problems);
    Links links = new Links(config, content, index, publishDrafts, problems);

    // 3. Markdown, with links resolved; then anchors, once every target is rendered
    Markdown markdown = new Markdown(config.softBreaksAsBr());
    Map<Page, String> bodies = new ConcurrentHashMap<>();
    published.parallelStream().forEach(page -> bodies.put(page,
        markdown.toHtml(page.body(), options.links() ? links.hookFor(page) : LinkHook.NONE)));
    Map<Page, Set<String>> ids = new ConcurrentHashMap<>();
    links.anchorTargets().parallelStream().forEach(page -> ids.put(page, Anchors.of(bodies.get(page))));
    links.checkAnchors(ids, options.strict());

    // 4. layouts
    Layouts layouts = new Layouts(config.root());
    List<Page> renderable = new ArrayList<>();
    for (Page page : published) {
      if (layouts.exists(page.layout())) {
        renderable.add(page);
      } else {
        problems.error(page.source(), page.lineOf("layout"), "layout not found: " + page.layout());
      }
    }
    List<Map<String, Object>> posts = blog.entries(bodies::get, links, problems);
    Map<String, Object> shared = new HashMap<>();
    shared.put("site", config.values());
    shared.put("pages", listed.stream().sorted(NEWEST_FIRST).map(p -> PageModel.of(p, null)).toList());
    shared.put("posts", posts);

    StagedOutput output = options.write() ? new StagedOutput(options.output()) : null;
    AtomicInteger written = new AtomicInteger();
    try {
      renderable.parallelStream().forEach(page -> {
        Map<String, Object> context = new HashMap<>(shared);
        context.put("page", PageModel.of(page, bodies.get(page)));
        Layouts.Result result = layouts.render(page.layout(), context, page.source());
        if (result.problem() != null) {
          problems.add(result.problem());
        } else if (output != null) {
          boolean unlisted = page.draft() && !options.drafts();
          output.write(page.outputPath(), unlisted ? noindex(result.html()) : result.html());
          written.incrementAndGet();
        }
      });
      blog.write(layouts, shared, posts, bodies::get, problems, (path, text) -> {
        if (output != null) output.write(path, text);
      });

      // 5. files copied as they are; then the swap
      int copied = 0;
      if (output != null && !problems.hasErrors()) {
        for (String rel : assets) {
          output.copy(config.assetsDir().resolve(rel), rel);
          copied++;
        }
        for (String rel : content.staticFiles()) {
          output.copy(config.contentDir().resolve(rel), rel);
          copied++;
        }
      }
      if (output != null) {
        if (problems.hasErrors()) output.abort(); else output.commit();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new BuildResult(published.size(), problems.hasErrors() ? 0 : written.get(), draftsSkipped, copied,
          links.checkedCount(), links.brokenCount(), links.missingAnchorCount(), millis, problems.sorted());
    } catch (RuntimeException e) {
      if (output != null) output.abort();
      throw e;
    }
  }

  /** Marks a page that is published but unlisted (a draft under {@code drafts: unlisted}) noindex. */
  static String noindex(String html) {
    Document doc = Jsoup.parse(html);
    doc.outputSettings().prettyPrint(false);
    doc.head().prependElement("meta").attr("name", "robots").attr("content", "noindex");
    return doc.outerHtml();
  }
}
