package io.sitegen.pipeline;

import io.sitegen.cache.CacheFiles;
import io.sitegen.cache.PageCache;
import io.sitegen.config.SiteConfig;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the last good build of an output read and wrote, kept in the cache: a digest of every
 * input (each source file's bytes, the settings, the options, the generator, the files outside the
 * site that links were checked against) and a digest of each file it wrote. A build whose inputs
 * have the same digest, over an output whose files still have theirs (CI jobs sometimes change
 * {@code _site} after a build), has nothing to do but tell what the last one found.
 */
final class LastBuild {
  private static final int MAGIC = 0x53474231; // "SGB1"

  private LastBuild() {}

  /**
   * What a build read and found, kept to be told again when nothing changed.
   *
   * @param outside each file outside the site that a link was checked against, with whether it
   *                existed: {@code "true /repo/README.md"}
   */
  record Record(String inputs, List<String> outside, Map<String, String> outputs, BuildResult result) {
    /** Whether the files outside the site that links were checked against are as they were. */
    boolean outsideUnchanged() {
      for (String entry : outside) {
        int space = entry.indexOf(' ');
        if (Boolean.parseBoolean(entry.substring(0, space)) != Files.exists(Path.of(entry.substring(space + 1)))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The digest of every input of a build with {@code options}, or empty when the sources cannot
   * all be listed (then the build reports why).
   */
  static Optional<String> inputs(BuildOptions options) {
    Problems problems = new Problems();
    SiteConfig config = SiteConfig.defaults(options.root());
    SiteFiles files = SiteFiles.of(config, options.output());
    MessageDigest all = CacheFiles.sha256();
    CacheFiles.part(all, PageCache.generatorIdentity());
    CacheFiles.part(all, options.output().toAbsolutePath().normalize().toString());
    CacheFiles.part(all, options.drafts() + " " + options.strict() + " " + options.links());
    CacheFiles.part(all, digestOf(options.root().resolve(SiteConfig.FILE_NAME)));
    for (Path folder : List.of(config.contentDir(), config.layoutsDir(), config.assetsDir())) {
      List<String> rels = files.list(folder, problems);
      CacheFiles.part(all, folder.getFileName().toString() + " " + rels.size());
      List<String> digests = rels.parallelStream().map(rel -> rel + " " + digestOf(folder.resolve(rel))).toList();
      for (String d : digests) CacheFiles.part(all, d);
    }
    if (problems.hasErrors()) return Optional.empty();
    return Optional.of(HexFormat.of().formatHex(all.digest()));
  }

  /** The check ({@link #checkOf}) of every file under {@code dir} but the output marker, by path relative to it. */
  static Map<String, String> outputs(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> found = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !dir.relativize(p).toString().equals(OutputFolder.MARKER)).toList();
      Map<String, String> digests = new TreeMap<>();
      found.parallelStream().map(p -> Map.entry(dir.relativize(p).toString().replace('\\', '/'), checkOf(p)))
          .toList().forEach(e -> digests.put(e.getKey(), e.getValue()));
      return digests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path fileFor(BuildOptions options) {
    MessageDigest sha = CacheFiles.sha256();
    CacheFiles.part(sha, options.output().toAbsolutePath().normalize().toString());
    return options.root().resolve(PageCache.FOLDER).resolve("builds")
        .resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 32));
  }

  static Optional<Record> read(BuildOptions options) {
    try {
      byte[] bytes = Files.readAllBytes(fileFor(options));
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != MAGIC) return Optional.empty();
      String inputs = in.readUTF();
      List<String> outside = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) outside.add(in.readUTF());
      Map<String, String> outputs = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) outputs.put(in.readUTF(), in.readUTF());
      int[] counts = new int[7];
      for (int i = 0; i < counts.length; i++) counts[i] = in.readInt();
      List<Problem> problems = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        problems.add(new Problem(Problem.Severity.valueOf(in.readUTF()), in.readUTF(), in.readInt(), in.readInt(),
            in.readUTF()));
      }
      if (in.read() != -1) return Optional.empty();
      return Optional.of(new Record(inputs, outside, outputs, new BuildResult(counts[0], counts[1], counts[2],
          counts[3], counts[4], counts[5], counts[6], 0, problems)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // missing, truncated or foreign: build
    }
  }

  /** Keeps the record; a failure to write only means the next build does the work. */
  static void write(BuildOptions options, Record record) {
    Path file = fileFor(options);
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeUTF(record.inputs());
      out.writeInt(record.outside().size());
      for (String f : record.outside()) out.writeUTF(f);
      out.writeInt(record.outputs().size());
      for (Map.Entry<String, String> e : record.outputs().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      BuildResult r = record.result();
      for (int n : new int[] {r.pagesRead(), r.pagesWritten(), r.draftsSkipped(), r.filesCopied(), r.linksChecked(),
          r.brokenLinks(), r.missingAnchors()}) {
        out.writeInt(n);
      }
      out.writeInt(r.problems().size());
      for (Problem p : r.problems()) {
        out.writeUTF(p.severity().name());
        out.writeUTF(p.file());
        out.writeInt(p.line());
        out.writeInt(p.column());
        out.writeUTF(p.message());
      }
      out.flush();
      CacheFiles.write(file, bytes.toByteArray());
    } catch (IOException | RuntimeException e) {
      // a full disk, a read-only checkout, a message over 64 KB: the next build does the work
    }
  }

  static String digestOf(byte[] bytes) {
    return HexFormat.of().formatHex(CacheFiles.sha256().digest(bytes));
  }

  /**
   * The check of an output file: its length and CRC32C. Enough to notice a file a CI step changed
   * after the build, and cheap: under the launcher's C1-only JIT, SHA-256 runs as plain Java
   * (230 ms for 33 MB here) while CRC32C is a CPU instruction (2 ms).
   */
  static String checkOf(byte[] bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes);
    return bytes.length + ":" + Long.toHexString(crc.getValue());
  }

  private static String checkOf(Path file) {
    try {
      return checkOf(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digestOf(Path file) {
    try {
      return digestOf(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      return "missing";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outside files as a record keeps them: whether each exists, and its absolute path. */
  static List<String> outside(Set<Path> files) {
    return files.stream().map(p -> p.toAbsolutePath().normalize())
        .map(p -> Files.exists(p) + " " + p).sorted().toList();
  }
}
