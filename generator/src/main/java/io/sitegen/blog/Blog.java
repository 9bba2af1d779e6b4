package io.sitegen.blog;

import io.sitegen.config.BlogConfig;
import io.sitegen.config.SiteConfig;
import io.sitegen.config.Text;
import io.sitegen.content.Page;
import io.sitegen.files.SiteFiles;
import io.sitegen.links.Links;
import io.sitegen.output.Output;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.templates.Layouts;
import io.sitegen.templates.PageModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Entities;

/**
 * The blog: the posts under the blog folder, newest first; the paginated index rendered by
 * {@code layouts/blog.html}; the RSS and Atom feeds; and the pages' {@link Tags}.
 */
public final class Blog {
  public static final String INDEX_LAYOUT = SiteConfig.LAYOUTS + "/blog.html";

  /** Newest first by date (undated last), ties broken by file name, the later name first. */
  static final Comparator<Page> NEWEST_FIRST = Comparator
      .comparing(Page::date, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
      .thenComparing(Page::relPath, Comparator.reverseOrder());

  private final SiteConfig config;
  private final SiteFiles files;
  private final BlogConfig settings;
  private final List<Page> posts;
  /** Each post's place in {@link #posts}, by path inside content/. */
  private final Map<String, Integer> positions = new HashMap<>();
  /** Dated pages in subfolders of the blog, which are not posts by default. */
  private List<Page> subfolderDated = List.of();
  private Tags tags;
  /**
   * What the URLs of this blog start with: "" for the site's blog, in its default language;
   * {@code /fr} for the blog of a language's translated posts ({@code languages.fr.blog}).
   */
  private final String prefix;
  /** The language's name, for a language's blog ({@link #prefix}); else null. */
  private final String languageName;
  /** The language of this blog's posts: the default one (null on a site that declares none), or a language's. */
  private final String lang;
  /** The blogs of the languages that have one, for the site's own blog; none for a language's. */
  private List<Blog> languageBlogs = List.of();
  /** The site's blog and the languages' ({@link #all}), as each of them knows them: the versions of an index. */
  private List<Blog> family = List.of();

  private Blog(SiteConfig config, SiteFiles files, List<Page> posts, String lang, String languageName) {
    this.config = config;
    this.files = files;
    this.settings = config.blog();
    this.posts = posts;
    this.lang = lang;
    this.languageName = languageName;
    this.prefix = languageName == null ? "" : "/" + lang;
    for (int i = 0; i < posts.size(); i++) positions.put(posts.get(i).relPath(), i);
  }

  /** Whether the page is one of the blog's posts, or of a language's blog. */
  public boolean isPost(Page page) {
    if (positions.containsKey(page.relPath())) return true;
    for (Blog b : languageBlogs) if (b.positions.containsKey(page.relPath())) return true;
    return false;
  }

  /**
   * Whether the page at its place, or a translation at the place of its original, is a post:
   * a translation of a post is a post in its language, wherever translations.pattern puts it.
   */
  private static boolean postPlace(SiteConfig config, Page page) {
    return config.blog().isPost(page.original() != null ? page.original() : page.relPath());
  }

  /**
   * The site's blog and the blogs of languages ({@code languages.X.blog}), each with its own index
   * and feeds: the same list from any of them.
   */
  public List<Blog> all() {
    return family.isEmpty() ? List.of(this) : family;
  }

  /** The posts of every blog ({@link #all}), each blog's newest first: the chains of previous and next. */
  public List<List<Page>> postChains() {
    return all().stream().map(Blog::posts).toList();
  }

  /**
   * @param files       the rule for reading files: a previewBody is read from layouts/ only
   * @param listed      the pages this build lists (published, and not unlisted drafts)
   */
  public static Blog plan(SiteConfig config, SiteFiles files, List<Page> listed) {
    return plan(config, files, listed, listed);
  }

  /**
   * @param files     the rule for reading files: a previewBody is read from layouts/ only
   * @param published the pages this build publishes: each has its tags as {@code page.tags}
   * @param listed    the pages this build lists (published, and not unlisted drafts): the posts,
   *                  and the pages the tags count and list
   */
  public static Blog plan(SiteConfig config, SiteFiles files, List<Page> published, List<Page> listed) {
    String main = config.languages().defaultCode();
    // the default language's pages: translations are listed by the blogs of their languages only
    List<Page> inMain = listed.stream().filter(p -> java.util.Objects.equals(p.lang(), main)).toList();
    List<Page> posts = inMain.stream()
        .filter(p -> postPlace(config, p))
        .sorted(NEWEST_FIRST)
        .toList();
    Blog blog = new Blog(config, files, posts, main, null);
    List<Blog> languageBlogs = new ArrayList<>();
    for (io.sitegen.config.Languages.Language language : config.languages().all()) {
      if (!language.blog() || language.code().equals(main)) continue;
      List<Page> theirs = listed.stream()
          .filter(p -> language.code().equals(p.lang()) && postPlace(config, p))
          .sorted(NEWEST_FIRST)
          .toList();
      if (theirs.isEmpty()) continue;
      Blog own = new Blog(config, files, theirs, language.code(), language.name());
      own.tags = Tags.plan(config, files, List.of(), List.of(), own::isPost);
      languageBlogs.add(own);
    }
    blog.languageBlogs = List.copyOf(languageBlogs);
    List<Blog> family = new ArrayList<>();
    family.add(blog);
    family.addAll(blog.languageBlogs);
    // made once: asked for every post, as whether it is in a feed
    blog.family = List.copyOf(family);
    for (Blog b : blog.languageBlogs) b.family = blog.family;
    // dated pages in a subfolder of the blog look like posts a site had there: say why they are not
    String prefix = config.blog().dir() + "/";
    blog.subfolderDated = listed.stream()
        .filter(p -> p.original() == null)
        .filter(p -> p.relPath().startsWith(prefix) && p.relPath().indexOf('/', prefix.length()) > 0)
        .filter(p -> p.date() != null && !config.blog().isPost(p.relPath()))
        .toList();
    blog.tags = Tags.plan(config, files, published, inMain, blog::isPost);
    return blog;
  }

  /** The posts, newest first. */
  public List<Page> posts() {
    return posts;
  }

  /** The tags of the pages. */
  public Tags tags() {
    return tags;
  }

  private int indexPageCount() {
    return Math.max(1, (posts.size() + settings.pageSize() - 1) / settings.pageSize());
  }

  private boolean hasIndex() {
    return !posts.isEmpty();
  }

  private boolean hasBaseUrl() {
    return !config.string("baseUrl", "").isBlank();
  }

  /** The URL of index page {@code n}, counting from 1. */
  String indexUrl(int n) {
    return prefix + "/" + settings.dir() + "/" + (n == 1 ? "" : "page/" + n + "/");
  }

  /**
   * The blog's index page {@code n} here and the first in each other language that has one, as
   * {@code page.translations} lists a page's versions ({@code lang}, {@code name}, {@code url},
   * {@code title}, {@code current}): a language switcher leads from one to the other.
   */
  private List<Map<String, Object>> versions(int n) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Blog b : family) {
      io.sitegen.config.Languages.Language language = config.languages().find(b.lang);
      // this page itself, and the other languages' first page
      list.add(PageModel.version(b.lang, language == null ? b.lang : language.name(),
          config.basePath() + (b == this ? indexUrl(n) : b.indexUrl(1)), settings.title(), b == this, false));
    }
    return list;
  }

  /**
   * The folder of this blog's feeds, as an output path: "" for the site's blog (the site's feeds),
   * the language's blog index for a language's ({@code fr/blog/}).
   */
  private String feedFolder() {
    return prefix.isEmpty() ? "" : indexUrl(1).substring(1);
  }

  /** The files the blog writes, as output paths, so that links to them resolve and collisions show. */
  public List<String> outputPaths() {
    List<String> out = new ArrayList<>();
    if (hasIndex()) {
      for (int n = 1; n <= indexPageCount(); n++) out.add(indexUrl(n).substring(1) + "index.html");
    }
    if (hasBaseUrl() && hasIndex()) {
      out.add(feedFolder() + "feed.rss");
      out.add(feedFolder() + "feed.atom");
    }
    out.addAll(tags.outputPaths());
    for (Blog b : languageBlogs) out.addAll(b.outputPaths());
    return out;
  }

  /**
   * What layouts see of one post, in the list {@code posts}: the page's values plus
   * {@code preview} (HTML), {@code excerpt} (text) and {@code image} as a published URL.
   */
  public PostEntry entry(Page post, String html, Links links, Problems problems) {
    return entryWithExcerpt(post, excerptOf(html), links, problems);
  }

  /** The excerpt of a post's rendered HTML, as its entry shows it: kept with the rendering in the cache. */
  public String excerptOf(String html) {
    return Excerpt.of(html, settings.excerptLength());
  }

  /** A post's entry, with its excerpt already made by {@link #excerptOf}. */
  public PostEntry entryWithExcerpt(Page post, String excerpt, Links links, Problems problems) {
    Map<String, Object> model = PageModel.of(post, null, config.basePath(), tags.of(post));
    model.put("excerpt", excerpt);
    String preview = preview(post, excerpt, problems);
    Object image = post.data().get("image");
    if (image != null && !String.valueOf(image).isBlank()) {
      String url = links.publishedUrl(post, String.valueOf(image)).orElse(null);
      if (url == null) {
        problems.add(Problem.warning(post.source(), post.lineOf("image"), "image: " + image + " not found"));
      }
      model.put("image", url);
    }
    model.put("imageWide", truthy(post.data().get("imageWide")));
    model.put("imageBottom", truthy(post.data().get("imageBottom")));
    return new PostEntry(model, preview);
  }

  /**
   * The posts whose index entry reads one of {@code layoutFiles} (paths from the site root), as
   * their {@code previewBody}: when such a file changes, their entries are made again.
   */
  public List<Page> postsFedBy(java.util.Set<String> layoutFiles) {
    List<Page> fed = new ArrayList<>();
    for (Page post : all().stream().flatMap(b -> b.posts.stream()).toList()) {
      Object body = post.data().get("previewBody");
      if (body != null && layoutFiles.contains(previewFile(String.valueOf(body)))) fed.add(post);
    }
    return fed;
  }

  /** The previewBody file, named relative to layouts/, as a path from the site root. */
  private String previewFile(String body) {
    return config.root().relativize(config.layoutsDir()).resolve(body).normalize().toString().replace('\\', '/');
  }

  private String preview(Page post, String excerpt, Problems problems) {
    Object body = post.data().get("previewBody");
    if (body != null) {
      Path layouts = config.layoutsDir();
      String name = previewFile(String.valueOf(body));
      SiteFiles.Lookup found = files.lookup(layouts, name);
      if (found == SiteFiles.Lookup.FOUND) {
        try {
          return underBasePath(Text.read(config.root().resolve(name)));
        } catch (IOException e) {
          problems.add(Problem.error(post.source(), post.lineOf("previewBody"),
              "previewBody: cannot read layouts/" + body + " as UTF-8 text"));
          return "";
        }
      }
      problems.add(Problem.error(post.source(), post.lineOf("previewBody"), found == SiteFiles.Lookup.OUTSIDE
          ? "previewBody: " + body + " is outside layouts/; it names a file under layouts/"
          : "previewBody: layouts/" + body + " not found"));
      return "";
    }
    Object preview = post.data().get("preview");
    if (preview != null) return underBasePath(String.valueOf(preview));
    return excerpt.isEmpty() ? "" : "<p>" + Entities.escape(excerpt) + "</p>";
  }

  private static final java.util.regex.Pattern ROOT_RELATIVE =
      java.util.regex.Pattern.compile("(\\s(?:href|src)\\s*=\\s*[\"']?)/(?!/)", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * A preview's HTML with the sub-path in front of its root-relative URLs, as the build writes every
   * root-relative URL; one written with the sub-path already is left as it is.
   */
  private String underBasePath(String html) {
    String base = config.basePath();
    if (base.isEmpty()) return html;
    java.util.regex.Matcher m = ROOT_RELATIVE.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean prefixed = html.startsWith(base.substring(1) + "/", m.end()) || html.startsWith(base, m.end() - 1)
          && (m.end() - 1 + base.length() == html.length() || "\"' >".indexOf(html.charAt(m.end() - 1 + base.length())) >= 0);
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + (prefixed ? "/" : base + "/")));
    }
    return m.appendTail(out).toString();
  }

  private static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** Whether {@code post} is in the blog's feeds or in those of one of its tags. */
  public boolean inFeeds(Page post) {
    return inBlogFeeds(post) || tags.inFeeds(post);
  }

  /** Whether {@code post} is in the blog's own feeds, or those of a language's blog. */
  public boolean inBlogFeeds(Page post) {
    for (Blog b : all()) if (b.fed().contains(post)) return true;
    return false;
  }

  /**
   * What a tag page lists of a page that is not a post, in the shape of a post's entry: the
   * page's values, with no excerpt, preview or image.
   */
  public Map<String, Object> pageEntry(Page page) {
    Map<String, Object> model = PageModel.of(page, null, config.basePath(), tags.of(page));
    model.put("excerpt", null);
    model.put("preview", null);
    model.put("image", null);
    model.put("imageWide", false);
    model.put("imageBottom", false);
    return model;
  }

  /**
   * The posts in the feeds: the newest {@code feedSize} that are not drafts. A build with
   * {@code --drafts} lists drafts in the index for a preview, but the feeds (and the sitemap) are
   * what readers and search engines see.
   */
  private List<Page> fed() {
    List<Page> made = fed;
    if (made == null) {
      made = posts.stream().filter(p -> !p.draft()).limit(settings.feedSize()).toList();
      fed = made;
    }
    return made;
  }

  private volatile List<Page> fed;

  /** The number of the index page that lists {@code post}, counting from 1, or 0. */
  public int indexPageOf(Page post) {
    Integer i = positions.get(post.relPath());
    return i == null ? 0 : i / settings.pageSize() + 1;
  }

  /** What the settings leave the blog without: feeds and a sitemap need {@code baseUrl}. */
  public void checkSettings(Problems problems) {
    if (!hasBaseUrl() && hasIndex()) {
      problems.add(Problem.warning(SiteConfig.FILE_NAME, 0,
          "no baseUrl: set it to the site's address to publish the feeds and the sitemap"));
    }
    for (Page page : subfolderDated) {
      problems.add(Problem.warning(page.source(), 1, "dated, but in a subfolder of the blog, so not a post: set"
          + " blog.posts in site.yml (\"{*.md,**/*.md}\" takes subfolders) to list it"));
    }
    tags.problems().forEach(problems::add);
    // a post with no date has no place in the index and the feeds (an Atom entry would say 1970)
    for (Page post : all().stream().flatMap(b -> b.posts.stream()).toList()) {
      if (post.date() == null) {
        problems.add(Problem.error(post.source(), 1, "a post needs a date: set date: in its front matter,"
            + " or start its file name with YYYY-MM-DD- or YYYYMMDD-"));
      }
    }
  }

  /** Writes the feeds of this blog and of the languages' blogs. */
  public void writeFeeds(Function<Page, String> bodyOf, Output out) {
    for (Blog b : languageBlogs) b.writeFeeds(bodyOf, out);
    if (!hasBaseUrl() || !hasIndex()) return;
    String site = config.string("title", "");
    String title = languageName == null ? titleOf() : titleOf() + " \u00b7 " + languageName;
    Feeds feeds = new Feeds(title, config.string("description", ""), config.string("baseUrl", ""),
        config.string("author", site.isBlank() ? settings.title() : site), "/" + feedFolder()).inLanguage(lang);
    List<Page> newest = fed();
    write(out, feedFolder() + "feed.rss", feeds.rss(newest, bodyOf));
    write(out, feedFolder() + "feed.atom", feeds.atom(newest, bodyOf));
  }

  /**
   * Writes the feeds of the tags named in {@code only} (all when it is null), as the blog's, of
   * each tag's newest {@code feedSize} posts that are not drafts; only with a {@code baseUrl}.
   */
  public void writeTagFeeds(Function<Page, String> bodyOf, java.util.Set<String> only, Output out) {
    if (!hasBaseUrl()) return;
    String site = config.string("title", "");
    String author = config.string("author", site.isBlank() ? settings.title() : site);
    String description = config.string("description", "");
    String baseUrl = config.string("baseUrl", "");
    tags.writeFeeds((name, home) -> new Feeds((site.isBlank() ? settings.title() : site) + " \u00b7 " + name,
        description, baseUrl, author, home), bodyOf, only, out);
  }

  private static void write(Output out, String path, String text) {
    out.write(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The URLs of the index pages, the blog's and the tags', for the sitemap. */
  public List<String> indexUrls() {
    List<String> urls = new ArrayList<>();
    if (hasIndex()) for (int n = 1; n <= indexPageCount(); n++) urls.add(indexUrl(n));
    urls.addAll(tags.urls());
    for (Blog b : languageBlogs) urls.addAll(b.indexUrls());
    return urls;
  }

  private String titleOf() {
    String site = config.string("title", "");
    return site.isBlank() ? settings.title() : site + " \u00b7 " + settings.title();
  }

  /**
   * Renders the index pages numbered in {@code only} (counting from 1), or all of them when it is null.
   *
   * @param out writes (or reuses) each index page
   */
  public void writeIndex(Layouts layouts, Map<String, Object> context, List<Map<String, Object>> entries,
      java.util.Set<Integer> only, LayoutPages out, Problems problems) {
    if (!hasIndex()) return;
    if (!layouts.exists(INDEX_LAYOUT)) {
      problems.add(Problem.error(INDEX_LAYOUT, 0, "layout not found: the blog index of " + posts.size()
          + " posts under content/" + settings.dir() + "/ is rendered with it"));
      return;
    }
    int pages = indexPageCount();
    for (int n = 1; n <= pages; n++) {
      if (only != null && !only.contains(n)) continue;
      int from = (n - 1) * settings.pageSize();
      List<Map<String, Object>> slice = entries.subList(from, Math.min(from + settings.pageSize(), entries.size()));
      Map<String, Object> paginator = new LinkedHashMap<>();
      paginator.put("posts", slice);
      paginator.put("number", n);
      paginator.put("total", pages);
      paginator.put("previous", n > 1 ? config.basePath() + indexUrl(n - 1) : null);
      paginator.put("next", n < pages ? config.basePath() + indexUrl(n + 1) : null);
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("title", n == 1 ? settings.title() : settings.title() + " (page " + n + " of " + pages + ")");
      page.put("url", config.basePath() + indexUrl(n));
      page.put("section", settings.dir());
      if (lang != null) page.put("lang", lang);
      if (family.size() > 1) page.put("translations", versions(n));
      String path = indexUrl(n).substring(1) + "index.html";
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("page", page);
      values.put("paginator", paginator);
      Problem problem = out.write(INDEX_LAYOUT, path, indexUrl(n), values, "the blog index"
          + (languageName == null ? "" : " in " + languageName) + ", page " + n);
      if (problem != null) problems.add(problem);
    }
  }

}
