package io.sitegen.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Property checks over generated inputs: each input is a list of pieces, joined; a failing one is
 * shrunk by dropping pieces while it still fails, and reported with the seed that made it.
 *
 * <p>A seeded generator and a small shrinker rather than jqwik: jqwik 1.10's maintainer asks that
 * AI coding agents not use it, and these tests were written by one. The seed changes every run and
 * is printed with a failure; {@code -Dsitegen.seed=N} replays it.
 */
public final class Properties {
  private Properties() {}

  /**
   * @param violation the property: null when the input is handled correctly, else what went wrong
   */
  public static void check(int tries, Function<Random, List<String>> generator, Function<String, String> violation) {
    long seed = Long.getLong("sitegen.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      List<String> parts = generator.apply(random);
      if (violation.apply(String.join("", parts)) != null) {
        String smallest = String.join("", shrink(parts, violation));
        fail("seed " + seed + ": " + visible(smallest) + ": " + violation.apply(smallest));
      }
    }
  }

  /** Between 1 and {@code max} pieces drawn from {@code pieces}, after {@code first}. */
  public static List<String> draw(Random random, String first, List<String> pieces, int max) {
    List<String> parts = new ArrayList<>();
    parts.add(first);
    for (int i = random.nextInt(max); i >= 0; i--) parts.add(pieces.get(random.nextInt(pieces.size())));
    return parts;
  }

  private static List<String> shrink(List<String> parts, Function<String, String> violation) {
    List<String> current = new ArrayList<>(parts);
    boolean smaller = true;
    while (smaller) {
      smaller = false;
      for (int i = 0; i < current.size(); i++) {
        List<String> without = new ArrayList<>(current);
        without.remove(i);
        if (violation.apply(String.join("", without)) != null) {
          current = without;
          smaller = true;
          break;
        }
      }
    }
    return current;
  }

  /** Text with control and non-ASCII characters escaped, cut at 400 characters, for a failure message. */
  public static String visible(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.substring(0, Math.min(s.length(), 400)).toCharArray()) {
      if (c < 0x20 || c >= 0x7f) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append(s.length() > 400 ? "\"… (" + s.length() + " characters)" : "\"").toString();
  }
}
