package io.sitegen.build;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the pipeline: read settings, read content, index outputs, render Markdown, render layouts,
 * write into a staging folder and swap it in when no step found an error.
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
    SiteConfig config = SiteConfig.load(options.root(), problems);
    Content content = Content.read(config, problems);
    List<Page> pages = content.published(options.drafts());
    int draftsSkipped = content.pages().size() - pages.size();
    List<String> assets = Content.listFiles(config.assetsDir());
    SiteIndex index = SiteIndex.build(pages, content.staticFiles(), assets, problems);
    Links links = new Links(config, content, index, options.drafts(), problems);

    Layouts layouts = new Layouts(config.root());
    List<Page> renderable = new ArrayList<>();
    for (Page page : pages) {
      if (layouts.exists(page.layout())) {
        renderable.add(page);
      } else {
        problems.error(page.source(), page.lineOf("layout"), "layout not found: " + page.layout());
      }
    }

    Markdown markdown = new Markdown(config.softBreaksAsBr());
    Map<Page, String> bodies = new HashMap<>();
    pages.parallelStream()
        .map(page -> Map.entry(page, markdown.toHtml(page.body(),
            options.links() ? links.hookFor(page) : LinkHook.NONE)))
        .toList()
        .forEach(e -> bodies.put(e.getKey(), e.getValue()));
    Map<Page, Set<String>> ids = new HashMap<>();
    links.anchorTargets().parallelStream()
        .map(page -> Map.entry(page, Anchors.of(bodies.get(page))))
        .toList()
        .forEach(e -> ids.put(e.getKey(), e.getValue()));
    links.checkAnchors(ids, options.strict());

    List<Map<String, Object>> listing = pages.stream()
        .sorted(NEWEST_FIRST)
        .map(p -> PageModel.of(p, null))
        .toList();
    StagedOutput output = options.write() ? new StagedOutput(options.output()) : null;
    AtomicInteger written = new AtomicInteger();
    try {
      renderable.parallelStream().forEach(page -> {
        Map<String, Object> context = new HashMap<>();
        context.put("page", PageModel.of(page, bodies.get(page)));
        context.put("site", config.values());
        context.put("pages", listing);
        Layouts.Result result = layouts.render(page.layout(), context, page.source());
        if (result.problem() != null) {
          problems.add(result.problem());
        } else if (output != null) {
          output.write(page.outputPath(), result.html());
          written.incrementAndGet();
        }
      });
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
      return new BuildResult(pages.size(), problems.hasErrors() ? 0 : written.get(), draftsSkipped, copied,
          links.checkedCount(), links.brokenCount(), links.missingAnchorCount(), millis, problems.sorted());
    } catch (RuntimeException e) {
      if (output != null) output.abort();
      throw e;
    }
  }
}
