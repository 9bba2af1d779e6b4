package io.sitegen.data;

import io.sitegen.config.Languages;
import io.sitegen.config.SiteConfig;
import io.sitegen.config.Yaml;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The site's strings in each of its languages: {@code i18n/LANG.yml} ({@code i18n/en.yml},
 * {@code i18n/pl.yml}), each a YAML mapping of keys to text, which layouts show with
 * {@code i18n("key")}. A nested mapping is addressed with dots, as data files are:
 * {@code nav: {docs: Docs}} is the key {@code nav.docs}. A text is kept as it is written
 * ({@code 1.10} stays {@code 1.10}). The files are read by the site's one rule ({@link SiteFiles}),
 * as {@link DataFiles} reads data/.
 */
public final class StringTables {
  /** No languages, no strings. */
  public static final StringTables NONE = new StringTables(Languages.NONE, Map.of(), Set.of());

  private static final List<String> EXTENSIONS = List.of(".yml", ".yaml");

  private final Languages languages;
  /** Every declared language's strings (empty when it has no file), by its code as declared, in the declared order. */
  private final Map<String, Map<String, String>> tables;

  /** The languages whose file could not be read whole: a key missing there is no news, its error is. */
  private final Set<String> unread;

  private StringTables(Languages languages, Map<String, Map<String, String>> tables, Set<String> unread) {
    this.languages = languages;
    this.tables = tables;
    this.unread = unread;
  }

  /** Whether the file of {@code lang} (a code as declared) had an error: its keys are not told missing. */
  public boolean unread(String lang) {
    return lang != null && unread.contains(lang);
  }

  /** The site's rule for reading files ({@link DataFiles#siteFiles}), with i18n/ as one more source. */
  public static SiteFiles siteFiles(SiteConfig config, Path output) {
    return DataFiles.siteFiles(config, output, List.of(config.stringsDir()));
  }

  /**
   * Reads the string table of each declared language. What cannot be read is added to
   * {@code problems}, located ({@code i18n/pl.yml:3:7: YAML: ...}); a file named after no declared
   * language is a warning, and left unread.
   *
   * @param output the output folder, never read
   */
  public static StringTables load(SiteConfig config, Path output, Problems problems) {
    Languages languages = config.languages().ofText();
    Path folder = config.stringsDir();
    String named = config.stringsFolder();
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    for (Languages.Language l : languages.all()) tables.put(l.code(), Map.of());
    Map<String, String> fileOf = new HashMap<>(); // the file read for each language
    boolean foreign = false; // whether a table could not be read as one
    Set<String> unread = new java.util.HashSet<>();
    Problems listing = new Problems();
    List<String> files = siteFiles(config, output).list(folder, listing);
    listing.sorted().forEach(problems::add);
    // a folder that could not be listed (a link out of the site) is told once, not by every key
    if (listing.hasErrors()) languages.all().forEach(l -> unread.add(l.code()));
    for (String rel : files) {
      String ext = DataFiles.extensionOf(rel, EXTENSIONS);
      if (ext == null) continue; // a README, say: left alone
      String shown = named + "/" + rel;
      if (rel.contains("/")) {
        problems.warning(shown, 0, "not read: the strings of a language are in " + named + "/LANG.yml, such as "
            + named + "/en.yml");
        continue;
      }
      String code = rel.substring(0, rel.length() - ext.length());
      Languages.Language language = languages.find(code);
      if (language == null) {
        problems.warning(shown, 0, config.languages().declared()
            ? "no language " + code + " in " + SiteConfig.FILE_NAME + "'s languages"
            : SiteConfig.FILE_NAME + " declares no languages, so the site's words are English, from " + named
                + "/en.yml: declare languages to use " + code);
        continue;
      }
      String other = fileOf.putIfAbsent(language.code(), shown);
      if (other != null) {
        problems.error(shown, 0, "the strings of " + language.code() + " are in " + other + " too; keep one");
        continue;
      }
      Problems reading = new Problems();
      String text = DataFiles.readText(folder.resolve(rel), shown, reading);
      if (text != null) tables.put(language.code(), read(text, shown, reading));
      reading.sorted().forEach(problems::add);
      if (reading.hasErrors()) unread.add(language.code());
      foreign |= text != null && reading.hasErrors();
    }
    if (foreign && !config.values().containsKey("i18nDir") && !config.languages().declared()) {
      // a site in one language that finds i18n/ holding what no string table holds has found a
      // repository's own (an app's strings): say how to keep the site's elsewhere
      problems.warning(SiteConfig.FILE_NAME, 0, "if " + named + "/ holds files other than the layouts' words,"
          + " name another folder for those with i18nDir (such as i18nDir: site/i18n)");
    }
    return new StringTables(languages, Collections.unmodifiableMap(tables), Set.copyOf(unread));
  }

