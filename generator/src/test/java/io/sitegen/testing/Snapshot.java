package io.sitegen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a folder, links not followed, by path: a SHA-256 of each file's bytes, the
 * target of each link. Two equal snapshots mean two byte-identical trees.
 */
public final class Snapshot {
  private Snapshot() {}

  public static Map<String, String> of(Path dir) {
    return of(dir, Set.of());
  }

  /**
   * A site folder: its sources and output, but not its cache, which any run may add to.
   */
  public static Map<String, String> ofSite(Path dir) {
    return of(dir, Set.of(io.sitegen.cache.PageCache.FOLDER));
  }

  private static Map<String, String> of(Path dir, Set<String> ignored) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return files;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = dir.relativize(p).toString();
        if (!rel.isEmpty() && ignored.contains(dir.relativize(p).getName(0).toString())) continue;
        if (Files.isSymbolicLink(p)) files.put(rel, "-> " + Files.readSymbolicLink(p));
        else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) files.put(rel, sha256(Files.readAllBytes(p)));
        else if (!rel.isEmpty()) files.put(rel + "/", "folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
