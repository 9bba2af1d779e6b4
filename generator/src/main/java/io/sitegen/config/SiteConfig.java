package io.sitegen.config;

import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a site, read from {@code site.yml} at its root. Every key of the file is also
 * handed to templates as {@code site}.
 */
public final class SiteConfig {
  public static final String FILE_NAME = "site.yml";

  private final Path root;
  private final Map<String, Object> values;
  private final List<PathDefault> defaults;
  private final boolean softBreaksAsBr;
  private final BlogConfig blog;
  private final boolean unlistedDrafts;
  private final Mounts mounts;
  private final Address address;
  private final java.time.ZoneId timezone;
  private TocLevels tocLevels = TocLevels.DEFAULT;
  private Languages languages = Languages.NONE;
  /** The folder of the layouts' words ({@code i18nDir}), from the root. */
  private String stringsFolder = STRINGS;

  /**
   * Where the site is published, from {@code baseUrl}.
   *
   * @param path    the sub-path, percent-encoded as a URL holds it ({@code /caf%C3%A9}), or ""
   * @param decoded the sub-path as text ({@code /café}), to compare with decoded link paths
   * @param origin  the scheme and host ({@code https://org.github.io}), or "" without a baseUrl
   */
  private record Address(String path, String decoded, String origin) {
    static final Address NONE = new Address("", "", "");
  }

  private SiteConfig(Path root, Map<String, Object> values, List<PathDefault> defaults, boolean softBreaksAsBr,
      BlogConfig blog, boolean unlistedDrafts, Mounts mounts, Address address,
      java.time.ZoneId timezone) {
    this.root = root;
    this.values = Collections.unmodifiableMap(values);
    this.defaults = List.copyOf(defaults);
    this.softBreaksAsBr = softBreaksAsBr;
    this.blog = blog;
    this.unlistedDrafts = unlistedDrafts;
    this.mounts = mounts;
    this.address = address;
    this.timezone = timezone;
  }

  /** The configuration used when a site has no {@code site.yml}, or for tests. */
  public static SiteConfig defaults(Path root) {
    return new SiteConfig(root, new LinkedHashMap<>(), List.of(), false, BlogConfig.DEFAULTS, false, Mounts.DEFAULT,
        Address.NONE, java.time.ZoneId.systemDefault());
  }

  /**
   * Reads {@code site.yml} under {@code root}. A missing file gives the defaults; a malformed one
   * adds its problems and gives the defaults, so that the rest of the site is still checked.
   */
  public static SiteConfig load(Path root, Problems problems) {
    Path file = root.resolve(FILE_NAME);
    if (leadsOutside(root, file)) {
      problems.error(FILE_NAME, 0, "symlink to a file outside the site");
      return defaults(root);
    }
    String text;
    try {
      text = Text.read(file);
    } catch (NoSuchFileException e) {
      return defaults(root);
    } catch (CharacterCodingException e) {
      problems.error(FILE_NAME, 0, "not valid UTF-8 text");
      return defaults(root);
    } catch (IOException e) {
      problems.error(FILE_NAME, 0, "cannot read: " + e.getMessage());
      return defaults(root);
    }
    Map<String, Object> values = Yaml.parseMap(text, FILE_NAME, 1, "settings", problems).orElse(null);
    if (values == null) return defaults(root);
    didYouMean(values, KNOWN, "", text, problems);
    if (values.get("blog") instanceof Map<?, ?> blogKeys) didYouMean(blogKeys, BLOG_KEYS, "blog.", text, problems);
    if (values.get("markdown") instanceof Map<?, ?> md) didYouMean(md, List.of("softBreaksAsBr"), "markdown.", text, problems);
    List<PathDefault> defaults = readDefaults(values.get("defaults"), text, problems);
    boolean br = readSoftBreaks(values.get("markdown"), text, problems);
    BlogConfig blog = readBlog(values.get("blog"), text, problems);
    boolean unlisted = readDrafts(values.get("drafts"), text, problems);
    Mounts mounts = Mounts.read(values.get("mounts"), root, text, problems);
    for (String key : List.of("title", "description", "sourceBase")) checkText(values, key, text, problems);
    Address address = readBaseUrl(values.get("baseUrl"), text, problems);
    java.time.ZoneId zone = readTimezone(values.get("timezone"), text, problems);
    SiteConfig config = new SiteConfig(root, values, defaults, br, blog, unlisted, mounts, address, zone);
    TocLevels toc = TocLevels.read(values.get("toc"), TocLevels.DEFAULT);
    if (toc == null) {
      problems.error(FILE_NAME, Text.lineOfKey(text, "toc"), TocLevels.EXPECTED);
    } else {
      config.tocLevels = toc;
    }
    config.languages = Languages.read(values.get("languages"), values.get("translations"), text, problems);
    config.stringsFolder = readFolder(values.get("i18nDir"), "i18nDir", STRINGS, root, text, problems);
    return config;
  }

