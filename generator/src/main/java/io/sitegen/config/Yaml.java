package io.sitegen.config;

import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a YAML mapping, turning parser failures into located problems. The text may come from a
 * pull request, so it is bounded: at most {@link #MAX_CHARS} characters, {@link #MAX_DEPTH} levels
 * of nesting and {@link #MAX_ALIASES} aliases, which expand to at most {@link #MAX_VALUES} values.
 */
public final class Yaml {
  /** 1 MB, counted in characters (UTF-16 units) of the decoded text: never more than its UTF-8 bytes. */
  public static final int MAX_CHARS = 1 << 20;
  public static final int MAX_DEPTH = 100;
  public static final int MAX_ALIASES = 50;
  /** Scalars and collections once aliases are expanded: more than a 1 MB text can hold without them. */
  public static final long MAX_VALUES = 1_000_000;
  /**
   * Texts longer than this are read in one buffer. snakeyaml copies its whole look-ahead window for
   * every 1,024 characters read, and a scalar keeps the window open: a 3 MB value took 2.3 s and
   * 1.3 GB (reported: 7 s, 2.2 GB); read at once it takes 0.1 s.
   */
  private static final int ONE_BUFFER = 64 * 1024;

  private static final LoadSettings SETTINGS = settings(1024);
  /** A loader is not thread-safe but costly to create: keep one per thread. */
  private static final ThreadLocal<Load> LOADER = ThreadLocal.withInitial(() -> new Load(SETTINGS));

  /** Whitespace, control characters and Unicode line separators: a message is one line. */
  private static final java.util.regex.Pattern LINE_BREAKS =
      java.util.regex.Pattern.compile("[\\s\\p{Cntrl}\\u0085\\u2028\\u2029]+");

  private Yaml() {}

  private static LoadSettings settings(int bufferSize) {
    return LoadSettings.builder()
        .setAllowDuplicateKeys(false)
        .setUseMarks(true)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(MAX_CHARS + 1)
        .setBufferSize(bufferSize)
        .build();
  }

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
    Object value = parse(text, file, firstLine, what, problems).orElse(null);
    if (value == null) return Optional.empty();
    if (!(value instanceof Map<?, ?> map)) {
      problems.error(file, firstLine, what + ": expected key: value pairs, found " + describe(value));
      return Optional.empty();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), v));
    return Optional.of(result);
  }

  /**
   * Parses {@code text} as one YAML value of any kind, within the same limits as {@link #parseMap}.
   *
   * @return the value (an empty mapping for empty text), or empty when the text is not valid; the
   *     reason is added to {@code problems}, located in the file
   */
  public static Optional<Object> parse(String text, String file, int firstLine, String what, Problems problems) {
    if (text.length() > MAX_CHARS) {
      problems.add(Problem.error(file, firstLine, 0, what + ": larger than 1 MB"));
      return Optional.empty();
    }
    boolean large = text.length() > ONE_BUFFER;
    LoadSettings settings = large ? settings(text.length() + 1) : SETTINGS;
    Object value;
    try {
      Problem refused = mayExceedLimits(text) ? checkLimits(text, settings, file, firstLine, what) : null;
      if (refused != null) {
        problems.add(refused);
        return Optional.empty();
      }
      value = (large ? new Load(settings) : LOADER.get()).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      String reason = e.getProblem() == null || e.getProblem().isBlank() ? e.getContext() : e.getProblem();
      problems.add(at(mark, file, firstLine, what + ": " + oneLine(reason)));
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.add(Problem.error(file, firstLine, 0, what + ": " + oneLine(e.getMessage())));
      return Optional.empty();
    } catch (StackOverflowError e) {
      // Last resort: the limits above are meant to keep the recursive composer well inside the stack.
      problems.add(Problem.error(file, firstLine, 0, what + ": nested too deeply to read"));
      return Optional.empty();
    } catch (RuntimeException e) {
      // A constructor of a tagged value (!!int, !!binary, ...) may throw its own exception.
      problems.add(Problem.error(file, firstLine, 0, what + ": " + oneLine(e.getMessage())));
      return Optional.empty();
    }
    return Optional.of(value == null ? new LinkedHashMap<String, Object>() : value);
  }

  /**
   * Whether the text could break a limit, by counting the characters that open a collection (a
   * block mapping needs a ':' or '?', a block sequence a '-') and that write an alias: an ordinary
   * front matter has a few, and is spared the second pass over its events.
   */
  private static boolean mayExceedLimits(String text) {
    int opens = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '*' -> { return true; }
        case '[', '{', ':', '-', '?' -> opens++;
        default -> { }
      }
    }
    return opens >= MAX_DEPTH;
  }

  /**
   * Walks the parser's events, which it produces without recursion, and returns the first limit
   * broken, located, or null. The composer that builds the values recurses once per level: 2,000
   * nested '[' overflowed the stack.
   */
  private static Problem checkLimits(String text, LoadSettings settings, String file, int firstLine, String what) {
    int depth = 0;
    int aliases = 0;
    long values = 0;
    // The expanded size of each anchored value; OPEN while its collection is being read.
    Map<Anchor, Long> anchored = new HashMap<>();
    java.util.ArrayDeque<long[]> open = new java.util.ArrayDeque<>(); // {values when it opened}
    java.util.ArrayDeque<Optional<Anchor>> openAnchors = new java.util.ArrayDeque<>();
    final long OPEN = -1;
    for (Event event : new Parse(settings).parseString(text)) {
      if (event instanceof CollectionStartEvent start) {
        if (++depth > MAX_DEPTH) {
          return at(event.getStartMark(), file, firstLine, what + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        open.push(new long[] {values});
        openAnchors.push(start.getAnchor());
        start.getAnchor().ifPresent(a -> anchored.put(a, OPEN));
        values++;
      } else if (event instanceof CollectionEndEvent) {
        depth--;
        long from = open.pop()[0];
        long size = values - from;
        openAnchors.pop().ifPresent(a -> anchored.put(a, size));
      } else if (event instanceof ScalarEvent scalar) {
        scalar.getAnchor().ifPresent(a -> anchored.put(a, 1L));
        values++;
      } else if (event instanceof AliasEvent alias) {
        if (++aliases > MAX_ALIASES) {
          return at(event.getStartMark(), file, firstLine, what + ": more than " + MAX_ALIASES + " aliases");
        }
        Long size = anchored.get(alias.getAlias());
        if (size != null && size == OPEN) {
          return at(event.getStartMark(), file, firstLine,
              what + ": alias *" + alias.getAlias().getValue() + " refers to a value that contains it");
        }
        values += size == null ? 1 : size;
      }
      if (values > MAX_VALUES) {
        return at(event.getStartMark(), file, firstLine,
            what + ": aliases expand it to more than " + MAX_VALUES + " values");
      }
    }
    return null;
  }

  private static Problem at(Optional<Mark> mark, String file, int firstLine, String message) {
    int line = mark.map(m -> m.getLine() + firstLine).orElse(firstLine);
    int column = mark.map(m -> m.getColumn() + 1).orElse(0);
    return Problem.error(file, line, column, message);
  }

  private static String describe(Object value) {
    if (value instanceof java.util.List) return "a list";
    return "a single value";
  }

  private static String oneLine(String s) {
    return s == null || s.isBlank() ? "invalid YAML" : LINE_BREAKS.matcher(s).replaceAll(" ").trim();
  }
}
