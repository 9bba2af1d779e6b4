package io.sitegen.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * What rendering a page's Markdown gave, kept between runs by a key (a SHA-256) in pack files
 * ({@link Packs}): each run writes one, moved into place whole when the run ends. A kill mid-write
 * leaves only a temporary pack, which is never read; two builds at once write two packs. Each entry
 * carries its length and a CRC32, so a truncated, corrupted or foreign entry is a miss, never a
 * wrong page.
 */
public final class PageCache implements AutoCloseable {
  /** The folder name under the site root. */
  public static final String FOLDER = ".site-cache";
  private static final int MAGIC = 0x53474332; // "SGC2"
  /** Raised whenever what an entry holds, or how a key is made, changes meaning. */
  private static final String FORMAT = "page-cache-7";

  private final Packs packs;
  private final String generator;
  private final AtomicInteger damaged = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  /** 128 random bits: entry ids made by two runs, or on two machines sharing a cache, never meet. */
  private final String runId;

  /**
   * @param root      the site root; the cache is {@code root/.site-cache/}
   * @param generator what identifies the generator's code: entries of another build of it are misses
   */
  public PageCache(Path root, String generator) {
    this.generator = generator;
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    this.runId = HexFormat.of().formatHex(random);
    this.packs = new Packs(root.resolve(FOLDER).resolve("pages"), runId.substring(0, 12));
  }

  /**
   * One link of a page, as its rendering resolved it: replayed on a hit, so that a page whose link
   * targets moved or vanished is rendered again.
   *
   * @param url       as written
   * @param line      the 0-based line of the Markdown text on which it is written
   * @param published as published
   */
  public record Link(String url, int line, String published) {}

  /**
   * What rendering a page's Markdown gave.
   *
   * @param source  the Markdown it was rendered from: an entry is used only for exactly that text
   * @param aliases GitHub's ids of the page's headings, to their real ids
   * @param excerpt the excerpt a blog index shows, or null for a page that is not a post
   * @param text    the page's text for the search index, or null when not kept: taking it from
   *                the HTML of 3,870 cached pages again cost a one-post build 0.57 s of CPU
   * @param id      unique to this rendering ({@link #newId}): what was made from its HTML (the
   *                page through its layout) may be reused while the entry is
   */
  public record Entry(String source, String html, Set<String> ids, Map<String, String> aliases, List<Link> links,
      String excerpt, String text, String id) {
    public Entry(String source, String html, Set<String> ids, Map<String, String> aliases, List<Link> links,
        String excerpt, String id) {
      this(source, html, ids, aliases, links, excerpt, null, id);
    }
  }

  /** A new entry id: this run's random prefix and a count. */
  public String newId() {
    return runId + "-" + ids.incrementAndGet();
  }

  /**
   * The key of a page's rendering: its identity and the settings that shape it. The Markdown text
   * is not hashed into it but kept in the entry and compared whole: hashing every page's text
   * with SHA-256 took a quarter of a warm build's CPU, as plain Java under the C1-only launcher.
   * Where its links lead is checked on each hit by replaying them.
   *
   * @param parts the page's identity and the settings rendering reads
   */
  public String key(String... parts) {
    MessageDigest sha = CacheFiles.sha256();
    CacheFiles.part(sha, FORMAT);
    CacheFiles.part(sha, generator);
    for (String part : parts) CacheFiles.part(sha, part);
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The entry under {@code key} if it was rendered from exactly {@code source}. */
  public Optional<Entry> get(String key, String source) {
    return get(key).filter(entry -> entry.source().equals(source));
  }

  public Optional<Entry> get(String key) {
    byte[] bytes;
    try {
      bytes = packs.get(key).orElse(null);
    } catch (IOException e) {
      damaged.incrementAndGet();
      return Optional.empty();
    }
    if (bytes == null) return Optional.empty();
    try {
      return Optional.of(decode(bytes));
    } catch (IOException | RuntimeException e) {
      damaged.incrementAndGet();
      return Optional.empty();
    }
  }

  /** Keeps an entry, for the runs that open the cache after the next {@link #flush}; a failure to write is only a miss then. */
  public void put(String key, Entry entry) {
    try {
      packs.put(key, encode(entry));
    } catch (IOException e) {
      // a full disk or a read-only checkout: the build goes on without keeping this page
    }
  }

  /** Makes the entries put so far readable by later runs: called at the end of each run. */
  public void flush() {
    try {
      packs.flush();
    } catch (IOException e) {
      // not kept: the next build renders those pages again
    }
  }

  /** Lets go of the cache's files; what was put and not flushed is not kept. */
  @Override
  public void close() {
    packs.close();
  }

  /** How many entries (or packs of them) could not be read, since this cache was opened. */
  public int damaged() {
    return damaged.get() + packs.damagedPacks();
  }

  /**
   * Whether the cache folder under {@code root} may be used: absent, or a real folder. A link there
   * (which a pull request can add) would make the cache write, and read, outside the site.
   */
  public static boolean usable(Path root) {
    Path folder = root.resolve(FOLDER);
    if (Files.isSymbolicLink(folder)) return false;
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) return true;
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
    try (java.util.stream.Stream<Path> walk = Files.walk(folder, 2)) {
      return walk.noneMatch(Files::isSymbolicLink);
    } catch (IOException e) {
      return false;
    }
  }

