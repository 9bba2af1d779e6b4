package io.sitegen.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads a YAML mapping, turning parser failures into located problems. */
public final class Yaml {
  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setAllowDuplicateKeys(false)
      .setUseMarks(true)
      .build();
  /** A loader is not thread-safe but costly to create: keep one per thread. */
  private static final ThreadLocal<Load> LOADER = ThreadLocal.withInitial(() -> new Load(SETTINGS));

  private Yaml() {}

  /**
   * Parses {@code text} as a YAML mapping.
   *
   * @param file       the file the text comes from, for messages
   * @param firstLine  the line of the file on which {@code text} starts (1-based)
   * @param what       a word naming the text in messages, e.g. "front matter"
   * @return the mapping (empty for empty text), or empty when the text is not valid; the reason is
   *     added to {@code problems}
   */
  public static Optional<Map<String, Object>> parseMap(
      String text, String file, int firstLine, String what, Problems problems) {
    Object value;
    try {
      value = LOADER.get().loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      int line = mark.map(m -> m.getLine() + firstLine).orElse(firstLine);
      int column = mark.map(m -> m.getColumn() + 1).orElse(0);
      String reason = e.getProblem() == null || e.getProblem().isBlank() ? e.getContext() : e.getProblem();
      problems.add(Problem.error(file, line, column, what + ": " + oneLine(reason)));
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.add(Problem.error(file, firstLine, 0, what + ": " + oneLine(e.getMessage())));
      return Optional.empty();
    }
    if (value == null) return Optional.of(new LinkedHashMap<>());
    if (!(value instanceof Map<?, ?> map)) {
      problems.error(file, firstLine, what + ": expected key: value pairs, found " + describe(value));
      return Optional.empty();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), v));
    return Optional.of(result);
  }

  private static String describe(Object value) {
    if (value instanceof java.util.List) return "a list";
    return "a single value";
  }

  private static String oneLine(String s) {
    return s == null ? "invalid YAML" : s.replaceAll("\\s+", " ").trim();
  }
}