  /**
   * One file's strings, by dotted key; each value that is not text is an error at its line, and
   * left out. Bad YAML is an error at its line, and leaves the table empty.
   */
  static Map<String, String> read(String text, String shown, Problems problems) {
    // Parsed once for what is wrong with it, within the limits every YAML text of the site has...
    Optional<Object> parsed = Yaml.parse(text, shown, 1, "YAML", problems);
    if (parsed.isEmpty()) return Map.of();
    // ...and once more as nodes, which keep each value as written and where it was written.
    Optional<Node> root = new Compose(LoadSettings.builder()
        .setUseMarks(true)
        .setMaxAliasesForCollections(Yaml.MAX_ALIASES)
        .setCodePointLimit(Yaml.MAX_CHARS + 1)
        .setBufferSize(Math.max(1024, text.length() + 1)) // at once: see Yaml's ONE_BUFFER
        .build()).composeString(text);
    if (root.isEmpty()) return Map.of();
    if (!(root.get() instanceof MappingNode mapping)) {
      problems.add(at(root.get(), shown, "expected key: text pairs, such as nav.docs: Docs, found "
          + describe(root.get())));
      return Map.of();
    }
    Map<String, String> strings = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    flatten(mapping, "", strings, lines, shown, problems);
    return Collections.unmodifiableMap(strings);
  }

  private static void flatten(MappingNode mapping, String prefix, Map<String, String> strings,
      Map<String, Integer> lines, String shown, Problems problems) {
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Node value = tuple.getValueNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.add(at(keyNode, shown, "a key must be text, found " + describe(keyNode)));
        continue;
      }
      String key = prefix + keyScalar.getValue();
      if (value instanceof MappingNode nested) {
        flatten(nested, key + ".", strings, lines, shown, problems);
        continue;
      }
      if (!(value instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
        problems.add(at(value, shown, key + ": expected text, found " + describe(value)));
        continue;
      }
      int line = lineOf(keyNode);
      Integer before = lines.putIfAbsent(key, line);
      if (before != null) {
        problems.add(at(keyNode, shown, key + ": written twice; the first is at line " + before));
        continue;
      }
      strings.put(key, scalar.getValue());
    }
  }

  private static Problem at(Node node, String shown, String message) {
    Optional<Mark> mark = node.getStartMark();
    return Problem.error(shown, lineOf(node), mark.map(m -> m.getColumn() + 1).orElse(0), message);
  }

  private static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode) return "a mapping";
    if (node instanceof ScalarNode scalar) return scalar.getTag().equals(Tag.NULL) ? "nothing" : "a single value";
    return "a list";
  }

  /** The default language's code: {@code en} when the site declares no languages. */
  public String defaultCode() {
    return languages.defaultCode();
  }

  /**
   * The code {@code lang} is declared as ({@code PL} is {@code pl}); the default language's for
   * null; {@code lang} itself when no language has it.
   */
  public String codeOf(String lang) {
    if (lang == null) return defaultCode();
    Languages.Language declared = languages.find(lang);
    return declared == null ? lang : declared.code();
  }

  /** The text of {@code key} in language {@code lang} (a code, in any case), or null when it has none. */
  public String text(String lang, String key) {
    if (lang == null) return null;
    Map<String, String> table = tables.get(codeOf(lang));
    return table == null ? null : table.get(key);
  }

  /** Every declared language's strings, by code: what pages rendered with {@code i18n} depend on. */
  public Map<String, Map<String, String>> tables() {
    return tables;
  }
}
