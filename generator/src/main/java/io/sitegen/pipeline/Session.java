package io.sitegen.pipeline;

import io.sitegen.blog.Blog;
import io.sitegen.config.SiteConfig;
import io.sitegen.content.Content;
import io.sitegen.content.Page;
import io.sitegen.content.SiteIndex;
import io.sitegen.files.SiteFiles;
import io.sitegen.links.Anchors;
import io.sitegen.links.Links;
import io.sitegen.links.PageLinks;
import io.sitegen.markdown.LinkHook;
import io.sitegen.markdown.Markdown;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.templates.Layouts;
import io.sitegen.templates.PageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The build pipeline and what it knows between runs. {@link #build} runs every stage: read settings
 * and content, index the outputs, render Markdown with its links resolved, check anchors, render
 * layouts and the blog. {@link #update} runs the same stages again for what a set of changed files
 * touches, which is how the preview server rebuilds a 4,000-post site in milliseconds.
 */
public final class Session {
  /** The order of {@code pages} in layouts: newest first, undated pages last, then by URL. */
  static final Comparator<Page> NEWEST_FIRST = Comparator
      .comparing(Page::date, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(Page::url);

  private final BuildOptions options;
  private final boolean preview;

  private SiteConfig config;
  private SiteFiles files;
  private Layouts layouts;
  private Markdown markdown;
  /** Every Markdown page read, drafts included, by path inside content/. */
  private final Map<String, Page> pages = new TreeMap<>();
  /** Problems met reading a page that could not be read, by path inside content/. */
  private final Map<String, List<Problem>> readProblems = new ConcurrentHashMap<>();
  private List<String> contentFiles = List.of();
  private List<String> assets = List.of();

  private List<Page> published = List.of();
  private List<Page> listed = List.of();
  private Blog blog;
  private Links links;
  private Problems indexProblems = new Problems();

  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Map<String, PageLinks> pageLinks = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> entries = new ConcurrentHashMap<>();
  private final Map<String, List<Problem>> pageProblems = new ConcurrentHashMap<>();
  private final Map<String, List<Problem>> entryProblems = new ConcurrentHashMap<>();
  private List<Problem> anchorProblems = List.of();
  private List<Problem> blogProblems = List.of();
  private Map<String, Object> shared = Map.of();
  private int missingAnchors;
  /** Every output path the last full build wrote, to delete what a rebuild no longer makes. */
  private final Set<String> writtenPaths = ConcurrentHashMap.newKeySet();
  private final List<String> timings = new ArrayList<>();
  private long lap;
  /** Whether the last full build stopped at site.yml: then any change runs every stage again. */
  private boolean settingsBroken;

  /**
   * @param preview true for the preview server: layouts see {@code preview} as true (to show draft
   *     badges); a build never does
   */
  public Session(BuildOptions options, boolean preview) {
    this.options = options;
    this.preview = preview;
    this.keepBodies = preview;
  }

  /** Whether every page's HTML is kept for later updates (the preview server) or dropped once written. */
  private final boolean keepBodies;

  // ---------------------------------------------------------------- full build

  /** Runs every stage, handing every output file to {@code out}. */
  public BuildResult build(Output out) {
    writtenPaths.clear();
    return buildAll(tracking(out));
  }

  private BuildResult buildAll(Output out) {
    long start = System.nanoTime();
    timings.clear();
    lap = start;
    Problems settings = new Problems();
    config = SiteConfig.load(options.root(), settings);
    if (settings.hasErrors()) {
      // Every later stage depends on the settings: what it would report now is noise.
      settingsBroken = true;
      return BuildResult.failedEarly(settings.sorted());
    }
    settingsBroken = false;
    files = SiteFiles.of(config, options.output());
    layouts = new Layouts(config.root(), config.layoutsDir(), files);
    markdown = new Markdown(config.softBreaksAsBr());
    pages.clear();
    readProblems.clear();
    Problems reading = new Problems();
    Content content = Content.read(config, files, reading);
    assets = files.list(config.assetsDir(), reading);
    files.list(config.layoutsDir(), reading); // read by name, listed only to report links that lead out
    for (Page page : content.pages()) pages.put(page.relPath(), page);
    for (Problem p : reading.sorted()) {
      readProblems.computeIfAbsent(relPathOf(p.file()), k -> new ArrayList<>()).add(p);
    }
    contentFiles = content.staticFiles();
    lap("read settings and content");

    bodies.clear();
    pageLinks.clear();
    ids.clear();
    entries.clear();
    entryProblems.clear();
    pageProblems.clear();
    plan();
    sharedContext();
    lap("index outputs");

    // One pass per page: Markdown, its ids and blog entry, and (unless its layout lists the posts,
    // which are known only at the end of this pass) its layout, written out at once. The HTML is
    // kept only where something later needs it, so memory does not grow with the site.
    AtomicInteger written = new AtomicInteger();
    Set<String> listsPosts = ConcurrentHashMap.newKeySet();
    for (Page page : published) {
      if (layouts.exists(page.layout()) && layouts.mentions(page.layout(), "posts")) listsPosts.add(page.layout());
    }
    Set<Page> inFeeds = new HashSet<>();
    for (Page post : blog.posts()) if (blog.inFeeds(post)) inFeeds.add(post);
    published.parallelStream().forEach(page -> guarded(page, () -> {
      String html = renderBody(page, content.bodyOf(page));
      if (options.links()) ids.put(page.relPath(), Anchors.of(html));
      if (blog.isPost(page)) computeEntry(page, html);
      boolean later = listsPosts.contains(page.layout());
      if (!later && renderLayout(page, html, out)) written.incrementAndGet();
      if (later || keepBodies || inFeeds.contains(page)) bodies.put(page.relPath(), html);
    }));
    lap("render Markdown and layouts, write pages");
    checkAnchors();
    lap("check anchors");
    sharedContext();
    for (Page page : published) {
      boolean rendered = bodies.containsKey(page.relPath()); // not when its Markdown could not be
      if (rendered && listsPosts.contains(page.layout()) && renderLayout(page, bodies.get(page.relPath()), out)) {
        written.incrementAndGet();
      }
      if (!keepBodies && !inFeeds.contains(page)) bodies.remove(page.relPath());
    }
    lap("render layouts that list posts");
    Problems blogRun = new Problems();
    blog.writeIndex(layouts, shared, postEntries(), null, blogRun, text(out));
    blog.writeFeeds(this::bodyOf, text(out));
    blog.writeSitemap(text(out));
    blogProblems = blogRun.sorted();
    lap("blog index, feeds, sitemap");

    assets.parallelStream().forEach(rel -> out.copy(config.assetsDir().resolve(rel), rel));
    contentFiles.parallelStream().forEach(rel -> out.copy(config.contentDir().resolve(rel), rel));
    int copied = assets.size() + contentFiles.size();
    lap("copy files");
    return result(start, written.get(), copied);
  }

  private void lap(String stage) {
    long now = System.nanoTime();
    timings.add(String.format(java.util.Locale.ROOT, "%6d ms  %s", (now - lap) / 1_000_000, stage));
    lap = now;
  }

  /** How long each stage of the last full build took, for --verbose. */
  public List<String> timings() {
    return List.copyOf(timings);
  }

  // ---------------------------------------------------------------- incremental

  /**
   * Runs again what the changed files touch, handing changed and removed outputs to {@code out}.
   * A change to {@code site.yml}, or one that adds, removes or moves a page or a file, runs every
   * stage again; {@code out} then receives every file, and deletes for files no longer made.
   *
   * @param changed files that were created, modified or deleted, as absolute paths
   */
  public BuildResult update(Collection<Path> changed, Output out) {
    long start = System.nanoTime();
    if (config == null || settingsBroken) return rebuildAll(out);
    Path root = config.root().toAbsolutePath().normalize();
    Set<String> changedLayouts = new HashSet<>();
    List<String> changedPages = new ArrayList<>();
    boolean changedPreviewBody = false;
    int copied = 0;
    for (Path path : changed) {
      Path abs = path.toAbsolutePath().normalize();
      if (!abs.startsWith(root)) continue;
      // Where a link leads is checked when the files are listed: a new or changed link lists them
      // again, and so does a change to a file that could not be listed.
      if (Files.isSymbolicLink(abs)) return rebuildAll(out);
      String rel = root.relativize(abs).toString().replace('\\', '/');
      if (readProblems.containsKey(relPathOf(rel))) return rebuildAll(out);
      if (rel.equals(SiteConfig.FILE_NAME)) return rebuildAll(out);
      if (rel.startsWith("layouts/")) {
        changedLayouts.add(rel);
        if (rel.startsWith("layouts/blog_previews/")) changedPreviewBody = true;
      } else if (rel.startsWith("assets/")) {
        String asset = rel.substring("assets/".length());
        if (Files.isDirectory(abs)) continue;
        if (Files.exists(abs) != assets.contains(asset)) return rebuildAll(out);
        if (Files.exists(abs)) {
          out.copy(abs, asset);
          copied++;
        }
      } else if (rel.startsWith("content/")) {
        String inContent = rel.substring("content/".length());
        if (Files.isDirectory(abs)) continue;
        if (!inContent.endsWith(".md")) {
          if (Files.exists(abs) != contentFiles.contains(inContent)) return rebuildAll(out);
          if (Files.exists(abs)) {
            out.copy(abs, inContent);
            copied++;
          }
        } else {
          if (!Files.exists(abs) || !pages.containsKey(inContent)) return rebuildAll(out);
          changedPages.add(inContent);
        }
      }
    }

    // Re-read the changed pages; a change of address or draft state changes every link: rebuild.
    boolean listingChanged = false;
    List<Page> toRender = new ArrayList<>();
    Map<String, String> changedBodies = new HashMap<>();
    for (String rel : changedPages) {
      Page old = pages.get(rel);
      Problems reading = new Problems();
      io.sitegen.content.Source read = Content.readPage(config, rel, reading).orElse(null);
      Page now = read == null ? null : read.page();
      readProblems.remove(rel);
      if (now == null) {
        readProblems.put(rel, reading.sorted());
        pageProblems.remove(rel);
        continue;
      }
      if (old == null || !Objects.equals(old.url(), now.url()) || old.draft() != now.draft()) {
        return rebuildAll(out);
      }
      if (!old.data().equals(now.data()) || !Objects.equals(old.title(), now.title())) listingChanged = true;
      pages.put(rel, now);
      toRender.add(now);
      changedBodies.put(rel, read.body());
    }
    // The new page objects take the old ones' places; with addresses unchanged, so do the outputs.
    if (!toRender.isEmpty()) plan();

    if (!changedLayouts.isEmpty()) layouts.forgetCompiled();
    toRender.parallelStream().forEach(page -> guarded(page, () -> {
      String html = renderBody(page, changedBodies.get(page.relPath()));
      bodies.put(page.relPath(), html);
      ids.put(page.relPath(), Anchors.of(html));
    }));
    checkAnchors();

    // Blog entries of the changed posts; the index pages that list them; the feeds if they carry them.
    Set<Page> changedPosts = new HashSet<>();
    List<Page> posts = blog.posts();
    Set<Page> postSet = new HashSet<>(posts);
    for (Page page : toRender) if (postSet.contains(page)) changedPosts.add(page);
    if (changedPreviewBody) changedPosts.addAll(posts);
    boolean entriesChanged = computeEntries(changedPosts);
    if (listingChanged || entriesChanged) sharedContext();

    Set<Page> layoutTargets = new HashSet<>(toRender);
    for (Page page : published) {
      String layout = page.layout();
      if (!changedLayouts.isEmpty() && !disjoint(layouts.filesOf(layout), changedLayouts)) layoutTargets.add(page);
      else if (listingChanged && layouts.mentions(layout, "pages")) layoutTargets.add(page);
      else if ((listingChanged || entriesChanged) && layouts.mentions(layout, "posts")) layoutTargets.add(page);
    }
    AtomicInteger written = new AtomicInteger();
    layoutTargets.parallelStream().forEach(page -> {
      if (renderLayout(page, out)) written.incrementAndGet();
    });

    // Index pages not rendered again keep the problems of their last rendering.
    Problems blogRun = new Problems();
    boolean indexLayoutChanged = !changedLayouts.isEmpty()
        && !disjoint(layouts.filesOf(Blog.INDEX_LAYOUT), changedLayouts);
    if (listingChanged || indexLayoutChanged) {
      blog.writeIndex(layouts, shared, postEntries(), null, blogRun, text(out));
      blogProblems = blogRun.sorted();
    } else if (entriesChanged) {
      Set<Integer> numbers = new HashSet<>();
      for (Page post : changedPosts) numbers.add(blog.indexPageOf(post));
      blog.writeIndex(layouts, shared, postEntries(), numbers, blogRun, text(out));
      blogProblems = blogRun.sorted();
    }
    if (listingChanged || changedPosts.stream().anyMatch(blog::inFeeds)) blog.writeFeeds(this::bodyOf, text(out));
    if (listingChanged) blog.writeSitemap(text(out));
    return result(start, written.get(), copied);
  }

  private BuildResult rebuildAll(Output out) {
    Set<String> before = new HashSet<>(writtenPaths);
    BuildResult result = build(out);
    before.removeAll(writtenPaths);
    for (String gone : before) out.delete(gone);
    return result;
  }

  // ---------------------------------------------------------------- stages

  /** Decides what is published and listed, indexes every output, and prepares link resolution. */
  private void plan() {
    boolean publishDrafts = options.drafts() || config.unlistedDrafts();
    boolean listDrafts = options.drafts();
    published = pages.values().stream().filter(p -> publishDrafts || !p.draft()).toList();
    listed = pages.values().stream().filter(p -> listDrafts || !p.draft()).toList();
    boolean ownRobots = assets.contains("robots.txt") || contentFiles.contains("robots.txt");
    blog = Blog.plan(config, files, listed, ownRobots);
    indexProblems = new Problems();
    SiteIndex index = SiteIndex.build(published, contentFiles, assets, blog.outputPaths(), indexProblems);
    links = new Links(config, pages.values(), contentFiles, index, publishDrafts);
  }

  /** Renders a page's Markdown with its links resolved, recording what the links found. */
  private String renderBody(Page page, String markdownText) {
    PageLinks found = new PageLinks();
    LinkHook hook = options.links() ? links.hookFor(page, found) : LinkHook.NONE;
    String html = markdown.toHtml(markdownText == null ? "" : markdownText, hook);
    pageLinks.put(page.relPath(), found);
    return html;
  }

  private void checkAnchors() {
    Collection<PageLinks> all = pageLinks.values();
    Problems found = new Problems();
    missingAnchors = Links.checkAnchors(all, ids::get, options.strict(), found);
    anchorProblems = found.sorted();
  }

  /** @return whether any entry changed */
  private boolean computeEntries(Collection<Page> posts) {
    AtomicInteger changed = new AtomicInteger();
    posts.parallelStream().forEach(post -> {
      if (computeEntry(post, bodyOf(post))) changed.incrementAndGet();
    });
    return changed.get() > 0;
  }

  /** @return whether the entry changed */
  private boolean computeEntry(Page post, String html) {
    Problems found = new Problems();
    Map<String, Object> entry = blog.entry(post, html, links, found);
    Map<String, Object> old = entries.put(post.relPath(), entry);
    entryProblems.put(post.relPath(), found.sorted());
    return old == null || !String.valueOf(old).equals(String.valueOf(entry));
  }

  private List<Map<String, Object>> postEntries() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Page post : blog.posts()) {
      Map<String, Object> entry = entries.get(post.relPath());
      if (entry != null) list.add(entry);
    }
    return list;
  }

  private void sharedContext() {
    Map<String, Object> context = new HashMap<>();
    context.put("site", config.values());
    context.put("pages", listed.stream().sorted(NEWEST_FIRST).map(p -> PageModel.of(p, null)).toList());
    context.put("posts", postEntries());
    context.put("preview", preview);
    shared = context;
  }

  /** Renders one page through its layout; @return whether it was written */
  private boolean renderLayout(Page page, Output out) {
    return renderLayout(page, bodies.get(page.relPath()), out);
  }

  private boolean renderLayout(Page page, String html, Output out) {
    String unusable = layouts.problemWith(page.layout());
    if (unusable != null) {
      pageProblems.put(page.relPath(), List.of(Problem.error(page.source(), page.lineOf("layout"), unusable)));
      return false;
    }
    Map<String, Object> context = new HashMap<>(shared);
    context.put("page", PageModel.of(page, html));
    Layouts.Result result = layouts.render(page.layout(), context, page.source());
    if (result.problem() != null) {
      pageProblems.put(page.relPath(), List.of(result.problem()));
      return false;
    }
    pageProblems.remove(page.relPath());
    boolean unlisted = page.draft() && !options.drafts();
    String text = unlisted ? noindex(result.html()) : result.html();
    out.write(page.outputPath(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return true;
  }

  /** Marks a page that is published but unlisted (a draft under {@code drafts: unlisted}) noindex. */
  static String noindex(String html) {
    Document doc = Jsoup.parse(html);
    doc.outputSettings().prettyPrint(false);
    doc.head().prependElement("meta").attr("name", "robots").attr("content", "noindex");
    return doc.outerHtml();
  }

  /**
   * Runs the work for one page, turning a stack overflow or an exhausted heap (a Markdown nest
   * thousands deep, a huge page) into a problem of that page: the other pages are still built,
   * and a preview server goes on watching.
   */
  private void guarded(Page page, Runnable work) {
    try {
      work.run();
    } catch (StackOverflowError e) {
      pageProblems.put(page.relPath(), List.of(Problem.error(page.source(), 0,
          "cannot be rendered: nested too deeply (the renderer ran out of stack)")));
    } catch (OutOfMemoryError e) {
      pageProblems.put(page.relPath(), List.of(Problem.error(page.source(), 0,
          "cannot be rendered: out of memory; raise -Xmx with SITE_JAVA_OPTS or split the page")));
    }
  }

  private String bodyOf(Page page) {
    return bodies.getOrDefault(page.relPath(), "");
  }

  // ---------------------------------------------------------------- results

  private BuildResult result(long start, int written, int copied) {
    Problems all = new Problems();
    readProblems.values().forEach(list -> list.forEach(all::add));
    all.addAll(indexProblems);
    pageLinks.values().forEach(found -> found.problems().forEach(all::add));
    anchorProblems.forEach(all::add);
    entryProblems.forEach((rel, list) -> {
      if (bodies.containsKey(rel)) list.forEach(all::add);
    });
    pageProblems.values().forEach(list -> list.forEach(all::add));
    blogProblems.forEach(all::add);
    blog.checkSettings(all);
    int checked = 0;
    int broken = 0;
    for (PageLinks found : pageLinks.values()) {
      checked += found.checked();
      broken += found.broken();
    }
    int draftsSkipped = pages.size() - published.size();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new BuildResult(published.size(), written, draftsSkipped, copied, checked, broken, missingAnchors,
        millis, all.sorted());
  }

  /** The pages this session publishes, by output path: the preview server marks the drafts. */
  public Map<String, Page> publishedByOutput() {
    Map<String, Page> map = new HashMap<>();
    for (Page p : published) map.put(p.outputPath(), p);
    return map;
  }

  // ---------------------------------------------------------------- helpers

  private Output tracking(Output out) {
    return new Output() {
      @Override
      public void write(String path, byte[] bytes) {
        writtenPaths.add(path);
        out.write(path, bytes);
      }

      @Override
      public void copy(Path source, String path) {
        writtenPaths.add(path);
        out.copy(source, path);
      }

      @Override
      public void delete(String path) {
        writtenPaths.remove(path);
        out.delete(path);
      }
    };
  }

  private static java.util.function.BiConsumer<String, String> text(Output out) {
    return (path, text) -> out.write(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String x : a) if (b.contains(x)) return false;
    return true;
  }

  private static String relPathOf(String source) {
    return source.startsWith("content/") ? source.substring("content/".length()) : source;
  }
}
