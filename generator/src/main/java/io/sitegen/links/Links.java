package io.sitegen.links;

import io.sitegen.config.SiteConfig;
import io.sitegen.content.Page;
import io.sitegen.content.SiteIndex;
import io.sitegen.content.Translations;
import io.sitegen.markdown.LinkHook;
import io.sitegen.problems.Nearest;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the links written in pages to the URLs they are published at, and checks them: a
 * relative path to a Markdown file becomes that page's permalink, a path to another file under
 * {@code content/} its URL, a path to a file elsewhere in the repository a link to its source.
 * Links that point nowhere are errors; {@code #fragments} are checked once every page is rendered.
 */
public final class Links {
  private final SiteConfig config;
  private final SiteIndex index;
  private final boolean includeDrafts;
  private final Map<String, Page> pagesByRelPath = new HashMap<>();
  private final Set<String> contentFiles;
  private final Path repository;
  private final String sitePrefix;
  private final String sourceBase;
  private final String basePath;
  private final String decodedBasePath;
  private final Translations translations;

  /**
   * @param pages         every page of the mounts, drafts included
   * @param contentFiles  the other files of the mounts, by site path
   * @param index         the outputs of this build
   * @param includeDrafts whether drafts are published by this build (pages scheduled for later are
   *                      drafts until their date)
   * @param translations  the versions of each page in the site's languages: a link from a
   *                      translation to a page it has no translation of leads to the original's
   */
  public Links(SiteConfig config, Collection<Page> pages, Collection<String> contentFiles, SiteIndex index,
      boolean includeDrafts, Translations translations) {
    this.config = config;
    this.index = index;
    this.includeDrafts = includeDrafts;
    for (Page page : pages) pagesByRelPath.put(page.relPath(), page);
    this.contentFiles = new HashSet<>(contentFiles);
    this.repository = repositoryRoot(config.root());
    String prefix = repository.relativize(config.root().toAbsolutePath().normalize()).toString().replace('\\', '/');
    this.sitePrefix = prefix.isEmpty() ? "" : prefix + "/";
    String base = config.string("sourceBase", "");
    this.sourceBase = base.isEmpty() || base.endsWith("/") ? base : base + "/";
    this.basePath = config.basePath();
    this.decodedBasePath = config.decodedBasePath();
    this.translations = translations;
  }


  /** The repository holding the site: the nearest folder with a .git, else the site root. */
  private static Path repositoryRoot(Path siteRoot) {
    Path root = siteRoot.toAbsolutePath().normalize();
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) return p;
    }
    return root;
  }

  /** The hook that resolves the links of {@code page} while it is rendered, recording them in {@code sink}. */
  public LinkHook hookFor(Page page, PageLinks sink) {
    return (url, line) -> resolve(page, url.trim(), page.bodyLine() + line, sink);
  }

  private String resolve(Page from, String url, int line, PageLinks sink) {
    if (url.isEmpty() || Url.isExternal(url)) return url;
    Target target = target(from, url);
    if (target.error() != null) {
      sink.broken(Problem.error(from.source(), line, target.error()));
    } else {
      Page to = target.anchorPage();
      sink.resolved(to == null ? null
          : new AnchorLink(from.source(), line, url, to.relPath(), to == from ? null : to.source(), target.fragment(),
              target.url()));
    }
    return target.url();
  }

  /**
   * The published URL of a file named by a page, as a link in it would be published (e.g. a
   * post's {@code image}), or empty when it names nothing this build publishes. Reports nothing.
   */
  public Optional<String> publishedUrl(Page from, String url) {
    if (Url.isExternal(url)) return Optional.of(url);
    Target target = target(from, url.trim());
    return target.error() == null ? Optional.of(target.url()) : Optional.empty();
  }

  /**
   * Where a link leads.
   *
   * @param url        the URL to publish (the one written when it is broken)
   * @param error      why the link is broken, or null
   * @param anchorPage the page whose ids the fragment must match, or null when there is nothing to check
   * @param page       the page the link leads to, or null when it leads to a file or off the site
   */
  private record Target(String url, String error, Page anchorPage, String fragment, Page page) {
    static Target kept(String url) {
      return new Target(url, null, null, null, null);
    }

    static Target broken(String url, String error) {
      return new Target(url, error, null, null, null);
    }
  }

  /** Whether a link names an anchor to check: {@code #} alone is the top of the page, as browsers take it. */
  private static boolean anchored(Url u) {
    return u.fragment() != null && !u.fragment().isEmpty();
  }

  /**
   * Where a link leads, as GitHub reads it: a relative path from the page's folder in the
   * repository; a path with a leading '/' from the site root first, then as a path of the site
   * (through the mounts), then as a URL the build writes. A mounted Markdown file gives its page's
   * permalink, another mounted file its URL, a file of the repository outside every mount a link
   * to its source ({@code sourceBase}).
   */
  private Target target(Page from, String url) {
    Page original = url.startsWith("/") ? null : translations.originalOf(from);
    // the hint of a broken link compares it with every page: made only for a link broken from both places
    Target target = targetFrom(from, url, original == null);
    if (target.error() != null && original != null) {
      // a translation links as its original does, to pages not translated (yet): those are the original's
      Target theirs = targetFrom(original, url, false);
      target = theirs.error() == null ? theirs : targetFrom(from, url, true);
    }
    return inSameLanguage(from, target, url);
  }

  /**
   * With {@code translations.preferSameLanguage}, a link to a page that has a version in the
   * linking page's language leads to that version.
   */
  private Target inSameLanguage(Page from, Target target, String url) {
    // a link to a translation names its language on purpose ("in Polish"): only one to an original is sent on
    if (!config.languages().preferSameLanguage() || target.page() == null || target.page().original() != null
        || from.lang() == null) {
      return target;
    }
    Page version = translations.in(target.page(), from.lang());
    if (version == null || version == target.page()) return target;
    Url u = Url.parse(url);
    return new Target(basePath + publishedUrl(version) + u.suffix(), null, anchored(u) ? version : null, u.fragment(),
        version);
  }

  /**
   * Where a link leads from {@code from}'s own place, as {@link #target} says.
   *
   * @param hint whether a broken link's message names the nearest page ("did you mean")
   */
  private Target targetFrom(Page from, String url, boolean hint) {
    Url u = Url.parse(url);
    if (u.path().isEmpty()) {
      return new Target(url, null, anchored(u) ? from : null, u.fragment(), from);
    }
    if (u.path().startsWith("/")) {
      String fromRoot = normalize(u.path().substring(1));
      if (fromRoot == null) return Target.broken(url, "broken link " + url + " (it leaves the repository)");
      Target mounted = mounted(url, u, fromRoot);
      if (mounted != null) return mounted;
      if (!fromRoot.isEmpty() && config.mounts().sitePathOf(fromRoot).isEmpty()
          && existsInRepository(sitePrefix + fromRoot)) {
        return outside(url, u, sitePrefix + fromRoot);
      }
      Target site = atSitePath(url, u, fromRoot);
      if (site != null) return site;
      String prefix = prefixFromRoot(u);
      if (prefix != null) return Target.kept(prefix + url);
      return Target.broken(url, "broken link " + url);
    }
    String target = normalize(parentOf(sitePrefix + from.source()) + u.path());
    if (target == null) return Target.broken(url, "broken link " + url + " (it leaves the repository)");
    boolean inSite = target.startsWith(sitePrefix) || (target + "/").equals(sitePrefix);
    String fromRoot = !inSite ? null : target.length() > sitePrefix.length() ? target.substring(sitePrefix.length()) : "";
    if (fromRoot != null) {
      Target mounted = mounted(url, u, fromRoot);
      if (mounted != null) return mounted;
    }
    if (publishedElsewhere(from, u)) return Target.kept(url);
    boolean mountedPath = fromRoot != null && config.mounts().sitePathOf(fromRoot).isPresent();
    if (!mountedPath && existsInRepository(target)) return outside(url, u, target);
    return Target.broken(url, "broken link " + url + (hint ? didYouMean(from, u, fromRoot) : ""));
  }

  /**
   * "; did you mean ./x.md?" naming the page whose path is nearest to a broken link's (within a
   * few edits), written as a link from {@code from} would be; else "".
   */
  private String didYouMean(Page from, Url u, String fromRoot) {
    if (fromRoot == null || !u.path().endsWith(".md")) return "";
    String sitePath = config.mounts().sitePathOf(fromRoot).orElse(null);
    if (sitePath == null) return "";
    String nearest = Nearest.to(sitePath, pagesByRelPath.keySet());
    if (nearest == null || Nearest.distance(sitePath, nearest) > Math.max(2, sitePath.length() / 5)) return "";
    String folder = parentOf(from.source());
    String relative = java.nio.file.Path.of(folder.isEmpty() ? "." : folder)
        .relativize(java.nio.file.Path.of(pagesByRelPath.get(nearest).source())).toString().replace('\\', '/');
    return "; did you mean " + (relative.startsWith("../") ? relative : "./" + relative) + "?";
  }

  /** Where a link to {@code fromRoot} (a path from the site root) leads when a mount holds it, or null. */
  private Target mounted(String url, Url u, String fromRoot) {
    return config.mounts().sitePathOf(fromRoot).map(site -> atSitePath(url, u, site)).orElse(null);
  }

  /** The page or file at {@code site}, a path of the site, or null when there is none. */
  private Target atSitePath(String url, Url u, String site) {
    Page page = pageAt(site);
    if (page != null) {
      if (page.draft() && !includeDrafts && page.scheduled()) {
        return Target.broken(url, "link to a scheduled page: " + url + " is " + page.source()
            + ", which is published on " + page.publishedOn() + "; build with --future to include it now, or set"
            + " drafts: unlisted in site.yml to publish it unlisted until then");
      }
      if (page.held() && !includeDrafts) {
        Page original = pagesByRelPath.get(page.original());
        String when = original != null && original.scheduled() ? " on " + original.publishedOn() : "";
        return Target.broken(url, "link to a translation of " + (when.isEmpty() ? "a draft" : "a scheduled page")
            + ": " + url + " is " + page.source() + ", which waits for its original " + page.original()
            + " to be published" + when);
      }
      if (page.draft() && !includeDrafts) {
        return Target.broken(url, "link to a draft: " + url + " is " + page.source()
            + ", which has draft: true; publish it (site publish), or set drafts: unlisted in site.yml to publish"
            + " drafts unlisted (--drafts only previews them)");
      }
      return new Target(basePath + publishedUrl(page) + u.suffix(), null, anchored(u) ? page : null, u.fragment(),
          page);
    }
    if (contentFiles.contains(site)) return Target.kept(basePath + "/" + encodePath(site) + u.suffix());
    return null;
  }

  /** A link to a file of the repository that no mount publishes: to its source, with {@code sourceBase}. */
  private Target outside(String url, Url u, String target) {
    if (sourceBase.isEmpty()) {
      String mounted = config.mounts().all().size() == 1 && config.mounts().all().get(0).target().isEmpty()
          ? config.mounts().all().get(0).source() + "/" : "the mounted folders";
      return Target.broken(url, "link to " + target + ", outside " + mounted + ": set sourceBase in "
          + SiteConfig.FILE_NAME + " (e.g. https://github.com/ORG/REPO/blob/main/) to link to the repository");
    }
    return Target.kept(sourceBase + encodePath(target) + u.suffix());
  }

  /**
   * The file a published URL of a page names ({@code /project/blog/a.png}, {@code images/a.png}),
   * when the build copies it from the site's folders: to read an image's size. Empty otherwise.
   */
  public Optional<Path> fileOf(Page from, String url) {
    if (url.isEmpty() || Url.isExternal(url)) return Optional.empty();
    String path = Url.parse(url).path();
    if (path.isEmpty()) return Optional.empty();
    if (!path.startsWith("/")) {
      path = parentOf(from.url()) + path;
    } else if (!decodedBasePath.isEmpty() && path.startsWith(decodedBasePath + "/")) {
      path = path.substring(decodedBasePath.length());
    }
    String output = normalize(path.startsWith("/") ? path.substring(1) : path);
    if (output == null) return Optional.empty();
    String source = index.producer(output);
    if (source == null || source.equals("the generator")) return Optional.empty();
    return Optional.of(config.root().resolve(source));
  }

  /** Files of the repository outside content/ that links were checked against. */
  private final Set<Path> consulted = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private boolean existsInRepository(String target) {
    Path file = repository.resolve(target);
    consulted.add(file);
    return Files.exists(file);
  }

  /**
   * The files outside {@code content/} whose existence decided a link, as absolute paths: a build
   * that did not read them cannot know that nothing changed.
   */
  public Set<Path> filesConsulted() {
    return Set.copyOf(consulted);
  }

  /** A page's URL as an href: encoded, unless its permalink was written encoded already. */
  private static String publishedUrl(Page page) {
    String url = page.url();
    return url.indexOf('%') >= 0 ? url : "/" + encodePath(url.substring(1));
  }

  /**
   * The page at {@code rel} in the site, or the page a link to the folder {@code rel} shows: its
   * {@code index.md}, else its {@code README.md}, as GitHub shows a folder's readme.
   */
  private Page pageAt(String rel) {
    Page page = pagesByRelPath.get(rel);
    if (page != null || rel.endsWith(".md")) return page;
    String folder = rel.isEmpty() || rel.endsWith("/") ? rel : rel + "/";
    for (String name : List.of("index.md", "README.md", "readme.md")) {
      page = pagesByRelPath.get(folder + name);
      if (page != null) return page;
    }
    return null;
  }

  /** Whether a relative URL, read from the page's own URL, names a file this build writes ({@code ../blog/x.html}). */
  private boolean publishedElsewhere(Page from, Url u) {
    return writes(parentOf(from.url()) + u.path());
  }

  /**
   * What a root-relative URL that names a file this build writes needs in front to be published:
   * under a sub-path the sub-path, unless it is written with it already ({@code /project/css/x.css})
   * and is no path of the site as it is (the blog's {@code /blog/} under the sub-path {@code /blog});
   * null when it names nothing the build writes.
   */
  private String prefixFromRoot(Url u) {
    String path = u.path();
    if (writes(path)) return basePath;
    if (!decodedBasePath.isEmpty() && (path.equals(decodedBasePath) || path.startsWith(decodedBasePath + "/"))) {
      String inside = path.substring(decodedBasePath.length());
      if (writes(inside.isEmpty() ? "/" : inside)) return "";
    }
    return null;
  }

  /** Whether the build writes the file a published URL path (from the root, or relative) names. */
  private boolean writes(String path) {
    String normalized = normalize(path.startsWith("/") ? path.substring(1) : path);
    if (normalized == null) return false;
    return index.serves("/" + normalized + (path.endsWith("/") && !normalized.isEmpty() ? "/" : ""));
  }

  /**
   * Characters the edit distances of the "nearest is" hints may compare in one check; past it a
   * missing anchor is told without a hint. Each hint compares the fragment with every id of its
   * page: 5,000 links to missing anchors of a page with 5,000 ids took 8.8 s.
   */
  private static final long NEAREST_BUDGET = 50_000_000;

  /**
   * Checks every {@code #fragment} against the ids of the page it names. A missing one is a
   * warning naming the nearest id (while {@link #NEAREST_BUDGET} lasts), or an error when
   * {@code strict}.
   *
   * @param idsOf     the ids of a rendered page, by its path in the site; null for no such page
   * @param aliasesOf GitHub's ids of a page's headings, to their real ids ({@link GitHubIds})
   */
  public static AnchorCheck checkAnchors(Collection<PageLinks> all, Function<String, Set<String>> idsOf,
      Function<String, Map<String, String>> aliasesOf, boolean strict, Problems problems) {
    int missing = 0;
    Map<String, Map<String, String>> rewritten = new java.util.TreeMap<>();
    long budget = NEAREST_BUDGET;
    Map<Set<String>, Long> idChars = new IdentityHashMap<>();
    for (PageLinks links : all) {
      for (AnchorLink link : links.anchors()) {
        Set<String> ids = idsOf.apply(link.targetRelPath());
        if (ids == null || ids.contains(link.fragment())) continue;
        Map<String, String> aliases = aliasesOf.apply(link.targetRelPath());
        String real = aliases == null ? null : aliases.get(link.fragment());
        if (real != null && ids.contains(real)) {
          String published = link.published();
          rewritten.computeIfAbsent(link.fromSource(), k -> new java.util.TreeMap<>())
              .put(published, published.substring(0, published.lastIndexOf('#') + 1) + real);
          continue;
        }
        missing++;
        String where = link.targetSource() == null ? "this page" : link.targetSource();
        long cost = link.fragment().length()
            * idChars.computeIfAbsent(ids, s -> s.stream().mapToLong(id -> id.length() + 1L).sum());
        String nearest = null;
        if (cost <= budget) {
          budget -= cost;
          nearest = Nearest.to(link.fragment(), ids);
        }
        String message = "missing anchor " + link.url() + ": " + where + " has no id \"" + link.fragment() + "\""
            + (nearest == null ? "" : "; nearest is \"" + nearest + "\"");
        problems.add(strict
            ? Problem.error(link.fromSource(), link.line(), message)
            : Problem.warning(link.fromSource(), link.line(), message));
      }
    }
    return new AnchorCheck(missing, rewritten);
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /**
   * Resolves {@code .} and {@code ..} in a relative path; null when it climbs above its root. A
   * trailing slash is dropped.
   */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) continue;
      if (segment.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return String.join("/", parts);
  }

  /** Percent-encodes what a URL path cannot hold as it is (spaces, non-ASCII), keeping '/'. */
  static String encodePath(String path) {
    try {
      return new URI(null, null, "/" + path, null).toASCIIString().substring(1);
    } catch (URISyntaxException e) {
      return path;
    }
  }

  /**
   * A link with a {@code #fragment} into a page of this site.
   *
   * @param targetSource the target's source path, or null when the link points into its own page
   */
  record AnchorLink(String fromSource, int line, String url, String targetRelPath, String targetSource,
      String fragment, String published) {}

  /**
   * What checking the anchors found.
   *
   * @param missing   how many anchors are missing
   * @param rewritten for each page (by source) whose links name a heading by its GitHub id: each
   *                  such link as published, to the link with the heading's real id
   */
  public record AnchorCheck(int missing, Map<String, Map<String, String>> rewritten) {}
}