  static byte[] encode(Entry entry) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(entry.html().length() + 256);
    DataOutputStream out = new DataOutputStream(body);
    writeString(out, entry.source());
    writeString(out, entry.html());
    out.writeInt(entry.ids().size());
    for (String id : entry.ids()) writeString(out, id);
    out.writeInt(entry.aliases().size());
    for (Map.Entry<String, String> alias : entry.aliases().entrySet()) {
      writeString(out, alias.getKey());
      writeString(out, alias.getValue());
    }
    out.writeInt(entry.links().size());
    for (Link link : entry.links()) {
      writeString(out, link.url());
      out.writeInt(link.line());
      writeString(out, link.published());
    }
    out.writeBoolean(entry.excerpt() != null);
    if (entry.excerpt() != null) writeString(out, entry.excerpt());
    out.writeBoolean(entry.text() != null);
    if (entry.text() != null) writeString(out, entry.text());
    writeString(out, entry.id());
    out.flush();
    byte[] payload = body.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer file = ByteBuffer.allocate(16 + payload.length);
    file.putInt(MAGIC).putInt(payload.length).put(payload).putLong(crc.getValue());
    return file.array();
  }

  static Entry decode(byte[] bytes) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(bytes);
    if (bytes.length < 16 || file.getInt() != MAGIC) throw new IOException("not a cache entry");
    int length = file.getInt();
    if (length != bytes.length - 16) throw new IOException("truncated");
    CRC32 crc = new CRC32();
    crc.update(bytes, 8, length);
    if (ByteBuffer.wrap(bytes, 8 + length, 8).getLong() != crc.getValue()) throw new IOException("corrupted");
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, length));
    String source = readString(in);
    String html = readString(in);
    int idCount = in.readInt();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < idCount; i++) ids.add(readString(in));
    int aliasCount = in.readInt();
    Map<String, String> aliases = new LinkedHashMap<>();
    for (int i = 0; i < aliasCount; i++) aliases.put(readString(in), readString(in));
    int linkCount = in.readInt();
    List<Link> links = new ArrayList<>(Math.min(linkCount, 1 << 16));
    for (int i = 0; i < linkCount; i++) links.add(new Link(readString(in), in.readInt(), readString(in)));
    String excerpt = in.readBoolean() ? readString(in) : null;
    String text = in.readBoolean() ? readString(in) : null;
    String id = readString(in);
    if (in.available() != 0) throw new IOException("trailing bytes");
    return new Entry(source, html, ids, aliases, links, excerpt, text, id);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) throw new IOException("bad length");
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** The identity of the running generator's code: its jar's digest, or "dev" when run from classes. */
  public static String generatorIdentity() {
    return GeneratorIdentity.VALUE;
  }

  private static final class GeneratorIdentity {
    static final String VALUE = compute();

    private static String compute() {
      try {
        Path code = Path.of(PageCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(code, LinkOption.NOFOLLOW_LINKS)) {
          return HexFormat.of().formatHex(CacheFiles.sha256().digest(Files.readAllBytes(code)));
        }
      } catch (Exception e) {
        // no code source: fall through
      }
      return "dev";
    }
  }
}
