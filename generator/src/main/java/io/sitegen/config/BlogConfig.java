package io.sitegen.config;

/**
 * The {@code blog:} settings of {@code site.yml}.
 *
 * @param dir           the folder under {@code content/} whose pages are the blog's posts
 * @param title         the title of the index pages and the feeds
 * @param pageSize      posts per index page
 * @param excerptLength the length, in characters, near which an excerpt is cut
 * @param feedSize      how many of the newest posts the feeds carry
 */
public record BlogConfig(String dir, String title, int pageSize, int excerptLength, int feedSize) {
  public static final BlogConfig DEFAULTS = new BlogConfig("blog", "Blog", 10, 200, 20);
}
