package io.sitegen.content;

/**
 * A page as read from its file, with its Markdown body.
 *
 * @param body the Markdown after the front matter
 */
public record Source(Page page, String body) {}
