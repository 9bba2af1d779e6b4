package io.sitegen.pipeline;

import io.sitegen.cache.CacheFiles;
import io.sitegen.cache.Fingerprint;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What each output's rendering asked about the site's other outputs (whether a path its layout
 * links to is written, what {@code exists} said), kept beside the last build's record. An output's
 * key ends with the answers it got: the next build asks the same questions again, and reuses the
 * file only while the answers hold. So adding a post renders again the pages whose nav it changes,
 * not every page: keying every page on the whole list of outputs made adding one post to a
 * 4,000-post site write all 4,256 pages again (the stage went from 2.0-2.8 s to 4.4-4.6 s).
 */
final class OutputQuestions {
  private static final String MAGIC = "output-questions-1";

  /** Question lists by id; pages with the same nav share one. */
  private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
  /** The id of the questions each output was rendered with, by output path. */
  private final Map<String, String> ids = new ConcurrentHashMap<>();
  /** The answers of this run to each list, by id: most pages of a site ask the same. */
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Set<String> touched = ConcurrentHashMap.newKeySet();
  private final Path file;

  private OutputQuestions(Path file) {
    this.file = file;
  }

  /** The questions kept in {@code file}; none when it is missing or unreadable, so that every page is rendered. */
  static OutputQuestions load(Path file) {
    OutputQuestions q = new OutputQuestions(file);
    if (!Files.isRegularFile(file)) return q;
    try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
      if (!MAGIC.equals(in.readUTF())) return q;
      Map<String, List<String>> lists = new HashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String id = in.readUTF();
        List<String> list = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) list.add(in.readUTF());
        lists.put(id, List.copyOf(list));
      }
      Map<String, String> ids = new HashMap<>();
      for (int i = in.readInt(); i > 0; i--) ids.put(in.readUTF(), in.readUTF());
      q.lists.putAll(lists);
      q.ids.putAll(ids);
    } catch (IOException | RuntimeException e) {
      q.lists.clear();
      q.ids.clear();
    }
    return q;
  }

  /** Forgets the answers of the last run: the outputs may have changed since. */
  void newRun() {
    answers.clear();
    touched.clear();
  }

  /**
   * The key under which the last build's file at {@code path} is reused: {@code key} with the
   * answers its rendering's questions get now; null when no questions are known for it.
   */
  String reusableKey(String path, String key, Predicate<String> answer) {
    String id = ids.get(path);
    List<String> list = id == null ? null : lists.get(id);
    if (list == null) return null;
    return key + "|" + id + ":" + answers.computeIfAbsent(id, i -> {
      StringBuilder bits = new StringBuilder(list.size());
      for (String question : list) bits.append(answer.test(question) ? '1' : '0');
      return bits.toString();
    });
  }

  /** The file at {@code path} is the last build's: its questions stay as they were. */
  void kept(String path) {
    touched.add(path);
  }

  /** The key of a file just rendered from {@code key}, having asked {@code asked} (in order) and got those answers. */
  String keyFor(String path, String key, Map<String, Boolean> asked) {
    List<String> list = List.copyOf(asked.keySet());
    String id = new Fingerprint().add(list).hex().substring(0, 24);
    lists.putIfAbsent(id, list);
    ids.put(path, id);
    touched.add(path);
    StringBuilder bits = new StringBuilder(list.size());
    for (boolean a : asked.values()) bits.append(a ? '1' : '0');
    return key + "|" + id + ":" + bits;
  }

  /**
   * Keeps the questions for the next build. After a run of everything, only those of the files it
   * wrote or kept: the others are gone from the output.
   */
  void save(boolean everything) {
    Map<String, String> keep = new HashMap<>(ids);
    if (everything) keep.keySet().retainAll(touched);
    Set<String> used = new java.util.HashSet<>(keep.values());
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(MAGIC);
        List<String> listIds = lists.keySet().stream().filter(used::contains).sorted().toList();
        out.writeInt(listIds.size());
        for (String id : listIds) {
          out.writeUTF(id);
          out.writeInt(lists.get(id).size());
          for (String q : lists.get(id)) out.writeUTF(q);
        }
        out.writeInt(keep.size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(keep).entrySet()) {
          out.writeUTF(e.getKey());
          out.writeUTF(e.getValue());
        }
      }
      CacheFiles.write(file, bytes.toByteArray());
    } catch (IOException e) {
      // the next build renders every page again: slower, not wrong
    }
  }
}