  /**
   * A folder of the site named by {@code key} ({@code i18nDir: site/i18n}), else {@code fallback}:
   * a relative path inside the root, not hidden. Anything else is an error at its line.
   */
  private static String readFolder(Object raw, String key, String fallback, Path root, String text,
      Problems problems) {
    if (raw == null) return fallback;
    String value = String.valueOf(raw).trim().replace('\\', '/');
    while (value.endsWith("/")) value = value.substring(0, value.length() - 1);
    boolean inside = !value.isEmpty() && !value.startsWith("/") && !(raw instanceof Map<?, ?>) && !(raw instanceof List<?>);
    for (String segment : value.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(".")) inside = false;
    }
    if (!inside || value.contains(":")) {
      problems.error(FILE_NAME, Text.lineOfKey(text, key), key + ": expected a folder inside the site such as "
          + fallback + " or site/" + fallback + ", found '" + raw + "'");
      return fallback;
    }
    Path folder = root.resolve(value);
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      problems.error(FILE_NAME, Text.lineOfKey(text, key), key + ": " + value + " is a file, not a folder");
      return fallback;
    }
    if (!Files.exists(folder)) {
      // a typo would read no words at all, silently
      problems.warning(FILE_NAME, Text.lineOfKey(text, key), key + ": " + value + " does not exist (yet)");
    }
    return value;
  }

  /** The keys of site.yml the generator reads; any other is the site's own, for layouts as site.KEY. */
  static final List<String> KNOWN = List.of("title", "description", "baseUrl", "sourceBase", "markdown", "defaults",
      "blog", "drafts", "mounts", "toc", "timezone",
      "languages", "translations", "i18nDir");
  static final List<String> BLOG_KEYS = List.of("dir", "title", "pageSize", "excerptLength", "feedSize", "posts");

  /**
   * Warns of a key that is not one the generator reads but nearly is (the same but for case, or
   * within two edits): {@code baseURL}, Hugo's spelling, or {@code pagesize}. Own keys stay allowed.
   */
  private static void didYouMean(Map<?, ?> map, List<String> known, String prefix, String text, Problems problems) {
    for (Object rawKey : map.keySet()) {
      String key = String.valueOf(rawKey);
      if (known.contains(key)) continue;
      String nearest = io.sitegen.problems.Nearest.to(key, known);
      if (nearest != null && (nearest.equalsIgnoreCase(key) || io.sitegen.problems.Nearest.distance(key, nearest) <= 2)) {
        problems.warning(FILE_NAME, lineWriting(text, key), prefix + key + ": did you mean " + prefix + nearest
            + "? (a key of your own is fine: layouts read it as site." + prefix + key + ")");
      }
    }
  }

  /** The first line on which {@code key:} is written, at any depth or inside {@code {...}}; else 1. */
  private static int lineWriting(String text, String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|[\\s{,])(" + java.util.regex.Pattern.quote(key)
        + ")\\s*:", java.util.regex.Pattern.MULTILINE).matcher(text);
    // the key's own offset: the character before it may be the end of the line above
    return m.find() ? Text.lineAt(text, m.start(2)) : 1;
  }

  /**
   * Whether {@code file} is a link that leads out of the site root or into a hidden folder: the
   * settings are shown to layouts, so a link to a token file would publish it.
   */
  private static boolean leadsOutside(Path root, Path file) {
    if (!Files.isSymbolicLink(file)) return false;
    try {
      Path realRoot = root.toRealPath();
      Path target = file.toRealPath();
      if (!target.startsWith(realRoot)) return true;
      for (Path segment : realRoot.relativize(target)) if (segment.toString().startsWith(".")) return true;
      return false;
    } catch (IOException e) {
      return false; // a broken link: reading it reports that
    }
  }

  /** A known key whose value must be text: a list or a mapping there is a mistake, not a value to show. */
  private static void checkText(Map<String, Object> values, String key, String text, Problems problems) {
    Object v = values.get(key);
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      problems.error(FILE_NAME, Text.lineOfKey(text, key), key + ": expected text, found a "
          + (v instanceof Map<?, ?> ? "mapping" : "list"));
    }
  }

  /**
   * The path of {@code baseUrl} without its last slash ({@code /project} for
   * {@code https://org.github.io/project/}), or "" when the site is at the root of its host or has
   * no address. A value that is not an http(s) address with a host is an error.
   */
  private static Address readBaseUrl(Object raw, String text, Problems problems) {
    if (raw == null || (raw instanceof String s && s.isBlank())) return Address.NONE;
    String example = " such as https://example.org or, under a sub-path, https://org.github.io/project";
    int line = Text.lineOfKey(text, "baseUrl");
    if (!(raw instanceof String value)) {
      problems.error(FILE_NAME, line, "baseUrl: expected the site's address" + example);
      return Address.NONE;
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      try {
        // written as a browser shows it (a space, an accent in the path): encoded here
        java.net.URL url = new java.net.URL(value.trim());
        uri = new java.net.URI(url.getProtocol(), url.getUserInfo(), url.getHost(), url.getPort(), url.getPath(),
            url.getQuery(), url.getRef());
      } catch (java.net.MalformedURLException | java.net.URISyntaxException again) {
        problems.error(FILE_NAME, line, "baseUrl: not an address (" + e.getReason() + "): " + value);
        return Address.NONE;
      }
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
      problems.error(FILE_NAME, line, "baseUrl: expected a full address starting with https://, found '" + value
          + "';" + example);
      return Address.NONE;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problems.error(FILE_NAME, line, "baseUrl: an address with no ?query or #fragment expected, found '" + value + "'");
      return Address.NONE;
    }
    // as a URL holds it: a sub-path with a space or an accent is written percent-encoded
    java.net.URI ascii = java.net.URI.create(uri.toASCIIString());
    return new Address(withoutLastSlash(ascii.getRawPath()), withoutLastSlash(uri.getPath()),
        scheme + "://" + ascii.getRawAuthority());
  }

  private static String withoutLastSlash(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p;
  }

  /**
   * The time zone of {@code timezone} (an IANA name such as {@code Europe/Warsaw}, or {@code UTC}),
   * else this machine's. An unknown name is an error naming it, with the nearest known name.
   */
  private static java.time.ZoneId readTimezone(Object raw, String text, Problems problems) {
    java.time.ZoneId machine = java.time.ZoneId.systemDefault();
    if (raw == null) return machine;
    int line = Text.lineOfKey(text, "timezone");
    String example = "an IANA time zone name such as Europe/Warsaw, America/New_York or UTC";
    if (!(raw instanceof String value) || value.isBlank()) {
      problems.error(FILE_NAME, line, "timezone: expected " + example + ", found '" + raw + "'");
      return machine;
    }
    String name = value.trim();
    try {
      // with the short names the JDK maps (EST, PST...): EST is an IANA name this JDK's list lacks
      return java.time.ZoneId.of(name, java.time.ZoneId.SHORT_IDS);
    } catch (java.time.DateTimeException e) {
      java.util.Set<String> known = java.time.ZoneId.getAvailableZoneIds();
      String nearest = null;
      for (String id : known) {
        if (id.equalsIgnoreCase(name)) nearest = id;
      }
      if (nearest == null) {
        String close = io.sitegen.problems.Nearest.to(name, known);
        if (close != null && io.sitegen.problems.Nearest.distance(name, close) <= Math.max(2, name.length() / 4)) {
          nearest = close;
        }
      }
      problems.error(FILE_NAME, line, "timezone: unknown time zone '" + name + "'"
          + (nearest == null ? "; expected " + example : "; did you mean " + nearest + "?"));
      return machine;
    }
  }

  private static BlogConfig readBlog(Object raw, String text, Problems problems) {
    BlogConfig d = BlogConfig.DEFAULTS;
    if (raw == null) return d;
    int line = Text.lineOfKey(text, "blog");
    if (!(raw instanceof Map<?, ?> blog)) {
      problems.error(FILE_NAME, line, "blog: expected a mapping such as {dir: blog, pageSize: 10}");
      return d;
    }
    String dir = blog.get("dir") == null ? d.dir() : new PathDefault(String.valueOf(blog.get("dir")), Map.of()).path();
    String title = blog.get("title") == null ? d.title() : String.valueOf(blog.get("title"));
    String posts = blog.get("posts") == null ? d.posts() : String.valueOf(blog.get("posts"));
    try {
      java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + posts);
    } catch (RuntimeException e) {
      problems.error(FILE_NAME, line, "blog.posts: not a glob: " + posts);
      posts = d.posts();
    }
    return new BlogConfig(dir, title,
        positive(blog, "pageSize", d.pageSize(), line, problems),
        positive(blog, "excerptLength", d.excerptLength(), line, problems),
        positive(blog, "feedSize", d.feedSize(), line, problems), posts);
  }

  private static int positive(Map<?, ?> map, String key, int fallback, int line, Problems problems) {
    Object v = map.get(key);
    if (v == null) return fallback;
    if (v instanceof Integer i && i > 0) return i;
    problems.error(FILE_NAME, line, "blog." + key + ": expected a whole number above 0, found '" + v + "'");
    return fallback;
  }

  private static boolean readDrafts(Object raw, String text, Problems problems) {
    if (raw == null || "exclude".equals(raw)) return false;
    if ("unlisted".equals(raw)) return true;
    problems.error(FILE_NAME, Text.lineOfKey(text, "drafts"),
        "drafts: expected 'exclude' or 'unlisted', found '" + raw + "'");
    return false;
  }

  private static List<PathDefault> readDefaults(Object raw, String text, Problems problems) {
    List<PathDefault> result = new ArrayList<>();
    if (raw == null) return result;
    int line = Text.lineOfKey(text, "defaults");
    if (!(raw instanceof List<?> list)) {
      problems.error(FILE_NAME, line, "defaults: expected a list of {scope: {path: ...}, values: {...}}");
      return result;
    }
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> entry)
          || !(entry.get("values") instanceof Map<?, ?> vals)) {
        problems.error(FILE_NAME, line, "defaults: each entry needs 'scope' and 'values' mappings");
        continue;
      }
      String path = "";
      if (entry.get("scope") instanceof Map<?, ?> scope && scope.get("path") != null) {
        path = String.valueOf(scope.get("path"));
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      vals.forEach((k, v) -> copy.put(String.valueOf(k), v));
      result.add(new PathDefault(path, copy));
    }
    return result;
  }

  private static boolean readSoftBreaks(Object raw, String text, Problems problems) {
    if (raw == null) return false;
    if (raw instanceof Map<?, ?> markdown) {
      Object br = markdown.get("softBreaksAsBr");
      if (br == null || br instanceof Boolean) return Boolean.TRUE.equals(br);
    }
    problems.error(FILE_NAME, Text.lineOfKey(text, "markdown"),
        "markdown: expected a mapping such as {softBreaksAsBr: true}");
    return false;
  }

  public Path root() {
    return root;
  }

  /** The folders a site's sources are in, by name under its root: the one place that names them. */
  public static final String CONTENT = "content";
  public static final String LAYOUTS = "layouts";
  public static final String ASSETS = "assets";
  /** The layouts' words ({@code i18n/LANG.yml}), unless {@code i18nDir} names another folder (Hugo's key). */
  public static final String STRINGS = "i18n";

  /** Where the site's pages come from ({@code mounts}; by default {@code content/}). */
  public Mounts mounts() {
    return mounts;
  }

  /**
   * Whether {@code root} looks like a site: its mounted folders exist, or {@code site.yml} names
   * mounts (whose problems the build then reports).
   */
  public static boolean hasContent(Path root) {
    SiteConfig config = load(root, new Problems());
    return config.values().containsKey("mounts") || Files.isDirectory(root.resolve(CONTENT));
  }

  /** The folders pages come from, as paths under the root. */
  public List<Path> contentDirs() {
    return mounts.folders(root);
  }

  public Path layoutsDir() {
    return root.resolve(LAYOUTS);
  }

  public Path assetsDir() {
    return root.resolve(ASSETS);
  }

  /**
   * The source folders and files of the site at {@code root}: what an output folder must never be.
   * The mounted folders are read from {@code site.yml} (the default, {@code content/}, when it
   * cannot be read: the build reports why); {@code data/} holds the data files
   * ({@code io.sitegen.data.DataFiles}).
   */
  public static List<Path> sourcesOf(Path root) {
    SiteConfig config = load(root, new Problems());
    List<Path> sources = new ArrayList<>(config.contentDirs());
    if (!sources.contains(root.resolve(CONTENT))) sources.add(root.resolve(CONTENT));
    sources.addAll(List.of(root.resolve(LAYOUTS), root.resolve(ASSETS), root.resolve("data"), config.stringsDir(),
        root.resolve(FILE_NAME)));
    return sources;
  }

  /** Every key of {@code site.yml}, as templates see it. */
  public Map<String, Object> values() {
    return values;
  }

  /** Defaults by path, in the order written; later entries win over earlier ones. */
  public List<PathDefault> pathDefaults() {
    return defaults;
  }

  /** Whether a soft line break in Markdown is rendered as {@code <br>}. */
  public boolean softBreaksAsBr() {
    return softBreaksAsBr;
  }

  public BlogConfig blog() {
    return blog;
  }

  /**
   * Whether {@code drafts: unlisted} is set: drafts are published at their permalinks, marked
   * noindex, and left out of the blog index, the feeds and the sitemap.
   */
  public boolean unlistedDrafts() {
    return unlistedDrafts;
  }

  /**
   * The path the site is served under, from {@code baseUrl}: {@code /project} for a GitHub Pages
   * project site, "" at the root of its host. Every root-relative URL the build writes starts with it.
   */
  public String basePath() {
    return address.path();
  }

  /** {@link #basePath} as text, without percent-encoding: what decoded link paths start with. */
  public String decodedBasePath() {
    return address.decoded();
  }

  /** The scheme and host of {@code baseUrl} ({@code https://org.github.io}), or "" without one. */
  public String origin() {
    return address.origin();
  }

  /**
   * The time zone of {@code timezone} in {@code site.yml}, else this machine's: what "today" is,
   * and the zone of dates written without an offset when it is decided whether they have come.
   */
  public java.time.ZoneId timezone() {
    return timezone;
  }

  /** The heading levels of a table of contents, from {@code toc} (by default 2 and 3). */
  public TocLevels tocLevels() {
    return tocLevels;
  }

  /** The folder of the layouts' words, {@code i18n/} unless {@code i18nDir} names another. */
  public Path stringsDir() {
    return root.resolve(stringsFolder);
  }

  /** {@link #stringsDir} as site.yml names it, from the root: {@code i18n}. */
  public String stringsFolder() {
    return stringsFolder;
  }

  /** The languages the site is written in, and where translations live ({@code languages}, {@code translations}). */
  public Languages languages() {
    return languages;
  }

  /** The value of {@code key} as a string, or {@code fallback} when it is absent. */
  public String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : String.valueOf(v);
  }
}
