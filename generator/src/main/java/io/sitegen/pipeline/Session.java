package io.sitegen.pipeline;

import io.sitegen.blog.Blog;
import io.sitegen.blog.PostEntry;
import io.sitegen.blog.Sitemap;
import io.sitegen.cache.Fingerprint;
import io.sitegen.cache.PageCache;
import io.sitegen.config.SiteConfig;
import io.sitegen.content.Content;
import io.sitegen.content.Page;
import io.sitegen.content.SiteIndex;
import io.sitegen.content.Source;
import io.sitegen.data.DataFiles;
import io.sitegen.files.SiteFiles;
import io.sitegen.links.Anchors;
import io.sitegen.links.GitHubIds;
import io.sitegen.links.LayoutLinks;
import io.sitegen.links.Links;
import io.sitegen.links.PageLinks;
import io.sitegen.markdown.LinkHook;
import io.sitegen.markdown.Markdown;
import io.sitegen.output.Output;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.search.SearchIndex;
import io.sitegen.templates.Layouts;
import io.sitegen.templates.PageModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The build pipeline and what it knows between runs. The stages are written once, in
 * {@link #run}, as steps over the pages and files a {@link Work} names: {@link #build} runs them
 * over everything, {@link #update} over what a set of changed files touches, which is how the
 * preview server rebuilds a 4,000-post site in milliseconds.
 */
public final class Session {
  /** The order of {@code pages} in layouts: newest first, undated pages last, then by URL. */
  static final Comparator<Page> NEWEST_FIRST = Comparator
      .comparing(Page::date, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(Page::url);

  private final BuildOptions options;
  private final boolean preview;
  /** Whether every page's HTML is kept for later updates (the preview server) or dropped once written. */
  private final boolean keepHtml;

  private SiteConfig config;
  private SiteFiles files;
  /** Rendered Markdown kept between runs, or null without a cache. */
  private PageCache cache;
  /** Whether the cache was asked for but its folder is a link or holds one. */
  private boolean cacheRefused;
  private Layouts layouts;
  private Markdown markdown;
  /** Whether the last full run stopped at site.yml: then any change runs everything again. */
  private boolean settingsBroken;

  /** Every Markdown page read, drafts included, by path inside content/. */
  private final Map<String, Page> pages = new TreeMap<>();
  /** What each published page is, by path inside content/. */
  private final Map<String, PageState> states = new ConcurrentHashMap<>();
  /** Problems of files that could not be read or listed, by path inside content/ (else from the root). */
  private final Map<String, List<Problem>> readProblems = new ConcurrentHashMap<>();
  private List<String> contentFiles = List.of();
  /** The repository path (from the site root) of each file of the mounts, by site path. */
  private Map<String, String> repoPaths = Map.of();
  private List<String> assets = List.of();
  /** The data files as layouts see them ({@code data}): read-only. */
  private Map<String, Object> data = Map.of();

  private List<Page> published = List.of();
  private List<Page> listed = List.of();
  private Blog blog;
  private Links links;
  /** What this run writes, as the last plan indexed it. */
  private SiteIndex index;
  private LayoutLinks layoutChecker;
  /** The wrong links of the blog's index pages, by page URL, as they were last rendered. */
  private final Map<String, List<Problem>> blogLinks = new ConcurrentHashMap<>();
  private boolean ownRobots;
  private List<Problem> indexProblems = List.of();
  /** What reading site.yml found that is not an error (a key that is nearly a known one). */
  private List<Problem> settingsWarnings = List.of();
  private List<Problem> anchorProblems = List.of();
  private List<Problem> blogProblems = List.of();
  private int missingAnchors;
  private Map<String, Object> shared = Map.of();
  /** Links that name a heading by its GitHub id, by page source, as the last anchor check found them. */
  private Map<String, Map<String, String>> rewrites = Map.of();
  /** The rewrites each page's output was last made with, by page source. */
  private final Map<String, Map<String, String>> renderedWith = new ConcurrentHashMap<>();
  /** Parts of the output keys ({@link #outputKey}): made once per run, and once per shared context. */
  private volatile String siteKey;
  private final Map<String, String> sharedKeys = new ConcurrentHashMap<>();

  /** Every output path the last full run wrote, to delete what a rebuild no longer makes. */
  private final Set<String> writtenPaths = ConcurrentHashMap.newKeySet();
  private final List<String> timings = new ArrayList<>();
  private long lap;

  /**
   * @param preview true for the preview server: layouts see {@code preview} as true (to show draft
   *     badges), and every page's HTML is kept for the next update; a build does neither
   */
  public Session(BuildOptions options, boolean preview) {
    this.options = options;
    this.preview = preview;
    this.keepHtml = preview;
  }

  /**
   * What a run redoes. A full run ({@link #EVERYTHING}) reads everything again; otherwise
   * {@code pages} were read again already (their new bodies in {@code bodies}).
   *
   * @param pages   pages whose Markdown is rendered again, by path inside content/
   * @param listing whether what layouts list of the pages changed (titles, dates, front matter)
   * @param layouts layout files that changed, as paths from the site root
   * @param copies  files to copy again: output path → source file
   */
  private record Work(boolean everything, Map<String, String> bodies, Set<String> pages, boolean listing,
      Set<String> layouts, Map<String, Path> copies) {
    static final Work EVERYTHING = new Work(true, Map.of(), Set.of(), true, Set.of(), Map.of());
  }

  // ---------------------------------------------------------------- entry points

  /** Runs every stage over everything, handing every output file to {@code out}. */
  public BuildResult build(Output out) {
    writtenPaths.clear();
    return run(Work.EVERYTHING, tracking(out));
  }

  /**
   * Runs again what the changed files touch, handing changed and removed outputs to {@code out}.
   * A change to {@code site.yml}, or one that adds, removes or moves a page or a file, or changes
   * a page's address or draft state, runs everything again; {@code out} then receives every file,
   * and deletes for files no longer made.
   *
   * @param changed files that were created, modified or deleted, as absolute paths
   */
  public BuildResult update(Collection<Path> changed, Output out) {
    if (config == null || settingsBroken) return rebuildAll(out);
    Changes changes = Changes.classify(config, changed);
    // Where a link leads is checked when the files are listed: a new or changed link lists them
    // again, and so does a change to a file that could not be listed.
    for (Path path : changed) {
      if (Files.isSymbolicLink(path) || readProblems.containsKey(keyOf(path))) return rebuildAll(out);
    }
    if (changes.settings() || changes.data()) return rebuildAll(out);
    Map<String, Path> copies = new HashMap<>();
    for (String rel : changes.assets()) {
      Path file = config.assetsDir().resolve(rel);
      if (Files.isDirectory(file)) continue;
      if (Files.exists(file) != assets.contains(rel)) return rebuildAll(out);
      if (Files.exists(file)) copies.put(rel, file);
    }
    for (String rel : changes.files()) {
      Path file = config.root().resolve(changes.repoPaths().get(rel));
      if (Files.isDirectory(file)) continue;
      if (Files.exists(file) != contentFiles.contains(rel)) return rebuildAll(out);
      if (Files.exists(file)) copies.put(rel, file);
    }
    Map<String, String> bodies = new HashMap<>();
    Set<String> pagesToRender = new HashSet<>();
    boolean listing = false;
    for (String rel : changes.pages()) {
      String repoPath = changes.repoPaths().get(rel);
      if (!Files.exists(config.root().resolve(repoPath)) || !pages.containsKey(rel)
          || !repoPath.equals(pages.get(rel).source())) {
        return rebuildAll(out);
      }
      Page old = pages.get(rel);
      Problems reading = new Problems();
      Source read = Content.readPage(config, rel, repoPath, reading).orElse(null);
      if (read == null) {
        // Unreadable now: its problems are reported, its last good output stays.
        readProblems.put(rel, reading.sorted());
        states.computeIfPresent(rel, (k, s) -> s.withLayoutProblems(List.of()));
        continue;
      }
      Page now = read.page();
      readProblems.remove(rel);
      // A new address or draft state changes every link and listing: run everything.
      if (!Objects.equals(old.url(), now.url()) || old.draft() != now.draft()) return rebuildAll(out);
      if (!old.data().equals(now.data()) || !Objects.equals(old.title(), now.title())) listing = true;
      pages.put(rel, now);
      bodies.put(rel, read.body());
      pagesToRender.add(rel);
    }
    return run(new Work(false, bodies, pagesToRender, listing, changes.layouts(), copies), out);
  }

  private BuildResult rebuildAll(Output out) {
    Set<String> before = new HashSet<>(writtenPaths);
    BuildResult result = build(out);
    before.removeAll(writtenPaths);
    for (String gone : before) out.delete(gone);
    return result;
  }

  // ---------------------------------------------------------------- the stages

  private BuildResult run(Work work, Output out) {
    long start = System.nanoTime();
    timings.clear();
    lap = start;
    siteKey = null;
    Content content = null;
    if (work.everything()) {
      Problems settings = new Problems();
      config = SiteConfig.load(options.root(), settings);
      if (settings.hasErrors()) {
        // Every later stage depends on the settings: what it would report now is noise.
        settingsBroken = true;
        return BuildResult.failedEarly(settings.sorted());
      }
      settingsBroken = false;
      settingsWarnings = settings.sorted();
      content = scan();
      lap("read settings and content");
    }
    if (work.everything() || !work.pages().isEmpty()) plan();
    if (!work.layouts().isEmpty()) layouts.forgetCompiled();
    if (work.everything() || work.listing()) sharedContext();
    lap("index outputs");

    // Markdown, with its ids and blog entry, and the layout of each page whose layout does not list
    // the posts (known only once every entry is made), written out at once. The HTML is kept only
    // where something later needs it, so memory does not grow with the site.
    // Asked once per layout, not per page: the profile of a 4,000-post build showed it per page.
    Set<String> usedLayouts = new HashSet<>();
    for (Page page : published) usedLayouts.add(page.layout());
    Set<String> listsPosts = new HashSet<>();
    Set<String> listsPages = new HashSet<>();
    for (String layout : usedLayouts) {
      if (!layouts.exists(layout)) continue;
      if (layouts.mentions(layout, "posts")) listsPosts.add(layout);
      if (layouts.mentions(layout, "pages")) listsPages.add(layout);
    }
    Set<String> inFeeds = new HashSet<>();
    for (Page post : blog.posts()) if (blog.inFeeds(post)) inFeeds.add(post.relPath());
    List<Page> toRender = work.everything() ? published : pagesAt(work.pages());
    Function<Page, String> bodyOf = bodies(work, content);
    AtomicInteger written = new AtomicInteger();
    Set<String> laidOut = ConcurrentHashMap.newKeySet();
    Set<String> changedEntries = ConcurrentHashMap.newKeySet();
    Set<String> changedTexts = ConcurrentHashMap.newKeySet();
    toRender.parallelStream().forEach(page -> guarded(page, () -> {
      PageState state = renderMarkdown(page, bodyOf.apply(page));
      PageState before = states.get(page.relPath());
      if (before == null || !Objects.equals(state.text(), before.text())) changedTexts.add(page.relPath());
      if (state.entry() != null && (before == null || !state.entry().equals(before.entry()))) {
        changedEntries.add(page.relPath());
      }
      if (!listsPosts.contains(page.layout())) {
        state = renderLayout(state, out, written);
        laidOut.add(page.relPath());
      }
      boolean keep = keepHtml || listsPosts.contains(page.layout()) || inFeeds.contains(page.relPath());
      states.put(page.relPath(), keep ? state : state.withoutHtml());
    }));
    lap("render Markdown and layouts, write pages");
    checkAnchors();
    lap("check anchors");

    // Entries of posts whose previewBody changed; then the shared context, if any entry changed.
    for (Page post : blog.postsFedBy(work.layouts())) {
      if (makeEntry(states.get(post.relPath()))) changedEntries.add(post.relPath());
    }
    boolean entriesChanged = work.everything() || !changedEntries.isEmpty();
    if (entriesChanged) sharedContext();

    // The layouts still to render: those that list posts, and those a changed layout file is part of.
    List<Page> layoutTargets = new ArrayList<>();
    for (Page page : published) {
      PageState laid = states.get(page.relPath());
      boolean relinked = laid != null && laid.rendered() && !Objects.equals(rewritesOf(page),
          renderedWith.getOrDefault(page.source(), Map.of()));
      if (relinked) {
        // a link of it names a heading by its GitHub id: rendered again with the heading's real id
        if (laid.html() == null) states.put(page.relPath(), laid.withHtml(htmlAgain(page)));
        layoutTargets.add(page);
        continue;
      }
      if (laidOut.contains(page.relPath())) continue;
      String layout = page.layout();
      boolean redo = work.everything() || work.pages().contains(page.relPath())
          || (!work.layouts().isEmpty() && !disjoint(layouts.filesOf(layout), work.layouts()))
          || (work.listing() && listsPages.contains(layout))
          || (entriesChanged && listsPosts.contains(layout));
      PageState state = states.get(page.relPath());
      if (redo && state != null && state.rendered()) layoutTargets.add(page);
    }
    layoutTargets.parallelStream().forEach(page -> guarded(page, () -> {
      // a page laid out already this run, rendered again for its links, is not written twice in the count
      AtomicInteger count = laidOut.contains(page.relPath()) ? new AtomicInteger() : written;
      PageState state = renderLayout(states.get(page.relPath()), out, count);
      boolean keep = keepHtml || inFeeds.contains(page.relPath());
      states.put(page.relPath(), keep ? state : state.withoutHtml());
    }));
    lap("render layouts that list posts");

    Set<String> renderedPosts = new HashSet<>();
    for (Page page : toRender) if (blog.isPost(page)) renderedPosts.add(page.relPath());
    writeBlog(work, changedEntries, renderedPosts, out);
    if (work.everything() || work.listing()) {
      // drafts listed by --drafts are a preview: never in the sitemap
      // nor a page whose front matter says sitemap: false (a 404 page)
      Sitemap.write(config, listed.stream().filter(p -> !p.draft() && !Boolean.FALSE.equals(p.data().get("sitemap")))
          .toList(), blog.indexUrls(), ownRobots, out);
    }
    // the search index holds each page's text: written again when one changed
    if (work.everything() || work.listing() || !changedTexts.isEmpty()) {
      SearchIndex.write(listed, this::textOf, config.basePath(), out);
    }
    lap("blog index, feeds, sitemap, search index");

    int copied = copy(work, out);
    lap("copy files");
    if (cache != null) cache.flush();
    return result(start, written.get(), copied);
  }

  /** Reads the settings' folders: every page's front matter, and the other files to copy. */
  private Content scan() {
    files = SiteFiles.of(config, options.output());
    cacheRefused = options.cache() && !PageCache.usable(config.root());
    if (cache != null) cache.close();
    cache = options.cache() && !cacheRefused ? new PageCache(config.root(), PageCache.generatorIdentity()) : null;
    layouts = new Layouts(config.root(), config.layoutsDir(), files, config.string("baseUrl", ""),
        config.basePath());
    markdown = new Markdown(config.softBreaksAsBr());
    pages.clear();
    states.clear();
    readProblems.clear();
    Problems reading = new Problems();
    Content content = Content.read(config, files, reading);
    assets = files.list(config.assetsDir(), reading);
    files.list(config.layoutsDir(), reading); // read by name, listed only to report links that lead out
    data = DataFiles.load(config, options.output(), reading);
    for (Page page : content.pages()) pages.put(page.relPath(), page);
    for (Problem p : reading.sorted()) readProblems.computeIfAbsent(keyOf(p.file()), k -> new ArrayList<>()).add(p);
    contentFiles = content.staticFiles();
    repoPaths = content.repoPaths();
    return content;
  }

  /** Decides what is published and listed, indexes every output, and prepares link resolution. */
  private void plan() {
    boolean publishDrafts = options.drafts() || config.unlistedDrafts();
    boolean listDrafts = options.drafts();
    published = pages.values().stream().filter(p -> publishDrafts || !p.draft()).toList();
    listed = pages.values().stream().filter(p -> listDrafts || !p.draft()).toList();
    ownRobots = assets.contains("robots.txt") || contentFiles.contains("robots.txt");
    blog = Blog.plan(config, files, listed);
    Problems found = new Problems();
    List<String> generated = new ArrayList<>(blog.outputPaths());
    generated.addAll(Sitemap.outputPaths(config, ownRobots));
    generated.add(SearchIndex.PATH);
    index = SiteIndex.build(published, contentFiles, repoPaths, assets, generated, found);
    indexProblems = found.sorted();
    layouts.serving(index::serves);
    links = new Links(config, pages.values(), contentFiles, index, publishDrafts);
    layoutChecker = new LayoutLinks(index, config.basePath());
  }

  /** Where each page's Markdown comes from: read again from its file, or from the update. */
  private Function<Page, String> bodies(Work work, Content content) {
    if (work.everything()) return content::bodyOf;
    return page -> work.bodies().get(page.relPath());
  }

  /** Renders a page's Markdown with its links resolved, or takes it from the cache; a post also gets its entry. */
  private PageState renderMarkdown(Page page, String markdownText) {
    String text = markdownText == null ? "" : markdownText;
    PageLinks found = new PageLinks();
    LinkHook hook = options.links() ? links.hookFor(page, found) : LinkHook.NONE;
    String key = cache == null ? null : cache.key(page.relPath(), page.source(), page.url(),
        String.valueOf(page.bodyLine()),
        String.valueOf(options.links()), String.valueOf(config.softBreaksAsBr()), config.string("baseUrl", ""),
        String.valueOf(config.blog().excerptLength()));
    PageCache.Entry hit = key == null ? null : cache.get(key, text).orElse(null);
    boolean post = blog.isPost(page);
    String html;
    Set<String> ids;
    Map<String, String> aliases;
    String excerpt;
    String cacheId = null;
    if (hit != null && (hit.excerpt() != null) == post && replays(hit.links(), hook)) {
      html = hit.html();
      ids = hit.ids();
      aliases = hit.aliases();
      excerpt = hit.excerpt();
      cacheId = hit.id();
    } else {
      found = new PageLinks(); // a replay that failed half-way recorded some links: start again
      LinkHook resolve = options.links() ? links.hookFor(page, found) : LinkHook.NONE;
      List<PageCache.Link> recorded = new ArrayList<>();
      html = markdown.toHtml(text, (url, line) -> {
        String published = resolve.resolve(url, line);
        recorded.add(new PageCache.Link(url, line, published));
        return published;
      });
      ids = options.links() ? Anchors.of(html) : Set.of();
      aliases = options.links() ? GitHubIds.of(html) : Map.of();
      excerpt = post ? blog.excerptOf(html) : null;
      if (key != null) {
        cacheId = cache.newId();
        cache.put(key, new PageCache.Entry(text, html, ids, aliases, recorded, excerpt, cacheId));
      }
    }
    String searchText = SearchIndex.includes(page) ? SearchIndex.textOf(html) : null;
    PageState state = new PageState(page, html, found, ids, null, List.of(), List.of(), cacheId, aliases, List.of(),
        searchText);
    if (!post) return state;
    Problems problems = new Problems();
    return state.withEntry(blog.entryWithExcerpt(page, excerpt, links, problems), problems.sorted());
  }

  /**
   * Whether each link of a cached rendering still resolves to what it was published as: the
   * permalinks of the pages it names are part of the page's output. Resolving records the links
   * in the hook's sink, as rendering would.
   */
  private static boolean replays(List<PageCache.Link> recorded, LinkHook hook) {
    for (PageCache.Link link : recorded) {
      if (!link.published().equals(hook.resolve(link.url(), link.line()))) return false;
    }
    return true;
  }

  /** Makes a post's entry again from its kept HTML; @return whether it changed */
  private boolean makeEntry(PageState state) {
    if (state == null || state.html() == null) return false;
    Problems problems = new Problems();
    PostEntry entry = blog.entry(state.page(), state.html(), links, problems);
    states.put(state.page().relPath(), state.withEntry(entry, problems.sorted()));
    return !entry.equals(state.entry());
  }

  private void checkAnchors() {
    List<PageLinks> all = new ArrayList<>();
    for (PageState state : states.values()) if (state.rendered()) all.add(state.links());
    Problems found = new Problems();
    Links.AnchorCheck check = Links.checkAnchors(all, rel -> {
      PageState state = states.get(rel);
      return state == null ? null : state.ids();
    }, rel -> {
      PageState state = states.get(rel);
      return state == null ? null : state.aliases();
    }, options.strict(), found);
    missingAnchors = check.missing();
    rewrites = check.rewritten();
    anchorProblems = found.sorted();
  }

  private void sharedContext() {
    Map<String, Object> context = new HashMap<>();
    context.put("site", config.values());
    context.put("pages", listed.stream().sorted(NEWEST_FIRST).map(p -> PageModel.of(p, null, config.basePath())).toList());
    context.put("posts", postModels());
    context.put("preview", preview);
    context.put("data", data);
    shared = context;
    sharedKeys.clear();
  }

  private List<Map<String, Object>> postModels() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Page post : blog.posts()) {
      PageState state = states.get(post.relPath());
      if (state != null && state.entry() != null) list.add(state.entry().model());
    }
    return list;
  }

  /**
   * Renders one page through its layout, writing it when it succeeds; or, when the last build
   * wrote it from the same inputs ({@link #outputKey}), reuses that file.
   */
  private PageState renderLayout(PageState state, Output out, AtomicInteger written) {
    Page page = state.page();
    String unusable = layouts.problemWith(page.layout());
    if (unusable != null) {
      return state.withLayoutProblems(List.of(Problem.error(page.source(), page.lineOf("layout"), unusable)));
    }
    Map<String, String> relinks = rewritesOf(page);
    String key = outputKey(state, relinks);
    if (key != null && out.reuse(page.outputPath(), key)) {
      written.incrementAndGet();
      renderedWith.put(page.source(), relinks);
      return state.withLayoutProblems(List.of());
    }
    Map<String, Object> context = new HashMap<>(shared);
    String content = relink(state.html(), relinks);
    context.put("page", PageModel.of(page, content, config.basePath()));
    Layouts.Result result = layouts.render(page.layout(), context, page.source());
    if (result.problem() != null) return state.withLayoutProblems(List.of(result.problem()));
    List<Problem> wrongLinks = layoutLinks(page.layout(), result.html(), content, page.url());
    boolean unlisted = page.draft() && !options.drafts();
    String text = unlisted ? noindex(result.html()) : result.html();
    // a page with a wrong link is not reused: its problems are found again by rendering it
    out.write(page.outputPath(), text.getBytes(StandardCharsets.UTF_8), wrongLinks.isEmpty() ? key : null);
    written.incrementAndGet();
    renderedWith.put(page.source(), relinks);
    return state.withLayoutProblems(List.of(), wrongLinks);
  }

  /**
   * The wrong links that {@code layout} added to a rendered page, located in the layout's files:
   * a link to nothing the build writes is an error, one that leaves out the sub-path a warning.
   *
   * @param content the page's own HTML, whose links were checked as its Markdown was rendered
   */
  private List<Problem> layoutLinks(String layout, String html, String content, String pageUrl) {
    if (!options.links()) return List.of();
    List<Problem> found = new ArrayList<>();
    String base = config.basePath();
    for (LayoutLinks.Finding f : layoutChecker.check(html, content, pageUrl)) {
      Layouts.Where where = layouts.whereWritten(layout, f.url(), base);
      found.add(switch (f.kind()) {
        case BROKEN -> Problem.error(where.file(), where.line(), "broken link " + f.url());
        case SKIPS_BASE_PATH -> Problem.warning(where.file(), where.line(), "link " + f.url()
            + " leaves out the sub-path " + base + " of baseUrl, so it leads off the site once published: write {{ \""
            + f.url() + "\" | url }}");
      });
    }
    return found;
  }

  private Map<String, String> rewritesOf(Page page) {
    return rewrites.getOrDefault(page.source(), Map.of());
  }

  /** A page's HTML with each link that named a heading by its GitHub id naming it by its real id. */
  static String relink(String html, Map<String, String> relinks) {
    if (html == null || relinks.isEmpty()) return html;
    String out = html;
    for (Map.Entry<String, String> e : relinks.entrySet()) {
      for (boolean escaped : new boolean[] {false, true}) {
        String from = escaped ? e.getKey().replace("&", "&amp;") : e.getKey();
        String to = escaped ? e.getValue().replace("&", "&amp;") : e.getValue();
        // as Markdown writes it (href="…") or as raw HTML may (href = '…')
        java.util.regex.Pattern href = java.util.regex.Pattern.compile(
            "(?i)(\\bhref\\s*=\\s*)([\"'])" + java.util.regex.Pattern.quote(from) + "\\2");
        out = href.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
            m.group(1) + m.group(2) + to + m.group(2)));
      }
    }
    return out;
  }

  /** A page's rendered Markdown once more (from the cache, when it has it), after it was dropped. */
  private String htmlAgain(Page page) {
    Problems ignored = new Problems();
    String body = Content.readPage(config, page.relPath(), page.source(), ignored).map(Source::body).orElse("");
    return renderMarkdown(page, body).html();
  }

  /**
   * What a page's rendering through its layout is made of, summed up, or null when it cannot be:
   * its HTML (named by the cache entry it came from), its page model and whether it is marked
   * noindex, with what {@link #outputKey(String, Object)} adds.
   */
  private String outputKey(PageState state, Map<String, String> relinks) {
    Page page = state.page();
    if (state.cacheId() == null) return null;
    return outputKey(page.layout(), List.of(state.cacheId(), page.outputPath(), PageModel.of(page, null, config.basePath()),
        page.draft() && !options.drafts(), new java.util.TreeMap<>(relinks)));
  }

  /**
   * What rendering {@code layout} with {@code values} (what a page adds to the shared context) is
   * made of, summed up: the values, the text of every file of the layout, the settings and, when
   * the layout names them, the pages and the posts. Null without a cache, where nothing is reused.
   */
  private String outputKey(String layout, Object values) {
    if (cache == null) return null;
    Fingerprint key = new Fingerprint().add(siteKey()).add(layout).add(layouts.fingerprint(layout)).add(values);
    if (layouts.mentions(layout, "pages")) key.add(sharedKey("pages"));
    if (layouts.mentions(layout, "posts")) key.add(sharedKey("posts"));
    return key.hex();
  }

  /** The part of every output key that is the same for all pages of a run; made once per run. */
  private String siteKey() {
    String made = siteKey;
    if (made == null) {
      // the outputs: a layout's links are checked against them, and exists() reads them
      made = new Fingerprint().add("output-key-2").add(PageCache.generatorIdentity()).add(config.values())
          .add(preview).add(options.drafts()).add(options.links()).add(List.copyOf(new java.util.TreeSet<>(index.outputPaths())))
          .add(data).hex();
      siteKey = made;
    }
    return made;
  }

  /** A fingerprint of a list the shared context holds ({@code pages}, {@code posts}); made once per context. */
  private String sharedKey(String name) {
    return sharedKeys.computeIfAbsent(name, n -> new Fingerprint().add(shared.get(n)).hex());
  }

  /**
   * The blog's index pages and feeds that the work touches: the index pages listing a changed
   * entry, and the feeds when a post in them was rendered again.
   */
  private void writeBlog(Work work, Set<String> changedEntries, Set<String> renderedPosts, Output out) {
    boolean indexLayoutChanged = !work.layouts().isEmpty()
        && !disjoint(layouts.filesOf(Blog.INDEX_LAYOUT), work.layouts());
    Problems found = new Problems();
    BiFunction<String, String, List<Problem>> checkLinks = (html, url) -> {
      List<Problem> wrong = layoutLinks(Blog.INDEX_LAYOUT, html, null, url);
      blogLinks.put(url, wrong);
      return wrong;
    };
    if (work.everything() || work.listing() || indexLayoutChanged) {
      blogLinks.clear();
      blog.writeIndex(layouts, shared, postModels(), null, this::outputKey, checkLinks, found, out);
      blogProblems = found.sorted();
    } else if (!changedEntries.isEmpty()) {
      // Index pages not rendered again keep the problems of their last rendering.
      Set<Integer> numbers = new HashSet<>();
      for (String rel : changedEntries) numbers.add(blog.indexPageOf(pages.get(rel)));
      blog.writeIndex(layouts, shared, postModels(), numbers, this::outputKey, checkLinks, found, out);
      blogProblems = found.sorted();
    }
    boolean feedsTouched = renderedPosts.stream().map(pages::get).anyMatch(blog::inFeeds);
    if (work.everything() || work.listing() || feedsTouched) blog.writeFeeds(this::htmlOf, out);
  }

  private int copy(Work work, Output out) {
    if (!work.everything()) {
      work.copies().forEach((rel, file) -> out.copy(file, rel));
      return work.copies().size();
    }
    assets.parallelStream().forEach(rel -> out.copy(config.assetsDir().resolve(rel), rel));
    contentFiles.parallelStream().forEach(rel -> out.copy(config.root().resolve(repoPaths.get(rel)), rel));
    return assets.size() + contentFiles.size();
  }

  /**
   * Runs the work for one page, turning a stack overflow or an exhausted heap (a Markdown nest
   * thousands deep, a huge page) into a problem of that page: the other pages are still built,
   * and a preview server goes on watching.
   */
  private void guarded(Page page, Runnable work) {
    String why;
    try {
      work.run();
      return;
    } catch (StackOverflowError e) {
      why = "cannot be rendered: nested too deeply (the renderer ran out of stack)";
    } catch (OutOfMemoryError e) {
      why = "cannot be rendered: out of memory; raise -Xmx with SITE_JAVA_OPTS or split the page";
    }
    states.put(page.relPath(), new PageState(page, null, null, Set.of(), null, List.of(),
        List.of(Problem.error(page.source(), 0, why)), null, Map.of(), List.of(), null));
  }

  /** Marks a page that is published but unlisted (a draft under {@code drafts: unlisted}) noindex. */
  static String noindex(String html) {
    Document doc = Jsoup.parse(html);
    doc.outputSettings().prettyPrint(false);
    doc.head().prependElement("meta").attr("name", "robots").attr("content", "noindex");
    return doc.outerHtml();
  }

  private String htmlOf(Page page) {
    PageState state = states.get(page.relPath());
    return state == null || state.html() == null ? "" : relink(state.html(), rewritesOf(page));
  }

  /** A page's text for the search index, or null when it has none. */
  private String textOf(Page page) {
    PageState state = states.get(page.relPath());
    return state == null ? null : state.text();
  }

  private List<Page> pagesAt(Set<String> rels) {
    List<Page> list = new ArrayList<>();
    for (String rel : rels) if (pages.get(rel) != null) list.add(pages.get(rel));
    return list;
  }

  // ---------------------------------------------------------------- results

  private BuildResult result(long start, int written, int copied) {
    Problems all = new Problems();
    readProblems.values().forEach(list -> list.forEach(all::add));
    settingsWarnings.forEach(all::add);
    indexProblems.forEach(all::add);
    int checked = 0;
    int broken = 0;
    Map<Problem, Integer> onPages = new HashMap<>();
    for (PageState state : states.values()) {
      if (readProblems.containsKey(state.page().relPath())) continue;
      if (state.rendered()) {
        state.links().problems().forEach(all::add);
        checked += state.links().checked();
        broken += state.links().broken();
      }
      state.entryProblems().forEach(all::add);
      state.layoutProblems().forEach(all::add);
      state.layoutLinks().forEach(p -> onPages.merge(p, 1, Integer::sum));
    }
    blogLinks.values().forEach(list -> list.forEach(p -> onPages.merge(p, 1, Integer::sum)));
    for (Map.Entry<Problem, Integer> e : onPages.entrySet()) {
      Problem p = e.getKey();
      if (p.isError()) broken++;
      all.add(new Problem(p.severity(), p.file(), p.line(), p.column(),
          p.message() + " (on " + e.getValue() + (e.getValue() == 1 ? " page)" : " pages)")));
    }
    anchorProblems.forEach(all::add);
    blogProblems.forEach(all::add);
    blog.checkSettings(all);
    if (cacheRefused) {
      all.warning(PageCache.FOLDER, 0, "a symlink, or holds one: the cache is not used; delete it to build one anew");
    }
    if (cache != null && cache.damaged() > 0) {
      all.warning(PageCache.FOLDER, 0, cache.damaged()
          + " damaged cache entries or packs were ignored; the pages in them were rendered again");
    }
    int draftsSkipped = pages.size() - published.size();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new BuildResult(published.size(), written, draftsSkipped, copied, checked, broken, missingAnchors,
        millis, all.sorted());
  }

  /** Lets go of the cache's files. */
  public void close() {
    if (cache != null) cache.close();
  }

  /** The sub-path of baseUrl that the last run's URLs start with ({@code /project}), or "". */
  public String basePath() {
    return config == null ? "" : config.basePath();
  }

  /** The pages this session publishes, by output path: the preview server marks the drafts. */
  public Map<String, Page> publishedByOutput() {
    Map<String, Page> map = new HashMap<>();
    for (Page p : published) map.put(p.outputPath(), p);
    return map;
  }

  /** The files outside the site's folders whose existence decided a link in the last run. */
  Set<Path> filesConsulted() {
    return links == null ? Set.of() : links.filesConsulted();
  }

  /** How long each stage of the last run took, for --verbose. */
  public List<String> timings() {
    return List.copyOf(timings);
  }

  private void lap(String stage) {
    long now = System.nanoTime();
    timings.add(String.format(Locale.ROOT, "%6d ms  %s", (now - lap) / 1_000_000, stage));
    lap = now;
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
      public void write(String path, byte[] bytes, String key) {
        writtenPaths.add(path);
        out.write(path, bytes, key);
      }

      @Override
      public boolean reuse(String path, String key) {
        if (!out.reuse(path, key)) return false;
        writtenPaths.add(path);
        return true;
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

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String x : a) if (b.contains(x)) return false;
    return true;
  }

  /** The key of a file's read problems: its path in the site when a mount holds it, else its path from the site root. */
  private String keyOf(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path root = config.root().toAbsolutePath().normalize();
    if (!abs.startsWith(root)) return abs.toString();
    String repoPath = root.relativize(abs).toString().replace('\\', '/');
    return config.mounts().sitePathOf(repoPath).orElse(repoPath);
  }

  private String keyOf(String source) {
    return keyOf(config.root().resolve(source));
  }
}
