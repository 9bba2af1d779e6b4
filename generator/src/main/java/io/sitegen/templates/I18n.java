package io.sitegen.templates;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.sitegen.data.StringTables;
import java.util.List;
import java.util.Map;

/**
 * The layouts' {@code i18n("key")} function: the text of a key of the site's string tables
 * ({@link StringTables}) in the language of the page being rendered, {@code page.lang}, or in the
 * default language when the page has none. A macro, which sees only its arguments, takes the
 * language of the page the layout renders. A key the page's language has no text for takes the
 * default language's text, and failing that shows the key itself; each is a warning of the layout,
 * which the rendering on this thread records ({@link #MISSES}). The text is escaped as any value is.
 */
final class I18n extends AbstractExtension {
  private volatile StringTables tables = StringTables.NONE;

  /** The string tables of the site, set once they are read. */
  void tables(StringTables tables) {
    this.tables = tables;
  }

  /**
   * A key that had no text in the page's language.
   *
   * @param lang     the language asked for (the page's, or the default when it has none)
   * @param fallback the default language, whose text was used; null when the key itself was shown
   * @param template the name of the template Pebble was running, as it gives it, or null
   * @param line     the line Pebble gives for the call, or 0
   */
  record Miss(String key, String lang, String fallback, String defaultLang, String template, int line) {
    /** What the warning says, after the layout's file and line. */
    String message() {
      String named = "i18n key \"" + key + "\"";
      if (lang.equals(defaultLang)) return named + " has no text in " + lang + " (the default); the key is shown";
      if (fallback != null) return named + " has no text in " + lang + "; the " + fallback + " text is used";
      return named + " has no text in " + lang + " nor in " + defaultLang + " (the default); the key is shown";
    }
  }

  /**
   * What the rendering on this thread knows: the language of the page it renders, for the scopes
   * that do not see {@code page} (a macro's), and the keys it found no text for, in the order
   * asked. Null when not asked for.
   */
  static final ThreadLocal<Rendering> RENDERING = new ThreadLocal<>();

  /**
   * One rendering's part in {@link #RENDERING}.
   *
   * @param pageLang the {@code lang} of the {@code page} it was given, or null
   */
  record Rendering(String pageLang, List<Miss> misses) {
    /** For a rendering with {@code context}: the lang of its page, and no misses yet. */
    static Rendering of(Map<String, Object> context) {
      return new Rendering(context == null ? null : langOf(context.get("page")), new java.util.ArrayList<>());
    }
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("i18n", new Lookup());
  }

  /** The text of {@code key} for a page in {@code pageLang} (null: the default language), recording a miss. */
  String text(String key, String pageLang, String template, int line) {
    StringTables t = tables;
    String defaultLang = t.defaultCode();
    String lang = t.codeOf(pageLang);
    String text = t.text(lang, key);
    if (text != null) return text;
    String fallback = lang != null && !lang.equals(defaultLang) ? t.text(defaultLang, key) : null;
    Rendering rendering = RENDERING.get();
    // a file that could not be read is told by its error, not by every key it would have had
    boolean told = t.unread(lang) || (fallback == null && t.unread(defaultLang));
    if (rendering != null && !told) {
      rendering.misses().add(new Miss(key, lang, fallback == null ? null : defaultLang, defaultLang, template, line));
    }
    return fallback != null ? fallback : key;
  }

  private final class Lookup implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("key");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
      Object key = args.get("key");
      String template = self == null ? null : self.getName();
      if (key == null) {
        throw new PebbleException(null, "i18n needs a key, such as i18n(\"nav.docs\")", lineNumber, template);
      }
      return text(key.toString(), langOf(context), template, lineNumber);
    }
  }

  /**
   * The {@code lang} of the {@code page} being rendered, or null when it has none; in a scope where
   * there is no {@code page} (a macro's), the lang of the page the layout was given.
   */
  private static String langOf(EvaluationContext context) {
    Object page = context == null ? null : context.getVariable("page");
    if (page == null) {
      Rendering rendering = RENDERING.get();
      return rendering == null ? null : rendering.pageLang();
    }
    return langOf(page);
  }

  private static String langOf(Object page) {
    if (!(page instanceof Map<?, ?> map)) return null;
    Object lang = map.get("lang");
    return lang == null || lang.toString().isBlank() ? null : lang.toString();
  }
}
