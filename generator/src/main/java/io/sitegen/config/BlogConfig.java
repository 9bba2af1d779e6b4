package io.sitegen.config;

/**
 * The {@code blog:} settings of {@code site.yml}.
 *
 * @param dir           the folder under {@code content/} whose pages are the blog's posts
 * @param title         the title of the index pages and the feeds
 * @param pageSize      posts per index page
 * @param excerptLength the length, in characters, near which an excerpt is cut
 * @param feedSize      how many of the newest posts the feeds carry
 * @param posts         a glob, inside {@code dir}, of the Markdown files that are posts: by default
 *                      those directly in it ({@code *.md}), so that {@code blog/lang/fr/README.md}
 *                      is a page, not a post; {@code "{*.md,**}/*.md"}... takes subfolders too
 */
public record BlogConfig(String dir, String title, int pageSize, int excerptLength, int feedSize, String posts) {
  public static final BlogConfig DEFAULTS = new BlogConfig("blog", "Blog", 10, 200, 20, "*.md");

  /** Whether the page at {@code sitePath} is a post. */
  public boolean isPost(String sitePath) {
    String prefix = dir + "/";
    if (!sitePath.startsWith(prefix)) return false;
    String name = sitePath.substring(sitePath.lastIndexOf('/') + 1);
    // the folder's own page, as links to the folder show it
    if (name.equals("index.md") || name.equalsIgnoreCase("README.md")) return false;
    return matcher().matches(java.nio.file.Path.of(sitePath.substring(prefix.length())));
  }

  private java.nio.file.PathMatcher matcher() {
    return MATCHERS.computeIfAbsent(posts, glob -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob));
  }

  private static final java.util.Map<String, java.nio.file.PathMatcher> MATCHERS =
      new java.util.concurrent.ConcurrentHashMap<>();
}
