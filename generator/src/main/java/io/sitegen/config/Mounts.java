package io.sitegen.config;

import io.sitegen.problems.Problems;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a site's pages come from: folders of the repository ({@code source}, relative to the site
 * root), each appearing as a folder of the site ({@code target}), as Hugo's mounts do. Without a
 * {@code mounts} key a site has one, {@code content} as the site's root. Paths here use '/': a
 * repository path is relative to the site root ({@code blog/x.md}), a site path to the site
 * ({@code blog/x.md} too when the target is the source's name).
 */
public final class Mounts {
  /**
   * @param source  a folder of the repository, relative to the site root, without '/' at either end
   * @param target  the folder it appears as in the site, "" for the site's root
   * @param exclude globs of paths inside {@code source} that are not part of the site
   */
  public record Mount(String source, String target, List<String> exclude) {
    /** The path inside the site of {@code inside}, a path inside the source. */
    String sitePath(String inside) {
      return target.isEmpty() ? inside : target + "/" + inside;
    }
  }

  private final List<Mount> mounts;
  private final List<List<PathMatcher>> excluded = new ArrayList<>();

  Mounts(List<Mount> mounts) {
    this.mounts = List.copyOf(mounts);
    for (Mount m : mounts) {
      List<PathMatcher> matchers = new ArrayList<>();
      for (String glob : m.exclude()) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      excluded.add(matchers);
    }
  }

  /** The default: {@code content/} is the site. */
  static final Mounts DEFAULT = new Mounts(List.of(new Mount(SiteConfig.CONTENT, "", List.of())));

  /** Whether these are the default mounts: no {@code mounts} key. */
  public boolean isDefault() {
    return this == DEFAULT;
  }

  public List<Mount> all() {
    return mounts;
  }

  /** The source folders, in the order written. */
  public List<Path> folders(Path root) {
    return mounts.stream().map(m -> root.resolve(m.source())).toList();
  }

  /**
   * What a walk of the mount's source leaves out: the paths its globs exclude, and a folder ("x/")
   * when they exclude everything in it.
   */
  public java.util.function.Predicate<String> skipped(Mount mount) {
    return rel -> rel.endsWith("/")
        ? excludes(mount, rel + "x") && excludes(mount, rel + "x/y")
        : excludes(mount, rel);
  }

  /** Whether {@code inside}, a path inside the mount's source, is left out by its {@code exclude} globs. */
  public boolean excludes(Mount mount, String inside) {
    for (PathMatcher matcher : excluded.get(mounts.indexOf(mount))) {
      if (matcher.matches(Path.of(inside))) return true;
    }
    return false;
  }

  /** The site path of {@code repoPath} (relative to the site root), when a mount publishes it. */
  public Optional<String> sitePathOf(String repoPath) {
    for (Mount m : mounts) {
      if (repoPath.equals(m.source())) return Optional.of(m.target());
      String prefix = m.source() + "/";
      if (repoPath.startsWith(prefix)) {
        String inside = repoPath.substring(prefix.length());
        return excludes(m, inside) ? Optional.empty() : Optional.of(m.sitePath(inside));
      }
    }
    return Optional.empty();
  }

  /** The site path of a file inside {@code mount}'s source. */
  public String sitePath(Mount mount, String inside) {
    return mount.sitePath(inside);
  }

  /** The mount whose target holds {@code sitePath} and whose source is named first, as new files are made there. */
  public Optional<Mount> forSitePath(String sitePath) {
    Mount best = null;
    for (Mount m : mounts) {
      boolean holds = m.target().isEmpty() || sitePath.equals(m.target()) || sitePath.startsWith(m.target() + "/");
      if (holds && (best == null || m.target().length() > best.target().length())) best = m;
    }
    return Optional.ofNullable(best);
  }

  /** The repository path at which a new file at {@code sitePath} is written. */
  public Optional<String> repoPathFor(String sitePath) {
    return forSitePath(sitePath).map(m -> {
      String inside = m.target().isEmpty() ? sitePath
          : sitePath.equals(m.target()) ? "" : sitePath.substring(m.target().length() + 1);
      return inside.isEmpty() ? m.source() : m.source() + "/" + inside;
    });
  }

  /**
   * Reads the {@code mounts} key of {@code site.yml}. Each source must be a folder inside the
   * site root: not absolute, no {@code ..}, no hidden segment ({@code .git}, the cache), and no
   * source may hold another.
   */
  static Mounts read(Object raw, Path root, String text, Problems problems) {
    if (raw == null) return DEFAULT;
    int line = Text.lineOfKey(text, "mounts");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      problems.error(SiteConfig.FILE_NAME, line, "mounts: expected a list such as [{source: blog, target: blog}]");
      return DEFAULT;
    }
    List<Mount> mounts = new ArrayList<>();
    int mountsLine = line;
    int entryIndex = 0;
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> entry) || !(entry.get("source") instanceof String source)) {
        problems.error(SiteConfig.FILE_NAME, line, "mounts: each entry needs a source folder, e.g. {source: docs, target: docs}");
        continue;
      }
      // the line of this entry: where its source is written, after the entries before it
      line = lineOfNth(text, "source", mountsLine, entryIndex++);
      for (Object key : entry.keySet()) {
        if (!List.of("source", "target", "exclude").contains(String.valueOf(key))) {
          problems.error(SiteConfig.FILE_NAME, line, "mounts: unknown key " + key + " in the mount of " + source
              + "; a mount has source, target and exclude");
        }
      }
      String cleanSource = source.indexOf('\0') >= 0 ? null : clean(source);
      String why = cleanSource == null ? "must be a folder inside the site root, without .. or a hidden folder"
          : cleanSource.isEmpty() ? "cannot be the site root itself: name the folders to publish"
          : !Files.isDirectory(root.resolve(cleanSource)) ? "is not a folder of the site" : null;
      if (why != null) {
        problems.error(SiteConfig.FILE_NAME, line, "mounts: source '" + source + "' " + why);
        continue;
      }
      Object rawTarget = entry.get("target");
      if (rawTarget == null) {
        problems.error(SiteConfig.FILE_NAME, line, "mounts: the mount of " + source + " needs a target: the folder of"
            + " the site it appears as (\"\" for the site's root)");
        continue;
      }
      String target = String.valueOf(rawTarget).indexOf('\0') >= 0 ? null : clean(String.valueOf(rawTarget));
      if (target == null) {
        problems.error(SiteConfig.FILE_NAME, line, "mounts: target " + rawTarget + " must be a folder of the site, without ..");
        continue;
      }
      List<String> exclude = new ArrayList<>();
      Object rawExclude = entry.get("exclude");
      if (rawExclude instanceof List<?> globs) {
        for (Object g : globs) exclude.add(String.valueOf(g));
      } else if (rawExclude != null) {
        problems.error(SiteConfig.FILE_NAME, line, "mounts: exclude of " + source + " must be a list of globs");
      }
      for (Mount other : mounts) {
        if (cleanSource.equals(other.source()) || cleanSource.startsWith(other.source() + "/")
            || other.source().startsWith(cleanSource + "/")) {
          problems.error(SiteConfig.FILE_NAME, line, "mounts: sources " + other.source() + " and " + cleanSource
              + " overlap; a folder can be mounted once");
        }
      }
      try {
        new Mounts(List.of(new Mount(cleanSource, target, exclude)));
      } catch (RuntimeException e) {
        problems.error(SiteConfig.FILE_NAME, line, "mounts: exclude of " + source + ": " + e.getMessage());
        continue;
      }
      mounts.add(new Mount(cleanSource, target, exclude));
    }
    return mounts.isEmpty() ? DEFAULT : new Mounts(mounts);
  }

  /** The 1-based line, from line {@code from} on, of the {@code n}th (from 0) {@code key:}, else {@code from}. */
  private static int lineOfNth(String text, String key, int from, int n) {
    String[] lines = text.split("\\R", -1);
    java.util.regex.Pattern written = java.util.regex.Pattern.compile("(^|[{,\\s-])" + key + "\\s*:");
    int seen = 0;
    for (int i = Math.max(from, 1) - 1; i < lines.length; i++) {
      java.util.regex.Matcher m = written.matcher(lines[i]);
      while (m.find()) {
        if (seen++ == n) return i + 1;
      }
    }
    return from;
  }

  /** A relative folder path without '/' at either end, or null when it is absolute, climbs or names a hidden folder. */
  private static String clean(String path) {
    String p = path.replace('\\', '/').trim();
    if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) return null;
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    if (p.equals(".")) return "";
    List<String> parts = new ArrayList<>();
    for (String segment : p.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) continue;
      if (segment.equals("..") || segment.startsWith(".")) return null;
      parts.add(segment);
    }
    return String.join("/", parts);
  }
}
