package io.sitegen.markdown;

/**
 * Decides the published form of each link and image URL of one page as it is rendered: Markdown
 * links and images, and {@code href}/{@code src} in raw HTML. Implemented by the link stage.
 */
@FunctionalInterface
public interface LinkHook {
  /** Leaves every URL as written. */
  LinkHook NONE = (url, line) -> url;

  /**
   * @param url  the URL as written in the page
   * @param line the 0-based line of the Markdown text on which it is written
   * @return the URL to publish
   */
  String resolve(String url, int line);
}
