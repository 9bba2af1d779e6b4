package io.sitegen.data;

import io.sitegen.config.SiteConfig;
import io.sitegen.config.Text;
import io.sitegen.config.Yaml;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The site's data files: {@code data/*.yml}, {@code *.yaml} and {@code *.json}, which layouts see
 * as {@code data.NAME} (the file's name without its extension), a subfolder as a nested map
 * ({@code data/team/core.yml} is {@code data.team.core}). A docs sidebar, a team list, release
 * metadata. They are read by the site's one rule ({@link SiteFiles}): hidden files are skipped, and
 * a link whose target is outside the site is an error, never read. Other files in the folder are
 * left alone. The values are read-only: layouts render pages in parallel.
 */
public final class DataFiles {
  /** The folder, from the site root. */
  public static final String FOLDER = "data";

  private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

  private DataFiles() {}

  /** The data folder of the site at {@code root}. */
  public static Path folder(Path root) {
    return root.resolve(FOLDER);
  }

  /** The site's rule for reading files ({@link SiteFiles#of}), with the data folder as one more source. */
  public static SiteFiles siteFiles(SiteConfig config, Path output) {
    return siteFiles(config, output, List.of());
  }

  /** As {@link #siteFiles(SiteConfig, Path)}, with {@code more} folders as sources too (i18n/). */
  static SiteFiles siteFiles(SiteConfig config, Path output, List<Path> more) {
    List<Path> sources = new ArrayList<>(config.contentDirs());
    sources.addAll(List.of(config.layoutsDir(), config.assetsDir(), folder(config.root())));
    sources.addAll(more);
    return new SiteFiles(config.root(), sources, List.of(output));
  }

  /**
   * Reads every data file of the site; what cannot be read is added to {@code problems}, located
   * ({@code data/team.yml:3:7: YAML: ...}), and left out of the result.
   *
   * @param output the output folder, never read
   * @return {@code data} as layouts see it: read-only maps, in the order of the files' names
   */
  public static Map<String, Object> load(SiteConfig config, Path output, Problems problems) {
    Path folder = folder(config.root());
    List<String> listed = siteFiles(config, output).list(folder, problems);
    // by name without the extension: two files of one name are an error naming both
    Map<String, List<String>> byName = new TreeMap<>();
    for (String rel : listed) {
      String ext = extensionOf(rel, EXTENSIONS);
      if (ext == null) continue;
      byName.computeIfAbsent(rel.substring(0, rel.length() - ext.length()), k -> new ArrayList<>()).add(rel);
    }
    Set<String> names = byName.keySet();
    Map<String, Object> data = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : byName.entrySet()) {
      String name = e.getKey();
      List<String> files = e.getValue();
      String shown = FOLDER + "/" + files.get(0);
      if (files.size() > 1) {
        problems.add(Problem.error(shown, 0, 0, "data." + dotted(name) + " is written by two files: "
            + String.join(" and ", files.stream().map(f -> FOLDER + "/" + f).toList()) + "; keep one"));
        continue;
      }
      if (names.stream().anyMatch(other -> other.startsWith(name + "/"))) {
        problems.add(Problem.error(shown, 0, 0, "data." + dotted(name) + " is also the folder " + FOLDER + "/"
            + name + "/; rename one of them"));
        continue;
      }
      Object value = read(folder.resolve(files.get(0)), shown, problems);
      if (value != UNREAD) put(data, name.split("/"), value);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) readOnly(data);
    return result;
  }

  /** The one of {@code extensions} (lower case) a file's name ends with, or null: a data file's, or a string table's. */
  static String extensionOf(String rel, List<String> extensions) {
    String lower = rel.toLowerCase(Locale.ROOT);
    int slash = lower.lastIndexOf('/');
    for (String ext : extensions) {
      // a name of its own before the extension: ".yml" alone is no data file
      if (lower.endsWith(ext) && lower.length() - ext.length() > slash + 1) return rel.substring(rel.length() - ext.length());
    }
    return null;
  }

  private static Object read(Path file, String shown, Problems problems) {
    String text = readText(file, shown, problems);
    if (text == null) return UNREAD;
    if (shown.toLowerCase(Locale.ROOT).endsWith(".json")) {
      List<Problem> found = new ArrayList<>();
      Object value = Json.parse(text, shown, found);
      found.forEach(problems::add);
      return found.isEmpty() ? value : UNREAD;
    }
    return Yaml.parse(text, shown, 1, "YAML", problems).orElse(UNREAD);
  }

  /**
   * The text of a file the site reads as data (UTF-8), or null when it cannot be read: then why is
   * added to {@code problems}, naming the file as {@code shown}.
   */
  static String readText(Path file, String shown, Problems problems) {
    try {
      return Text.read(file);
    } catch (CharacterCodingException e) {
      problems.error(shown, 0, "not valid UTF-8 text");
    } catch (IOException e) {
      problems.error(shown, 0, "cannot read: " + SiteFiles.describe(e));
    }
    return null;
  }

  /** What {@link #read} gives for a file it could not read: a JSON file may hold null. */
  private static final Object UNREAD = new Object();

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> data, String[] path, Object value) {
    Map<String, Object> map = data;
    for (int i = 0; i < path.length - 1; i++) {
      map = (Map<String, Object>) map.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
    }
    map.put(path[path.length - 1], value);
  }

  /** A read-only copy, keys as text: what layouts see, shared by the pages rendered in parallel. */
  private static Object readOnly(Object value) {
    Object copy;
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), readOnly(v)));
      copy = Collections.unmodifiableMap(out);
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(readOnly(item));
      copy = Collections.unmodifiableList(out);
    } else if (value instanceof Set<?> set) {
      Set<Object> out = new java.util.LinkedHashSet<>();
      for (Object item : set) out.add(readOnly(item));
      copy = Collections.unmodifiableSet(out);
    } else {
      copy = value;
    }
    return copy;
  }

  private static String dotted(String name) {
    return name.replace('/', '.');
  }
}
