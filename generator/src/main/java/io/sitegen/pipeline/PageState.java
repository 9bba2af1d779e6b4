package io.sitegen.pipeline;

import io.sitegen.blog.PostEntry;
import io.sitegen.content.Page;
import io.sitegen.links.PageLinks;
import io.sitegen.problems.Problem;
import java.util.List;
import java.util.Set;

/**
 * Everything a run knows of one published page.
 *
 * @param html           the rendered Markdown, or null once written when nothing later needs it
 * @param links          what resolving its links found
 * @param ids            the targets a {@code #fragment} can name in it (empty when links are not checked)
 * @param entry          its entry in the blog index, or null when it is not a post
 * @param entryProblems  what making its entry found (a missing previewBody or image)
 * @param layoutProblems what rendering its layout found
 * @param cacheId        the id of the cache entry its HTML came from or was kept as, or null
 * @param aliases        GitHub's ids of its headings, to their real ids
 * @param layoutLinks    the wrong links its layout added, each once (reported with the number of pages that have it)
 * @param text           its text for the search index ({@link io.sitegen.search.SearchIndex#textOf}), kept
 *                       when its HTML is dropped; null when it is in no index or failed to render
 */
record PageState(Page page, String html, PageLinks links, Set<String> ids, PostEntry entry,
    List<Problem> entryProblems, List<Problem> layoutProblems, String cacheId, java.util.Map<String, String> aliases,
    List<Problem> layoutLinks, String text) {

  PageState withLayoutProblems(List<Problem> problems) {
    return withLayoutProblems(problems, List.of());
  }

  PageState withLayoutProblems(List<Problem> problems, List<Problem> wrongLinks) {
    return new PageState(page, html, links, ids, entry, entryProblems, problems, cacheId, aliases, wrongLinks, text);
  }

  PageState withEntry(PostEntry newEntry, List<Problem> problems) {
    return new PageState(page, html, links, ids, newEntry, problems, layoutProblems, cacheId, aliases, layoutLinks, text);
  }

  PageState withoutHtml() {
    return new PageState(page, null, links, ids, entry, entryProblems, layoutProblems, cacheId, aliases, layoutLinks, text);
  }

  PageState withHtml(String newHtml) {
    return new PageState(page, newHtml, links, ids, entry, entryProblems, layoutProblems, cacheId, aliases, layoutLinks, text);
  }

  /** Whether its Markdown was rendered: a page whose renderer failed has no links found. */
  boolean rendered() {
    return links != null;
  }
}
