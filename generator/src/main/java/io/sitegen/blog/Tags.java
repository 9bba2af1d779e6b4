package io.sitegen.blog;

import io.sitegen.config.SiteConfig;
import io.sitegen.config.Text;
import io.sitegen.content.Page;
import io.sitegen.files.SiteFiles;
import io.sitegen.markdown.HeadingIds;
import io.sitegen.output.Output;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import io.sitegen.templates.Layouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The tags of the site's pages ({@code tags: [a, b]} in front matter, or {@code tags: a}): the
 * {@code /tags/} page listing them with their counts ({@code layouts/tags.html}), a paginated page
 * per tag listing its pages newest first ({@code layouts/tag.html}, {@code /tags/TAG/},
 * {@code /tags/TAG/page/2/}), and a tag's RSS and Atom feeds of its posts.
 *
 * <p>Any listed page with tags is listed, posts and docs alike; the feeds carry posts only, as
 * the blog's do. A tag's slug is its name's heading id ({@link HeadingIds}): names that make the
 * same slug ({@code Java}, {@code java}) are one tag, named as the first page to use it spells it
 * (pages taken oldest first, then by path), and every other spelling is a warning where it is
 * first written.
 */
public final class Tags {
  public static final String INDEX_LAYOUT = SiteConfig.LAYOUTS + "/tags.html";
  public static final String TAG_LAYOUT = SiteConfig.LAYOUTS + "/tag.html";
  /** The folder of the tag pages, in the site. */
  static final String DIR = "tags";

