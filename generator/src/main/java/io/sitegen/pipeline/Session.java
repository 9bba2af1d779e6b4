package io.sitegen.pipeline;

import io.sitegen.blog.Blog;
import io.sitegen.blog.LayoutPages;
import io.sitegen.blog.PostEntry;
import io.sitegen.blog.Sitemap;
import io.sitegen.blog.Tags;
import io.sitegen.cache.Fingerprint;
import io.sitegen.cache.PageCache;
import io.sitegen.config.SiteConfig;
import io.sitegen.config.TocLevels;
import io.sitegen.content.Content;
import io.sitegen.content.Page;
import io.sitegen.content.SiteIndex;
import io.sitegen.content.Source;
import io.sitegen.content.TranslationPattern;
import io.sitegen.content.Translations;
import io.sitegen.data.DataFiles;
import io.sitegen.data.StringTables;
import io.sitegen.files.SiteFiles;
import io.sitegen.links.Anchors;
import io.sitegen.links.GitHubIds;
import io.sitegen.images.ImageSizes;
import io.sitegen.links.LayoutLinks;
import io.sitegen.links.Links;
import io.sitegen.links.PageLinks;
import io.sitegen.markdown.LinkHook;
import io.sitegen.markdown.Markdown;
import io.sitegen.markdown.TableOfContents;
import io.sitegen.markdown.TextStats;
import io.sitegen.output.Output;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.search.SearchIndex;
import io.sitegen.templates.Layouts;
import io.sitegen.templates.PageModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
  static final Comparator<Page> NEWEST_FIRST = io.sitegen.content.Ordering.NEWEST_FIRST;

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
  /** The strings of each language, for the layouts' {@code i18n} function ({@code i18n/LANG.yml}). */
  private StringTables strings = StringTables.NONE;

  private List<Page> published = List.of();
  private List<Page> listed = List.of();
  private Blog blog;
  /** Each listed page's previous and next page, as the last plan ordered them. */
  private Neighbours neighbours = Neighbours.NONE;
  private Links links;
  /** The versions of each page in the site's languages, as the last plan grouped them. */
  private Translations translations = Translations.NONE;
  /** What this run writes, as the last plan indexed it. */
  private SiteIndex index;
  private LayoutLinks layoutChecker;
  /** What each output's rendering asked of the other outputs; null without a cache, where nothing is reused. */
  private OutputQuestions questions;
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
    java.time.Instant at = options.clock().instant();
    // a scheduled page whose date came since the last run is published: that changes every listing
    if (Changes.scheduleMoved(pages.values(), at, config.timezone(), options.future())) return rebuildAll(out);
    Map<String, Path> copies = new HashMap<>();
    // a changed image may have another size, which the pages showing it carry: run everything
    if (changes.assets().stream().anyMatch(ImageSizes::sized) || changes.files().stream().anyMatch(ImageSizes::sized)) {
      return rebuildAll(out);
    }
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
      Page now = read.page().asOf(at, config.timezone(), options.future());
      readProblems.remove(rel);
      // A new address or draft state changes every link and listing: run everything.
      if (!Objects.equals(old.url(), now.url()) || old.draft() != now.draft()) return rebuildAll(out);
      if (!old.data().equals(now.data()) || !Objects.equals(old.title(), now.title())) {
        listing = true;
        // its other versions show its title, and whether they are outdated by its revision
        if (translations.translated(old)) return rebuildAll(out);
      }
      pages.put(rel, now);
      bodies.put(rel, read.body());
      pagesToRender.add(rel);
    }
    // Tags make the tag pages, their counts and every page's page.tags, and tag.html and tags.html
    // whether those pages are written at all: a change to either runs everything.
    if (listing && !Blog.plan(config, files, selected(true), selected(false)).tags().shape()
        .equals(blog.tags().shape())) {
      return rebuildAll(out);
    }
    if (!changes.layouts().isEmpty() && !blog.tags().layoutsAsPlanned(files)) return rebuildAll(out);
    // whether /404.html comes from layouts/404.html is decided with the outputs: a new or deleted one plans again
    if (changes.layouts().contains(NOT_FOUND_LAYOUT)
        && notFoundFromLayout != (Files.isRegularFile(config.root().resolve(NOT_FOUND_LAYOUT)) && published.stream()
            .noneMatch(p -> p.outputPath().equals(NOT_FOUND_PATH)))) {
      return rebuildAll(out);
    }
    // tracked as a full run's outputs are: a tag page written now is deleted by a later full run that drops it
    return run(new Work(false, bodies, pagesToRender, listing, changes.layouts(), copies), tracking(out));
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
    imageSizes.clear(); // read again each run: an image may have changed since
    if (questions != null) questions.newRun();
    Content content = null;
    if (work.everything()) {
      Problems settings = new Problems();
      config = SiteConfig.load(options.root(), settings);
      if (settings.hasErrors()) {
        // Every later stage depends on the settings: what it would report now is noise.
        settingsBroken = true;
        return BuildResult.failedEarly(strictly(settings.sorted()));
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
      // page.previous and page.next name other pages, as a list of them does
      if (layouts.mentions(layout, "pages") || layouts.writes(layout, "page.previous")
          || layouts.writes(layout, "page.next")) {
        listsPages.add(layout);
      }
    }
    Set<String> inFeeds = new HashSet<>();
    for (List<Page> posts : blog.postChains()) for (Page post : posts) if (blog.inFeeds(post)) inFeeds.add(post.relPath());
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
    writeNotFound(work, changedEntries, out);
    if (work.everything() || work.listing()) {
      // drafts listed by --drafts are a preview: never in the sitemap
      // nor a page whose front matter says sitemap: false (a 404 page)
      Sitemap.write(config, listed.stream().filter(p -> !p.draft() && !Boolean.FALSE.equals(p.data().get("sitemap")))
          .toList(), blog.indexUrls(), ownRobots, translations::versionsOf, out);
    }
    // the search index holds each page's text: written again when one changed
    if (work.everything() || work.listing() || !changedTexts.isEmpty()) {
      SearchIndex.write(listed, this::textOf,
          p -> blog.tags().of(p).stream().map(t -> String.valueOf(t.get("name"))).toList(), config.basePath(), out);
    }
    lap("blog index, feeds, sitemap, search index");

    int copied = copy(work, out);
    lap("copy files");
    if (cache != null) cache.flush();
    if (questions != null) questions.save(work.everything());
    return result(start, written.get(), copied);
  }

  /** Reads the settings' folders: every page's front matter, and the other files to copy. */
  private Content scan() {
    files = SiteFiles.of(config, options.output());
    cacheRefused = options.cache() && !PageCache.usable(config.root());
    if (cache != null) cache.close();
    cache = options.cache() && !cacheRefused ? new PageCache(config.root(), PageCache.generatorIdentity()) : null;
    if (cache != null && questions == null) {
      Path record = LastBuild.fileFor(options);
      questions = OutputQuestions.load(record.resolveSibling(record.getFileName() + ".questions"));
    }
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
    strings = StringTables.load(config, options.output(), reading);
    layouts.strings(strings);
    for (Page page : content.pages()) pages.put(page.relPath(), page);
    for (Problem p : reading.sorted()) readProblems.computeIfAbsent(keyOf(p.file()), k -> new ArrayList<>()).add(p);
    contentFiles = content.staticFiles();
    repoPaths = content.repoPaths();
    return content;
  }

  /** Decides what is published and listed, indexes every output, and prepares link resolution. */
  private void plan() {
    // a page dated after now is scheduled: a draft until its date, unless the build takes the future
    java.time.Instant now = options.clock().instant();
    pages.replaceAll((rel, page) -> page.asOf(now, config.timezone(), options.future()));
    // a translation of a draft waits for it: it would publish what its original does not yet
    TranslationPattern pattern = new TranslationPattern(config.languages());
    Map<String, Page> originals = Translations.originalsAmong(pattern, pages.values());
    if (!originals.isEmpty()) {
      pages.replaceAll((rel, page) -> originals.containsKey(rel) ? page.following(originals.get(rel)) : page);
    }
    boolean publishDrafts = options.drafts() || config.unlistedDrafts();
    published = selected(true);
    listed = selected(false);
    ownRobots = assets.contains("robots.txt") || contentFiles.contains("robots.txt");
    Problems found = new Problems();
    translations = Translations.of(config.languages(), pattern, published, found);
    blog = Blog.plan(config, files, published, listed);
    neighbours = Neighbours.of(blog.postChains(), listed, blog::isPost, config.basePath());
    List<String> generated = new ArrayList<>(blog.outputPaths());
    generated.addAll(Sitemap.outputPaths(config, ownRobots));
    notFoundFromLayout = layouts.exists(NOT_FOUND_LAYOUT)
        && published.stream().noneMatch(p -> p.outputPath().equals(NOT_FOUND_PATH));
    if (notFoundFromLayout) generated.add(NOT_FOUND_PATH);
    generated.add(SearchIndex.PATH);
    index = SiteIndex.build(published, contentFiles, repoPaths, assets, generated, found);
    indexProblems = found.sorted();
    layouts.serving(index::serves);
    links = new Links(config, pages.values(), contentFiles, index, publishDrafts, translations);
    layoutChecker = new LayoutLinks(index, config.decodedBasePath(), config.origin());
    String base = config.decodedBasePath();
    if (!base.isEmpty() && index.outputPaths().stream().anyMatch(p -> p.startsWith(base.substring(1) + "/"))) {
      List<Problem> more = new ArrayList<>(indexProblems);
      more.add(Problem.warning(SiteConfig.FILE_NAME, 0, "the sub-path " + base + " of baseUrl is also a folder of the"
          + " site: a URL that starts with " + base + "/ is read as that folder, not as one written with the sub-path;"
          + " give layouts page.url and post.url as they are, without | url"));
      indexProblems = more;
    }
  }

  /** The pages this run publishes ({@code published}), or the pages it lists. */
  private List<Page> selected(boolean published) {
    boolean drafts = options.drafts() || (published && config.unlistedDrafts());
    return pages.values().stream().filter(p -> drafts || !p.draft()).toList();
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
        String.valueOf(config.blog().excerptLength()), String.valueOf(tocLevels(page)));
    PageCache.Entry hit = key == null ? null : cache.get(key, text).orElse(null);
    boolean post = blog.isPost(page);
    String html;
    Set<String> ids;
    Map<String, String> aliases;
    String excerpt;
    String searchText = null;
    String cacheId = null;
    if (hit != null && (hit.excerpt() != null) == post && replays(hit.links(), hook, page, text, found)) {
      html = hit.html();
      ids = hit.ids();
      aliases = hit.aliases();
      excerpt = hit.excerpt();
      searchText = hit.text();
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
      PageLinks sink = found;
      html = ImageSizes.addSizes(html, src -> {
        ImageSizes.Result size = imageSize(page, src, text, sink).orElse(null);
        if (size == null) return null;
        recorded.add(new PageCache.Link(IMAGE_SIZE + src, 0, String.valueOf(size)));
        return size.size();
      });
      TocLevels levels = tocLevels(page);
      html = TableOfContents.replaceMarker(html, levels.min(), levels.max());
      ids = options.links() ? Anchors.of(html) : Set.of();
      aliases = options.links() ? GitHubIds.of(html) : Map.of();
      excerpt = post ? blog.excerptOf(html) : null;
      searchText = SearchIndex.textOf(html);
      if (key != null) {
        cacheId = cache.newId();
        cache.put(key, new PageCache.Entry(text, html, ids, aliases, recorded, excerpt, searchText, cacheId));
      }
    }
    if (!SearchIndex.includes(page)) {
      searchText = null;
    } else if (searchText == null) {
      searchText = SearchIndex.textOf(html);
    }
    PageState state = new PageState(page, html, found, ids, null, List.of(), List.of(), cacheId, aliases, List.of(),
        searchText);
    if (!post) return state;
    Problems problems = new Problems();
    return state.withEntry(blog.entryWithExcerpt(page, excerpt, links, problems), problems.sorted());
  }

  /**
   * Whether each link of a cached rendering still resolves to what it was published as: the
   * permalinks of the pages it names are part of the page's output. Resolving records the links
   * in the hook's sink, as rendering would. An image's size is a link of its own kind
   * ({@link #IMAGE_SIZE}): the image must still have the size written into the HTML.
   */
  private boolean replays(List<PageCache.Link> recorded, LinkHook hook, Page page, String text, PageLinks found) {
    for (PageCache.Link link : recorded) {
      if (link.url().startsWith(IMAGE_SIZE)) {
        String src = link.url().substring(IMAGE_SIZE.length());
        Optional<ImageSizes.Result> size = imageSize(page, src, text, found);
        if (size.isEmpty() || !link.published().equals(String.valueOf(size.get()))) return false;
      } else if (!link.published().equals(hook.resolve(link.url(), link.line()))) {
        return false;
      }
    }
    return true;
  }

  /** What a cached rendering records for an image whose size it wrote: this, then the image's src. */
  private static final String IMAGE_SIZE = "\0image-size:";

  /** The sizes of the images read in this run, by file: a site's logo is on many pages. */
  private final Map<Path, ImageSizes.Result> imageSizes = new ConcurrentHashMap<>();

  /**
   * The size of the image a page's {@code <img src>} names, when the build copies it from the
   * site's folders and its format is one that is sized; empty otherwise. One that cannot be read
   * is a warning of the page, at the line that names its file.
   */
  private Optional<ImageSizes.Result> imageSize(Page page, String src, String text, PageLinks found) {
    Optional<Path> file = links.fileOf(page, src);
    if (file.isEmpty() || !ImageSizes.sized(file.get().getFileName().toString())) return Optional.empty();
    ImageSizes.Result size = imageSizes.computeIfAbsent(file.get(), ImageSizes::of);
    if (size.problem() != null) {
      String name = file.get().getFileName().toString();
      int at = text.indexOf(name);
      int line = at < 0 ? 0 : page.bodyLine() + io.sitegen.config.Text.lineAt(text, at) - 1;
      found.warning(Problem.warning(page.source(), line, "image " + src + ": " + size.problem()));
    }
    return Optional.of(size);
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
    Tags tags = blog.tags();
    // site.tags too, unless site.yml has a key of that name (a warning of the tags says so)
    Map<String, Object> site = config.values();
    if (!site.containsKey("tags")) {
      site = new LinkedHashMap<>(site);
      site.put("tags", tags.all());
    }
    context.put("site", site);
    context.put("tags", tags.all());
    context.put("pages", listed.stream().sorted(NEWEST_FIRST)
        .map(p -> PageModel.of(p, null, config.basePath(), tags.of(p))).toList());
    context.put("posts", postModels());
    context.put("preview", preview);
    context.put("data", data);
    shared = context;
    sharedKeys.clear();
  }

  private List<Map<String, Object>> postModels() {
    return postModels(blog);
  }

  /** The entries of a blog's posts (the site's, or a language's), newest first. */
  private List<Map<String, Object>> postModels(Blog of) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Page post : of.posts()) {
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
    String content = relink(state.html(), relinks);
    Rendered rendered = renderTo(page.outputPath(), page.layout(), outputKey(state, relinks),
        () -> Map.of("page", pageModel(state, content)), content, page.url(), page.source(),
        page.draft() && !options.drafts(), out);
    if (rendered.problem() != null) return state.withLayoutProblems(List.of(rendered.problem()));
    written.incrementAndGet();
    renderedWith.put(page.source(), relinks);
    return state.withLayoutProblems(List.of(), rendered.wrongLinks());
  }

  /**
   * What a layout sees of the page it renders: the page model with its tags, and what is worked out
   * from its HTML ({@code toc}, {@code tocHtml}, {@code wordCount}, {@code readingTime}, a
   * {@code description} from its excerpt when the front matter has none), its {@code image} as a
   * published URL, and its {@code previous} and {@code next} page.
   */
  private Map<String, Object> pageModel(PageState state, String content) {
    Page page = state.page();
    Map<String, Object> model = PageModel.of(page, content, config.basePath(), blog.tags().of(page));
    // worked out only for a layout that names them: each is a pass over the page's HTML
    String layout = page.layout();
    if (layouts.writes(layout, "toc")) {
      TocLevels levels = tocLevels(page);
      List<Map<String, Object>> toc = TableOfContents.tree(TableOfContents.headings(content), levels.min(), levels.max());
      model.put("toc", toc);
      model.put("tocHtml", new io.pebbletemplates.pebble.extension.escaper.SafeString(TableOfContents.html(toc)));
    }
    if (layouts.writes(layout, "wordCount") || layouts.writes(layout, "readingTime")) {
      int words = TextStats.wordCount(content);
      model.put("wordCount", words);
      model.put("readingTime", TextStats.readingMinutes(words));
    }
    Object description = page.data().get("description");
    if ((description == null || String.valueOf(description).isBlank()) && layouts.writes(layout, "description")) {
      String excerpt = state.entry() != null ? String.valueOf(state.entry().values().get("excerpt"))
          : blog.excerptOf(content == null ? "" : content);
      model.put("description", excerpt);
    }
    // a URL, or null when it names nothing published (as a post's entry has it)
    if (model.containsKey("image")) model.put("image", imageUrl(page));
    model.put("previous", neighbours.previous(page));
    model.put("next", neighbours.next(page));
    model.putAll(translationModel(page));
    return model;
  }

  /**
   * What a layout sees of a page's versions in other languages: {@code page.original} (for a
   * translation), {@code page.translations} (every version, this one included) and
   * {@code page.outdated}; nothing on a site that declares no languages.
   */
  private Map<String, Object> translationModel(Page page) {
    if (!config.languages().declared()) return Map.of();
    return PageModel.translations(page, translations, config.languages(), config.basePath());
  }

  /** The published URL of a page's front matter {@code image}, or null when it has none or it names nothing. */
  private String imageUrl(Page page) {
    Object image = page.data().get("image");
    if (image == null || String.valueOf(image).isBlank()) return null;
    return links.publishedUrl(page, String.valueOf(image)).orElse(null);
  }

  /** The heading levels a page's table of contents shows: its front matter's {@code toc}, else site.yml's. */
  private TocLevels tocLevels(Page page) {
    TocLevels levels = TocLevels.read(page.data().get("toc"), config.tocLevels());
    return levels == null ? config.tocLevels() : levels; // reading the page warned of it
  }

  /** What {@link #renderTo} did: the problem that stopped the layout, else the wrong links it added. */
  private record Rendered(Problem problem, List<Problem> wrongLinks) {}

  /**
   * Renders {@code layout} into the output file {@code path}, or reuses the last build's file when
   * it was made from the same key and the answers its rendering got about the site's outputs (where
   * its links led, what {@code exists} said) still hold. A page with a wrong link is written with
   * no key, so that the next build renders it, and finds its problems, again.
   *
   * @param key     what the rendering is made of ({@link #outputKey(String, Object)}), or null: never reused
   * @param values  what the page adds to the shared context
   * @param content the page's own HTML, whose links were checked as its Markdown was rendered, or null
   * @param pageUrl the page's URL without the sub-path
   * @param noindex whether the page is published but unlisted
   */
  private Rendered renderTo(String path, String layout, String key, Supplier<Map<String, Object>> values,
      String content, String pageUrl, String forSource, boolean noindex, Output out) {
    String reusable = key == null ? null : questions.reusableKey(path, key, this::stillAnswered);
    if (reusable != null && out.reuse(path, reusable)) {
      questions.kept(path);
      return new Rendered(null, List.of());
    }
    Map<String, Object> context = new HashMap<>(shared);
    context.putAll(values.get());
    Layouts.Result result = layouts.render(layout, context, forSource);
    if (result.problem() != null) return new Rendered(result.problem(), List.of());
    Set<String> served = new java.util.TreeSet<>();
    List<Problem> wrongLinks = layoutLinks(layout, result.html(), content, pageUrl, served);
    if (!result.warnings().isEmpty()) {
      // keys i18n found no text for: told with the wrong links, once per layout line, and never reused
      wrongLinks = new ArrayList<>(wrongLinks);
      wrongLinks.addAll(result.warnings());
    }
    String text = noindex ? noindex(result.html()) : result.html();
    String written = null;
    if (key != null && wrongLinks.isEmpty()) {
      Map<String, Boolean> asked = new java.util.TreeMap<>();
      for (String p : served) asked.put(LINK_QUESTION + p, true);
      result.asked().forEach((q, a) -> asked.put(EXISTS_QUESTION + q, a));
      written = questions.keyFor(path, key, asked);
    }
    out.write(path, text.getBytes(StandardCharsets.UTF_8), written);
    return new Rendered(null, wrongLinks);
  }

  /** A question of a rendering: whether a path its layout linked to is written. */
  private static final String LINK_QUESTION = "l ";
  /** A question of a rendering: what {@code exists} or {@code url} answered ({@link Layouts#answer}). */
  private static final String EXISTS_QUESTION = "e ";

  /** What a question of an earlier rendering is answered now. */
  private boolean stillAnswered(String question) {
    if (question.startsWith(LINK_QUESTION)) return layoutChecker.stillServes(question.substring(LINK_QUESTION.length()));
    return layouts.answer(question.substring(EXISTS_QUESTION.length()));
  }

  /**
   * The wrong links that {@code layout} added to a rendered page, located in the layout's files:
   * a link to nothing the build writes is an error, one that leaves out the sub-path a warning.
   *
   * @param content the page's own HTML, whose links were checked as its Markdown was rendered
   */
  private List<Problem> layoutLinks(String layout, String html, String content, String pageUrl, Set<String> served) {
    if (!options.links()) return List.of();
    List<Problem> found = new ArrayList<>();
    String base = config.basePath();
    for (LayoutLinks.Finding f : layoutChecker.check(html, content, pageUrl, served)) {
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
    return outputKey(page.layout(), List.of(state.cacheId(), page.outputPath(),
        PageModel.of(page, null, config.basePath(), blog.tags().of(page)),
        page.draft() && !options.drafts(), new java.util.TreeMap<>(relinks), neighbours.of(page),
        String.valueOf(imageUrl(page)), translationModel(page)));
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
    // tags, or site.tags
    if (layouts.mentions(layout, "tags") || layouts.writes(layout, "site.tags")) key.add(sharedKey("tags"));
    return key.hex();
  }

  /** The part of every output key that is the same for all pages of a run; made once per run. */
  private String siteKey() {
    String made = siteKey;
    if (made == null) {
      made = new Fingerprint().add("output-key-3").add(PageCache.generatorIdentity()).add(config.values())
          .add(preview).add(options.drafts()).add(options.links()).add(data).add(strings.tables()).hex();
      siteKey = made;
    }
    return made;
  }

  /** A fingerprint of a list the shared context holds ({@code pages}, {@code posts}, {@code tags}); made once per context. */
  private String sharedKey(String name) {
    return sharedKeys.computeIfAbsent(name, n -> new Fingerprint().add(shared.get(n)).hex());
  }

  /**
   * The blog's index pages and feeds, and the tags' pages and feeds, that the work touches: the
   * index pages listing a changed entry, the feeds when a post in them was rendered again.
   */
  private void writeBlog(Work work, Set<String> changedEntries, Set<String> renderedPosts, Output out) {
    boolean indexLayoutChanged = !work.layouts().isEmpty()
        && !disjoint(layouts.filesOf(Blog.INDEX_LAYOUT), work.layouts());
    Problems found = new Problems();
    LayoutPages pagesOut = layoutPages(out);
    if (work.everything() || work.listing() || indexLayoutChanged) {
      blogLinks.keySet().removeIf(url -> !url.startsWith("/" + TAGS) && !url.equals("/" + NOT_FOUND_PATH));
      indexPageProblems.clear();
      for (Blog each : blog.all()) each.writeIndex(layouts, shared, postModels(each), null, pagesOut, found);
      blogIndexProblems = found.sorted();
    } else if (!changedEntries.isEmpty()) {
      // Index pages not rendered again keep the problems of their last rendering (indexPageProblems).
      for (Blog each : blog.all()) {
        Set<Integer> numbers = new HashSet<>();
        for (String rel : changedEntries) numbers.add(each.indexPageOf(pages.get(rel)));
        numbers.remove(0); // not a post of this blog
        if (!numbers.isEmpty()) each.writeIndex(layouts, shared, postModels(each), numbers, pagesOut, found);
      }
    }
    boolean feedsTouched = renderedPosts.stream().map(pages::get).anyMatch(blog::inBlogFeeds);
    if (work.everything() || work.listing() || feedsTouched) blog.writeFeeds(this::htmlOf, out);
    writeTags(work, changedEntries, renderedPosts, out);
    List<Problem> all = new ArrayList<>(blogIndexProblems);
    indexPageProblems.values().forEach(all::addAll);
    tagPageProblems.values().forEach(all::addAll);
    blogProblems = all;
  }

  private static final String NOT_FOUND_LAYOUT = "layouts/404.html";
  private static final String NOT_FOUND_PATH = "404.html";
  /** Whether this run writes /404.html from its layout: no page of the site writes it. */
  private boolean notFoundFromLayout;

  /**
   * Writes /404.html from layouts/404.html when no page does (a {@code content/404.md} may): static
   * hosts such as GitHub Pages and Netlify answer a missing path with it, and {@code site serve} does too.
   */
  private void writeNotFound(Work work, Set<String> changedEntries, Output out) {
    if (!notFoundFromLayout) {
      notFoundProblems = List.of();
      return;
    }
    boolean layoutChanged = !work.layouts().isEmpty() && !disjoint(layouts.filesOf(NOT_FOUND_LAYOUT), work.layouts());
    boolean listsChanged = !changedEntries.isEmpty() && layouts.mentions(NOT_FOUND_LAYOUT, "posts");
    if (!work.everything() && !work.listing() && !layoutChanged && !listsChanged) return;
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", "Page not found");
    page.put("url", config.basePath() + "/" + NOT_FOUND_PATH);
    if (config.languages().declared()) page.put("lang", config.languages().defaultCode());
    page.put("section", "");
    Problem problem = layoutPages(out).write(NOT_FOUND_LAYOUT, NOT_FOUND_PATH, "/" + NOT_FOUND_PATH,
        Map.of("page", page), "the 404 page");
    notFoundProblems = problem == null ? List.of() : List.of(problem);
  }

  private List<Problem> notFoundProblems = List.of();

  /** Writes the pages the blog makes through {@link #renderTo}, keeping their wrong links by URL. */
  private LayoutPages layoutPages(Output out) {
    return (layout, path, url, values, forSource) -> {
      Rendered rendered = renderTo(path, layout, outputKey(layout, List.copyOf(values.values())), () -> values, null,
          url, forSource, false, out);
      blogLinks.put(url, rendered.wrongLinks());
      if (layout.equals(Blog.INDEX_LAYOUT)) {
        indexPageProblems.put(url, rendered.problem() == null ? List.of() : List.of(rendered.problem()));
      }
      return rendered.problem();
    };
  }

  /** The problem of rendering each blog index page, by URL, as it was last rendered. */
  private final Map<String, List<Problem>> indexPageProblems = new ConcurrentHashMap<>();

  /** The folder of the tag pages, as their URLs start: {@code /tags/}. */
  private static final String TAGS = "tags/";

  /** The problems of rendering the blog's index pages, as they were last rendered. */
  private List<Problem> blogIndexProblems = List.of();
  /** The problems of rendering each tag page, by URL, as it was last rendered. */
  private final Map<String, List<Problem>> tagPageProblems = new ConcurrentHashMap<>();

  /**
   * The tag pages and feeds the work touches: every page when the listing, a tag layout or
   * everything changed, else the tag pages that list a changed entry (all of them, when tag.html
   * lists the posts); the feeds of the tags of posts rendered again. A change to the tags
   * themselves runs everything ({@link #update}).
   */
  private void writeTags(Work work, Set<String> changedEntries, Set<String> renderedPosts, Output out) {
    Tags tags = blog.tags();
    boolean layoutChanged = !work.layouts().isEmpty() && (!disjoint(layouts.filesOf(Tags.TAG_LAYOUT), work.layouts())
        || !disjoint(layouts.filesOf(Tags.INDEX_LAYOUT), work.layouts()));
    boolean all = work.everything() || work.listing() || layoutChanged
        || (!changedEntries.isEmpty() && layouts.mentions(Tags.TAG_LAYOUT, "posts"));
    if (all || !changedEntries.isEmpty()) {
      if (all) {
        blogLinks.keySet().removeIf(url -> url.startsWith("/" + TAGS));
        tagPageProblems.clear();
      }
      Function<Page, Map<String, Object>> entryOf = page -> {
        PageState state = states.get(page.relPath());
        return blog.isPost(page) && state != null && state.entry() != null ? state.entry().model() : blog.pageEntry(page);
      };
      tags.writePages(layouts, shared, all ? null : changedEntries, entryOf, layoutPages(out), tagPageProblems);
    }
    Set<String> feeds = null;
    if (!work.everything() && !work.listing()) {
      feeds = new HashSet<>();
      for (String rel : renderedPosts) feeds.addAll(tags.feedsOf(pages.get(rel)));
    }
    if (feeds == null || !feeds.isEmpty()) blog.writeTagFeeds(this::htmlOf, feeds, out);
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
    notFoundProblems.forEach(all::add);
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
        millis, strictly(all.sorted()));
  }

  /** Under --strict every warning is an error: a CI run that passes has nothing left to look at. */
  private List<Problem> strictly(List<Problem> problems) {
    if (!options.strict()) return problems;
    return problems.stream()
        .map(p -> p.isError() ? p : Problem.error(p.file(), p.line(), p.column(), p.message()))
        .toList();
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

  /**
   * For each language but the default, as the last run planned: its translations, those outdated
   * and the originals it has none of. Empty on a site that declares no languages; null when the
   * settings could not be read.
   */
  List<Translations.Report> translationReport() {
    return config == null || settingsBroken ? null : translations.report();
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
