package io.sitegen.pipeline;

import io.sitegen.cache.CacheFiles;
import io.sitegen.cache.PageCache;
import io.sitegen.config.SiteConfig;
import io.sitegen.data.DataFiles;
import io.sitegen.data.StringTables;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the last good build of an output read and wrote, kept in the cache: a digest of every
 * input (each source file's bytes, the settings, the options, the generator, the files outside the
 * site that links were checked against) and a digest of each file it wrote. A build whose inputs
 * have the same digest, over an output whose files still have theirs (CI jobs sometimes change
 * {@code _site} after a build), has nothing to do but tell what the last one found.
 */
final class LastBuild {
  private static final int MAGIC = 0x53474234; // "SGB4"

  private LastBuild() {}

  /**
   * What a build read and found, kept to be told again when nothing changed.
   *
   * @param inputs   the digest of every input ({@link Inputs#digest})
   * @param sources  what was known of each source file ({@link Inputs#sources})
   * @param outside  each file outside the site that a link was checked against, with whether it
   *                 existed: {@code "true /repo/README.md"}
   * @param outputs  the check ({@link #checkOf}) and stamp of each file written, by output path ({@link #stamped})
   * @param pageKeys the key of what each page's layout was rendered from, by output path
   * @param spareOutputs {@code outputs} of the build that wrote the spare folder (the output before last)
   * @param spareKeys    {@code pageKeys} of that build
   */
  record Record(String inputs, Map<String, String> sources, List<String> outside, Map<String, String> outputs,
      Map<String, String> pageKeys, Map<String, String> spareOutputs, Map<String, String> spareKeys,
      BuildResult result) {
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
   * The inputs of a build, read before it runs.
   *
   * @param digest  the digest of every input
   * @param sources each source file's stamp and digest, by path from the site root: {@code
   *                "SIZE:MTIME:CTIME:INODE DIGEST"}, or {@code "- DIGEST"} when its stamp is too
   *                recent to be trusted next time; a page's also names the dates its front matter
   *                holds ({@link #DATES}): {@code "STAMP DIGEST d:2026-12-01,2026-12-01T10:00Z"}
   */
  record Inputs(String digest, Map<String, String> sources) {}

  /**
   * The digest of every input of a build with {@code options}, or empty when the sources cannot
   * all be listed (then the build reports why). A source file whose stamp (size, modification and
   * status-change times, inode) is the one {@code known} recorded keeps its recorded digest
   * unread, as git's index does: hashing every source with SHA-256 took 230 ms of a 4,000-post
   * site's 340 ms no-op build, reading their stamps about 30 ms. The status-change time cannot be
   * set back by a program (touch -d sets only the other two), so a rewritten file never passes
   * for the old one; a stamp taken within {@link #RACY_MILLIS} of a write is not trusted.
   */
  static Optional<Inputs> inputs(BuildOptions options, Map<String, String> known) {
    Problems problems = new Problems();
    SiteConfig config = SiteConfig.load(options.root(), new Problems()); // its problems are the build's to report
    SiteFiles files = StringTables.siteFiles(config, options.output()); // SiteFiles.of, and data/ and i18n/
    long now = System.currentTimeMillis();
    MessageDigest all = CacheFiles.sha256();
    CacheFiles.part(all, PageCache.generatorIdentity());
    CacheFiles.part(all, options.output().toAbsolutePath().normalize().toString());
    CacheFiles.part(all, options.drafts() + " " + options.strict() + " " + options.links() + " " + options.future());
    CacheFiles.part(all, digestOf(options.root().resolve(SiteConfig.FILE_NAME)));
    // Whether each page is published depends on the clock: a page dated after now is a draft until
    // its date. Each date that pages may be published on and that has not come yet is an input, so a
    // build once a date has come is no build with nothing changed. Over-counted dates only mean
    // a build that does the work.
    java.time.ZoneId zone = config.timezone();
    java.time.Instant at = options.clock().instant();
    CacheFiles.part(all, "timezone " + zone.getId());
    for (String date : datesIn(siteSettings(options.root()), false)) {
      if (later(date, zone, at)) CacheFiles.part(all, "scheduled " + SiteConfig.FILE_NAME + " " + date);
    }
    Map<String, String> sources = new TreeMap<>();
    List<Path> folders = new ArrayList<>(config.contentDirs());
    folders.addAll(List.of(config.layoutsDir(), config.assetsDir(), DataFiles.folder(config.root()),
        config.stringsDir()));
    for (Path folder : folders) {
      // the files a build reads: a mount's excluded paths are no input
      java.util.function.Predicate<String> skip = config.mounts().all().stream()
          .filter(m -> options.root().resolve(m.source()).equals(folder)).findFirst()
          .map(m -> config.mounts().skipped(m)).orElse(rel -> false);
      List<String> rels = files.list(folder, skip, problems);
      String name = options.root().relativize(folder).toString().replace('\\', '/');
      boolean pages = config.contentDirs().contains(folder);
      CacheFiles.part(all, name + " " + rels.size());
      List<String> stamped = rels.parallelStream()
          .map(rel -> stampedDigest(folder.resolve(rel), known.get(name + "/" + rel), now,
              pages && rel.endsWith(".md")))
          .toList();
      for (int i = 0; i < rels.size(); i++) {
        String entry = stamped.get(i);
        String rel = rels.get(i);
        sources.put(name + "/" + rel, entry);
        CacheFiles.part(all, rel + " " + entry.substring(entry.indexOf(' ') + 1));
        if (!pages || !rel.endsWith(".md")) continue;
        List<String> dates = new ArrayList<>(datesOf(entry));
        String file = rel.substring(rel.lastIndexOf('/') + 1);
        java.util.regex.Matcher named = DATED_NAME.matcher(file);
        if (named.find()) dates.add(named.group(1) + "-" + named.group(2) + "-" + named.group(3));
        for (String date : dates) {
          if (later(date, zone, at)) CacheFiles.part(all, "scheduled " + name + "/" + rel + " " + date);
        }
      }
    }
    if (problems.hasErrors()) return Optional.empty();
    return Optional.of(new Inputs(HexFormat.of().formatHex(all.digest()), sources));
  }

  /**
   * How recent a stamp may be and still be trusted next time: a file changed again within the
   * same tick of the file system's clock keeps its times. Linux stamps files from its coarse clock,
   * which ticks every 10 ms or less (HZ of 100 or more); file systems that keep whole seconds
   * (FAT keeps 2 s) get {@link #COARSE_MILLIS}.
   */
  static final long RACY_MILLIS = 20;
  static final long COARSE_MILLIS = 2_100;

  /**
   * A file's stamp and digest, reusing the {@code known} digest when the stamp is the same.
   *
   * @param page whether the file is a page: then its entry also names the dates in its front matter
   */
  private static String stampedDigest(Path file, String known, long now, boolean page) {
    String stamp = stampOf(file, now);
    if (stamp != null && known != null && known.startsWith(stamp + " ") && (!page || known.contains(DATES))) {
      return known;
    }
    String prefix = (stamp == null ? "-" : stamp) + " ";
    if (!page) return prefix + digestOf(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      return prefix + "missing";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return prefix + digestOf(bytes) + DATES + String.join(",", datesIn(new String(bytes, StandardCharsets.UTF_8), true));
  }

  /** Where the dates of a page's front matter start in its entry of {@link Inputs#sources}. */
  static final String DATES = " d:";

  /** The dates an entry of {@link Inputs#sources} names. */
  private static List<String> datesOf(String entry) {
    int at = entry.indexOf(DATES);
    if (at < 0 || at + DATES.length() == entry.length()) return List.of();
    return List.of(entry.substring(at + DATES.length()).split(","));
  }

  /**
   * A date or date and time, with or without an offset, as front matter or {@code site.yml} may
   * write one; wider than what a page's {@code date} accepts, so that no date it accepts is missed.
   */
  private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
      "(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?(?![0-9])");
  /** A file name's date, Jekyll's way, as a page without {@code date} takes it. */
  private static final java.util.regex.Pattern DATED_NAME = java.util.regex.Pattern.compile("^(\\d{4})-?(\\d{2})-?(\\d{2})-");
  private static final java.util.regex.Pattern FENCE = java.util.regex.Pattern.compile("(?m)^(---|\\.\\.\\.)[ \\t]*\\r?$");

  /**
   * Every date written in {@code text}, with no space in it (a space before the time is a {@code T}),
   * in the order written, each once.
   *
   * @param frontMatter whether only the front matter of the text (a page) is read
   */
  static List<String> datesIn(String text, boolean frontMatter) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (frontMatter) {
      if (!body.startsWith("---\n") && !body.startsWith("---\r\n")) return List.of();
      java.util.regex.Matcher close = FENCE.matcher(body);
      if (!close.find(body.indexOf('\n') + 1)) return List.of();
      body = body.substring(0, close.start());
    }
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    java.util.regex.Matcher m = DATE.matcher(body);
    while (m.find()) found.add(m.group().replace(' ', 'T'));
    return List.copyOf(found);
  }

  /** Whether a page dated {@code date} is published after {@code now}. */
  private static boolean later(String date, java.time.ZoneId zone, java.time.Instant now) {
    java.time.Instant at = io.sitegen.content.Page.publishedAt(date, zone);
    return at != null && at.isAfter(now);
  }

  /** The text of site.yml, or "" when it cannot be read (the build says why). */
  private static String siteSettings(Path root) {
    try {
      return new String(Files.readAllBytes(root.resolve(SiteConfig.FILE_NAME)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * SIZE:MTIME:CTIME:DEV:INODE of a file (links followed), or null when it is unknown or was
   * changed too short a time before {@code now} to be trusted.
   */
  static String stampOf(Path file, long now, LinkOption... options) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev,isRegularFile",
          options);
      if (!Boolean.TRUE.equals(a.get("isRegularFile"))) return null;
      long modified = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
      long changed = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
      boolean wholeSeconds = modified % 1_000_000_000 == 0 && changed % 1_000_000_000 == 0;
      long trustedBefore = now - (wholeSeconds ? COARSE_MILLIS : RACY_MILLIS);
      if (Math.max(modified, changed) / 1_000_000 >= trustedBefore) return null;
      return a.get("size") + ":" + modified + ":" + changed + ":" + a.get("dev") + ":" + a.get("ino");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null; // no unix view (Windows), or gone: the file is read
    }
  }

  /**
   * The record of the files a build wrote, once they are in place: each one's check, and its stamp
   * ({@code "CHECK STAMP"}, or {@code "CHECK -"} when too recent), so that the next build can tell
   * it unchanged without reading it.
   */
  static Map<String, String> stamped(Path dir, Map<String, String> checks) {
    // Moving the old output aside and deleting it changed the status time of every file linked
    // from it, just now: waiting out the window makes their stamps trusted, and the next no-op
    // build of a 4,000-post site reads no output file (80 ms less) for 25 ms here.
    try {
      Thread.sleep(RACY_MILLIS + 5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long now = System.currentTimeMillis();
    Map<String, String> out = new TreeMap<>();
    List<Map.Entry<String, String>> entries = List.copyOf(checks.entrySet());
    List<String> stamps = entries.parallelStream().map(e -> stampOf(dir.resolve(e.getKey()), now)).toList();
    for (int i = 0; i < entries.size(); i++) {
      String stamp = stamps.get(i);
      out.put(entries.get(i).getKey(), entries.get(i).getValue() + " " + (stamp == null ? "-" : stamp));
    }
    return out;
  }

  /** The check part of a recorded output ({@link #stamped}). */
  static String checkPart(String recorded) {
    int space = recorded.indexOf(' ');
    return space < 0 ? recorded : recorded.substring(0, space);
  }

  /**
   * The record of the files under {@code dir} (but the output marker) if they are the ones {@code
   * recorded} ({@link #stamped}), with stamps brought up to date; else empty. They are when the
   * paths are the same and each file has its recorded stamp or, failing that, its recorded check.
   * CI jobs sometimes change {@code _site} after a build; a changed file has a new status-change
   * time, and is read.
   */
  static Optional<Map<String, String>> unchanged(Path dir, Map<String, String> recorded) {
    long now = System.currentTimeMillis();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> found = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !dir.relativize(p).toString().equals(OutputFolder.MARKER)).toList();
      if (found.size() != recorded.size()) return Optional.empty();
      List<Map.Entry<String, String>> checked = found.parallelStream().map(p -> {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        String entry = recorded.get(rel);
        if (entry == null) return null;
        String stamp = stampOf(p, now);
        if (stamp != null && entry.endsWith(" " + stamp)) return Map.entry(rel, entry);
        String check = checkPart(entry);
        return checkOf(p).equals(check) ? Map.entry(rel, check + " " + (stamp == null ? "-" : stamp)) : null;
      }).toList();
      Map<String, String> current = new TreeMap<>();
      for (Map.Entry<String, String> e : checked) {
        if (e == null) return Optional.empty();
        current.put(e.getKey(), e.getValue());
      }
      return Optional.of(current);
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  static Path fileFor(BuildOptions options) {
    MessageDigest sha = CacheFiles.sha256();
    CacheFiles.part(sha, options.output().toAbsolutePath().normalize().toString());
    return options.root().resolve(PageCache.FOLDER).resolve("builds")
        .resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 32));
  }

  /** Where the output before last is kept for the next build to write over ({@link StagedOutput}). */
  static Path spareFor(BuildOptions options) {
    return options.root().resolve(PageCache.FOLDER).resolve("spares").resolve(fileFor(options).getFileName());
  }

  static Optional<Record> read(BuildOptions options) {
    try {
      byte[] bytes = Files.readAllBytes(fileFor(options));
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != MAGIC) return Optional.empty();
      String inputs = in.readUTF();
      Map<String, String> sources = readMap(in);
      List<String> outside = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) outside.add(in.readUTF());
      Map<String, String> outputs = readMap(in);
      Map<String, String> pageKeys = readMap(in);
      Map<String, String> spareOutputs = readMap(in);
      Map<String, String> spareKeys = readMap(in);
      int[] counts = new int[7];
      for (int i = 0; i < counts.length; i++) counts[i] = in.readInt();
      List<Problem> problems = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        problems.add(new Problem(Problem.Severity.valueOf(in.readUTF()), in.readUTF(), in.readInt(), in.readInt(),
            in.readUTF()));
      }
      if (in.read() != -1) return Optional.empty();
      return Optional.of(new Record(inputs, sources, outside, outputs, pageKeys, spareOutputs, spareKeys,
          new BuildResult(counts[0], counts[1], counts[2],
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
      writeMap(out, record.sources());
      out.writeInt(record.outside().size());
      for (String f : record.outside()) out.writeUTF(f);
      writeMap(out, record.outputs());
      writeMap(out, record.pageKeys());
      writeMap(out, record.spareOutputs());
      writeMap(out, record.spareKeys());
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

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    Map<String, String> map = new TreeMap<>();
    for (int i = in.readInt(); i > 0; i--) map.put(in.readUTF(), in.readUTF());
    return map;
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
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