  /** Oldest first (undated last), then by path: the order in which a tag's first spelling is seen. */
  private static final Comparator<Page> OLDEST_FIRST = Comparator
      .comparing(Page::date, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
      .thenComparing(Page::source);

  /** One tag: its name (the first spelling seen), its slug, its listed pages newest first. */
  private record Tag(String name, String slug, List<Page> pages, List<Page> fed, Map<String, Object> model) {}

  private final SiteConfig config;
  private final int pageSize;
  /** Every tag, by slug: sorted, which is the order of {@code /tags/}. */
  private final Map<String, Tag> tags;
  /** The slugs of each published page's tags that have a tag, in the page's order, by path in the site. */
  private final Map<String, List<String>> slugsOf;
  private final List<Map<String, Object>> models;
  private final boolean indexLayout;
  private final boolean tagLayout;
  private final List<Problem> problems;

  private Tags(SiteConfig config, Map<String, Tag> tags, Map<String, List<String>> slugsOf, boolean indexLayout,
      boolean tagLayout, List<Problem> problems) {
    this.config = config;
    this.pageSize = config.blog().pageSize();
    this.tags = tags;
    this.slugsOf = slugsOf;
    List<Map<String, Object>> list = new ArrayList<>();
    for (Tag tag : tags.values()) list.add(tag.model());
    this.models = Collections.unmodifiableList(list);
    this.indexLayout = indexLayout;
    this.tagLayout = tagLayout;
    this.problems = problems;
  }

  /**
   * @param published the pages this build publishes: each gets {@code page.tags}
   * @param listed    the pages it lists (published, and not unlisted drafts): only these are counted
   *                  and listed on the tag pages
   * @param isPost    whether a page is a post of the blog: only posts are in a tag's feeds
   */
  static Tags plan(SiteConfig config, SiteFiles files, List<Page> published, List<Page> listed,
      java.util.function.Predicate<Page> isPost) {
    Problems found = new Problems();
    Map<String, List<Name>> namesOf = new HashMap<>();
    for (Page page : published) namesOf.put(page.relPath(), read(page, found));

    // each slug's name: its first spelling, in a deterministic order
    Map<String, Name> first = new HashMap<>();
    Set<String> toldOf = new java.util.HashSet<>();
    Map<String, List<Page>> pagesOf = new TreeMap<>();
    for (Page page : listed.stream().sorted(OLDEST_FIRST).toList()) {
      for (Name name : namesOf.get(page.relPath())) {
        Name earlier = first.putIfAbsent(name.slug(), name);
        if (earlier != null && !earlier.text().equals(name.text()) && toldOf.add(name.slug() + "\0" + name.text())) {
          found.warning(page.source(), name.line(), "tag \"" + name.text() + "\" is merged into \"" + earlier.text()
              + "\" (" + earlier.source() + ":" + earlier.line() + "), as both make /" + DIR + "/" + name.slug()
              + "/: write it \"" + earlier.text() + "\" here too");
        }
        pagesOf.computeIfAbsent(name.slug(), s -> new ArrayList<>()).add(page);
      }
    }
    String basePath = config.basePath();
    int feedSize = config.blog().feedSize();
    Map<String, Tag> tags = new LinkedHashMap<>();
    for (Map.Entry<String, List<Page>> e : pagesOf.entrySet()) {
      String slug = e.getKey();
      List<Page> pages = e.getValue().stream().sorted(Blog.NEWEST_FIRST).toList();
      List<Page> fed = pages.stream().filter(p -> isPost.test(p) && !p.draft()).limit(feedSize).toList();
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", first.get(slug).text());
      model.put("slug", slug);
      model.put("url", basePath + url(slug, 1));
      model.put("count", pages.size());
      tags.put(slug, new Tag(first.get(slug).text(), slug, pages, fed, Collections.unmodifiableMap(model)));
    }
    Map<String, List<String>> slugsOf = new HashMap<>();
    for (Page page : published) {
      List<String> slugs = new ArrayList<>();
      for (Name name : namesOf.get(page.relPath())) if (tags.containsKey(name.slug())) slugs.add(name.slug());
      slugsOf.put(page.relPath(), List.copyOf(slugs));
    }

    boolean indexLayout = files.lookup(config.layoutsDir(), INDEX_LAYOUT) == SiteFiles.Lookup.FOUND;
    boolean tagLayout = files.lookup(config.layoutsDir(), TAG_LAYOUT) == SiteFiles.Lookup.FOUND;
    if (!tags.isEmpty()) {
      String counted = tags.size() == 1 ? "the 1 tag" : "the " + tags.size() + " tags";
      if (!tagLayout) {
        found.warning(TAG_LAYOUT, 0, "not found, so " + counted + " of the pages have no page of their own (/"
            + DIR + "/NAME/) and no feeds; add it to publish them (site init writes one)");
      }
      if (!indexLayout) {
        found.warning(INDEX_LAYOUT, 0, "not found, so no /" + DIR + "/ page lists " + counted
            + " of the pages; add it to publish one (site init writes one)");
      }
      String blogDir = config.blog().dir();
      if (blogDir.equals(DIR) || blogDir.startsWith(DIR + "/")) {
        found.error(SiteConfig.FILE_NAME, lineOfKey(config, "blog"), "blog.dir: " + blogDir + " is under /" + DIR
            + "/, where the pages of the tags are written; give the blog another folder");
      }
      if (config.values().containsKey("tags")) {
        found.warning(SiteConfig.FILE_NAME, lineOfKey(config, "tags"), "tags: this key is what layouts see as"
            + " site.tags, so they find the pages' tags only as tags; rename it to have both");
      }
    }
    return new Tags(config, tags, slugsOf, indexLayout, tagLayout, found.sorted());
  }

  private static int lineOfKey(SiteConfig config, String key) {
    try {
      return Text.lineOfKey(Text.read(config.root().resolve(SiteConfig.FILE_NAME)), key);
    } catch (IOException e) {
      return 0;
    }
  }

  /** A tag as one page writes it, with its slug and the line it is on. */
  private record Name(String text, String slug, String source, int line) {}

  /**
   * The tags a page names, each slug once, in its order: a list of names, or one name. Anything
   * else is a warning at the {@code tags:} line, and no tag.
   */
  private static List<Name> read(Page page, Problems problems) {
    Object value = page.data().get("tags");
    if (value == null) return List.of();
    int line = page.lineOf("tags");
    List<Object> items;
    if (value instanceof String s) {
      if (s.isBlank()) return List.of();
      items = List.of(s);
    } else if (value instanceof List<?> list) {
      items = new ArrayList<>(list);
    } else {
      problems.warning(page.source(), line, "tags: expected a list of names, as tags: [release, java], or one name;"
          + " found " + kind(value) + ", so the page has no tags");
      return List.of();
    }
    Map<String, Name> bySlug = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String where = items.size() == 1 && value instanceof String ? "tags: " : "tags: item " + (i + 1) + " ";
      if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
        problems.warning(page.source(), line, where + (item == null ? "is empty" : "is " + kind(item) + ", not a name")
            + ", so it is left out");
        continue;
      }
      String text = String.valueOf(item).strip();
      String slug = HeadingIds.of(text);
      if (slug.isEmpty()) {
        problems.warning(page.source(), line, where + "\"" + text + "\" has no letter or digit to make its URL of,"
            + " so it is left out");
        continue;
      }
      if (slug.getBytes(StandardCharsets.UTF_8).length > 200) {
        problems.warning(page.source(), line, where + "is longer than a URL segment may be (200 bytes as a slug),"
            + " so it is left out");
        continue;
      }
      Name earlier = bySlug.putIfAbsent(slug, new Name(text, slug, page.source(), line));
      if (earlier != null && !earlier.text().equals(text)) {
        problems.warning(page.source(), line, where + "\"" + text + "\" is \"" + earlier.text() + "\" again, as both make /"
            + DIR + "/" + slug + "/, so it is left out");
      }
    }
    return List.copyOf(bySlug.values());
  }

  private static String kind(Object value) {
    if (value instanceof Map<?, ?>) return "a mapping";
    if (value instanceof List<?>) return "a list";
    if (value instanceof Number n) return "the number " + n;
    if (value instanceof Boolean b) return b.toString();
    return "'" + value + "'";
  }

  /** The URL of a tag's page {@code n}, counting from 1, without the sub-path. */
  static String url(String slug, int n) {
    return "/" + DIR + "/" + slug + "/" + (n == 1 ? "" : "page/" + n + "/");
  }

  private int pageCount(Tag tag) {
    return Math.max(1, (tag.pages().size() + pageSize - 1) / pageSize);
  }

  private boolean hasFeeds(Tag tag) {
    return tagLayout && !config.string("baseUrl", "").isBlank() && !tag.fed().isEmpty();
  }

  /** Every tag as layouts see it ({@code name}, {@code slug}, {@code url}, {@code count}), sorted by slug. */
  public List<Map<String, Object>> all() {
    return models;
  }

  /** A published page's tags as layouts see them, in its order: {@code page.tags}. */
  public List<Map<String, Object>> of(Page page) {
    List<String> slugs = slugsOf.getOrDefault(page.relPath(), List.of());
    if (slugs.isEmpty()) return List.of();
    List<Map<String, Object>> list = new ArrayList<>(slugs.size());
    for (String slug : slugs) list.add(tags.get(slug).model());
    return Collections.unmodifiableList(list);
  }

  /** The slugs of a page's tags. */
  public List<String> slugsOf(Page page) {
    return slugsOf.getOrDefault(page.relPath(), List.of());
  }

  /** What the tags make that other pages show: an update that changes it runs everything. */
  public Object shape() {
    return List.of(models, new TreeMap<>(slugsOf));
  }

  /** Whether tags.html and tag.html exist as they did when the tags were planned. */
  public boolean layoutsAsPlanned(SiteFiles files) {
    return indexLayout == (files.lookup(config.layoutsDir(), INDEX_LAYOUT) == SiteFiles.Lookup.FOUND)
        && tagLayout == (files.lookup(config.layoutsDir(), TAG_LAYOUT) == SiteFiles.Lookup.FOUND);
  }

  /** Whether a post is in the feeds of one of its tags. */
  boolean inFeeds(Page post) {
    for (String slug : slugsOf(post)) {
      Tag tag = tags.get(slug);
      if (hasFeeds(tag) && tag.fed().contains(post)) return true;
    }
    return false;
  }

  /** The slugs of the tags whose feeds carry the post. */
  public Set<String> feedsOf(Page post) {
    Set<String> in = new LinkedHashSet<>();
    for (String slug : slugsOf(post)) if (tags.get(slug).fed().contains(post)) in.add(slug);
    return in;
  }

  /** The files the tags write, as output paths. */
  List<String> outputPaths() {
    List<String> out = new ArrayList<>();
    if (tags.isEmpty()) return out;
    if (indexLayout) out.add(DIR + "/index.html");
    if (!tagLayout) return out;
    for (Tag tag : tags.values()) {
      for (int n = 1; n <= pageCount(tag); n++) out.add(url(tag.slug(), n).substring(1) + "index.html");
      if (hasFeeds(tag)) {
        out.add(DIR + "/" + tag.slug() + "/feed.rss");
        out.add(DIR + "/" + tag.slug() + "/feed.atom");
      }
    }
    return out;
  }

  /** The URLs of the tag pages, for the sitemap. */
  List<String> urls() {
    List<String> urls = new ArrayList<>();
    if (tags.isEmpty()) return urls;
    if (indexLayout) urls.add("/" + DIR + "/");
    if (!tagLayout) return urls;
    for (Tag tag : tags.values()) for (int n = 1; n <= pageCount(tag); n++) urls.add(url(tag.slug(), n));
    return urls;
  }

  /** Warnings about tags: odd values, spellings merged, layouts missing. */
  List<Problem> problems() {
    return problems;
  }

  /** Checks the links a layout added to a rendered page. */

  /**
   * Renders {@code /tags/} and every tag page, or, when {@code changed} names pages (by path in
   * the site), only the tag pages that list one of them, as {@link Blog#writeIndex} renders the
   * blog's index.
   *
   * @param entryOf what a layout sees of a page in a tag's list: a post's blog entry, else its page model
   * @param out     writes (or reuses) each page
   * @param problems the problems of rendering each page, by its URL: set for each page rendered
   */
  public void writePages(Layouts layouts, Map<String, Object> context, Set<String> changed,
      Function<Page, Map<String, Object>> entryOf, LayoutPages out, Map<String, List<Problem>> problems) {
    if (tags.isEmpty()) return;
    String basePath = config.basePath();
    if (changed == null && indexLayout) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("title", "Tags");
      // in the default language: tags list its pages only
      if (config.languages().defaultCode() != null) page.put("lang", config.languages().defaultCode());
      page.put("url", basePath + "/" + DIR + "/");
      page.put("section", DIR);
      render(INDEX_LAYOUT, "/" + DIR + "/", Map.of("page", page), "the tags page", out, problems);
    }
    if (!tagLayout) return;
    for (Tag tag : tags.values()) {
      if (changed != null && tag.pages().stream().noneMatch(p -> changed.contains(p.relPath()))) continue;
      Map<String, Object> tagModel = new LinkedHashMap<>(tag.model());
      boolean feeds = hasFeeds(tag);
      tagModel.put("rss", feeds ? basePath + "/" + DIR + "/" + tag.slug() + "/feed.rss" : null);
      tagModel.put("atom", feeds ? basePath + "/" + DIR + "/" + tag.slug() + "/feed.atom" : null);
      List<Map<String, Object>> entries = new ArrayList<>(tag.pages().size());
      for (Page p : tag.pages()) entries.add(entryOf.apply(p));
      int pages = pageCount(tag);
      for (int n = 1; n <= pages; n++) {
        int from = (n - 1) * pageSize;
        int to = Math.min(from + pageSize, entries.size());
        if (changed != null && tag.pages().subList(from, to).stream().noneMatch(p -> changed.contains(p.relPath()))) {
          continue;
        }
        Map<String, Object> paginator = new LinkedHashMap<>();
        paginator.put("posts", entries.subList(from, to));
        paginator.put("number", n);
        paginator.put("total", pages);
        paginator.put("previous", n > 1 ? basePath + url(tag.slug(), n - 1) : null);
        paginator.put("next", n < pages ? basePath + url(tag.slug(), n + 1) : null);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", n == 1 ? tag.name() : tag.name() + " (page " + n + " of " + pages + ")");
        if (config.languages().defaultCode() != null) page.put("lang", config.languages().defaultCode());
        page.put("url", basePath + url(tag.slug(), n));
        page.put("section", DIR);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("page", page);
        values.put("tag", tagModel);
        values.put("paginator", paginator);
        render(TAG_LAYOUT, url(tag.slug(), n), values,
            "the page of tag " + tag.name() + (pages > 1 ? ", page " + n : ""), out, problems);
      }
    }
  }

  private static void render(String layout, String url, Map<String, Object> values, String what, LayoutPages out,
      Map<String, List<Problem>> problems) {
    Problem problem = out.write(layout, url.substring(1) + "index.html", url, values, what);
    problems.put(url, problem == null ? List.of() : List.of(problem));
  }

  /** Writes the feeds of the tags named in {@code only} (every tag when it is null). */
  void writeFeeds(BiFunction<String, String, Feeds> feedsOf, Function<Page, String> bodyOf, Set<String> only,
      Output out) {
    if (!tagLayout) return;
    for (Tag tag : tags.values()) {
      if (!hasFeeds(tag) || (only != null && !only.contains(tag.slug()))) continue;
      String dir = "/" + DIR + "/" + tag.slug() + "/";
      Feeds feeds = feedsOf.apply(tag.name(), dir);
      out.write(dir.substring(1) + "feed.rss", feeds.rss(tag.fed(), bodyOf).getBytes(StandardCharsets.UTF_8));
      out.write(dir.substring(1) + "feed.atom", feeds.atom(tag.fed(), bodyOf).getBytes(StandardCharsets.UTF_8));
    }
  }
}
