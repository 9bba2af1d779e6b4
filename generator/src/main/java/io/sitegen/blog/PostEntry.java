package io.sitegen.blog;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the blog index and layouts see of one post. Two entries are equal when every layout would
 * show them the same, which is how an update tells whether the index must be rendered again.
 *
 * @param values  the post's values as layouts see them ({@code title}, {@code url}, {@code excerpt},
 *                {@code image}, ...), without the preview
 * @param preview the preview's HTML
 */
public record PostEntry(Map<String, Object> values, String preview) {
  public PostEntry {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The entry as a layout sees it: its values, and the preview marked safe to insert. */
  public Map<String, Object> model() {
    Map<String, Object> model = new LinkedHashMap<>(values);
    model.put("preview", new SafeString(preview));
    return model;
  }
}
