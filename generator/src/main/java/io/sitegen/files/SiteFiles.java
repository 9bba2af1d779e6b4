package io.sitegen.files;

import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The one rule for reading a site's files: a file is read only when it lies, after every symbolic
 * link is followed, inside one of the site's source folders, and never under a hidden folder (such
 * as {@code .git}) or the output folder. Sites are built from pull requests in CI, where a link to
 * {@code /proc/self/environ} or a layout named {@code .git/config} would publish the job's tokens.
 */
public final class SiteFiles {
  private final Path root;
  private final Path realRoot;
  private final List<Path> sources;
  private final List<Path> excluded;

  /**
   * @param root     the site root
   * @param sources  the folders whose files the site reads (content, layouts, assets)
   * @param excluded folders never read even when inside a source folder (the output)
   */
  public SiteFiles(Path root, List<Path> sources, List<Path> excluded) {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = real(this.root);
    this.sources = sources.stream().map(p -> realRoot.resolve(this.root.relativize(p.toAbsolutePath().normalize())))
        .toList();
    this.excluded = excluded.stream().map(p -> real(p.toAbsolutePath().normalize())).toList();
  }

  /** The rule for a site: its content, layouts and assets are read, its output never. */
  public static SiteFiles of(io.sitegen.config.SiteConfig config, Path output) {
    List<Path> sources = new java.util.ArrayList<>(config.contentDirs());
    sources.addAll(List.of(config.layoutsDir(), config.assetsDir()));
    return new SiteFiles(config.root(), sources,
        List.of(output));
  }

  /**
   * The regular files under {@code dir}, as sorted paths relative to it with '/' separators,
   * leaving out hidden files and folders (a name starting with '.'). A link whose target lies
   * inside the source folders is followed; any other link is an error in {@code problems}, as is a
   * file or folder that cannot be read. A missing folder has no files.
   */
  public List<String> list(Path dir, Problems problems) {
    return list(dir, rel -> false, problems);
  }

  /**
   * As {@link #list(Path, Problems)}, leaving out every path {@code skip} names (relative to
   * {@code dir}; a folder's path ends with '/'): a skipped folder is not walked at all, so what is
   * in it (a link out of the site, say) is never looked at.
   */
  public List<String> list(Path dir, java.util.function.Predicate<String> skip, Problems problems) {
    Path start = dir.toAbsolutePath().normalize();
    if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) return List.of();
    List<String> files = new ArrayList<>();
    try {
      Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (hidden(start.relativize(d))) return FileVisitResult.SKIP_SUBTREE;
              String relDir = start.relativize(d).toString().replace('\\', '/');
              if (!relDir.isEmpty() && skip.test(relDir + "/")) return FileVisitResult.SKIP_SUBTREE;
              if ((d.equals(start) || Files.isSymbolicLink(d)) && !allowed(d)) {
                problems.error(shown(d), 0, "symlink to a folder outside the site");
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (hidden(start.relativize(f)) || !isSource(f.getFileName().toString())) return FileVisitResult.CONTINUE;
              if (skip.test(start.relativize(f).toString().replace('\\', '/'))) return FileVisitResult.CONTINUE;
              if (Files.isSymbolicLink(f)) {
                if (!Files.exists(f)) {
                  problems.error(shown(f), 0, "symlink to a file that does not exist");
                  return FileVisitResult.CONTINUE;
                }
                if (!allowed(f)) {
                  problems.error(shown(f), 0, "symlink to a file outside the site");
                  return FileVisitResult.CONTINUE;
                }
              }
              // Only regular files: a FIFO or a device would block or never end.
              if (attrs.isRegularFile()) files.add(start.relativize(f).toString().replace('\\', '/'));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              if (hidden(start.relativize(f))) return FileVisitResult.CONTINUE;
              String why = e instanceof FileSystemLoopException ? "symlink loop" : describe(e);
              problems.error(shown(f), 0, "cannot read: " + why);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.error(shown(start), 0, "cannot read: " + describe(e));
    }
    files.sort(null);
    return files;
  }

  /**
   * Whether a file of this name can be a source: not hidden, and not one of the files editors and
   * operating systems leave beside the files being edited ({@code a.md~}, {@code .a.md.swp},
   * {@code .#a.md}, {@code #a.md#}, {@code .DS_Store}, and vim's {@code 4913}, which it writes to
   * test a folder). Such files are never content and never published.
   */
  public static boolean isSource(String name) {
    return !name.isEmpty() && !name.startsWith(".") && !name.endsWith("~") && !name.equals("4913")
        && !(name.length() > 1 && name.startsWith("#") && name.endsWith("#"));
  }

  /** Where a name given by a page or a layout leads, inside {@code folder}. */
  public enum Lookup { FOUND, MISSING, OUTSIDE }

  /**
   * Whether {@code name}, a path from the site root, names a regular file inside {@code folder}
   * once normalised and once every link is followed.
   */
  public Lookup lookup(Path folder, String name) {
    Path base = folder.toAbsolutePath().normalize();
    Path file;
    try {
      file = root.resolve(name).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return Lookup.MISSING;
    }
    if (!file.startsWith(base) || file.equals(base) || hidden(base.relativize(file))) return Lookup.OUTSIDE;
    if (!Files.exists(file)) return Lookup.MISSING;
    Path real = real(file);
    Path realBase = realRoot.resolve(root.relativize(base));
    if (!real.startsWith(realBase) || !allowed(file)) return Lookup.OUTSIDE;
    return Files.isRegularFile(file) ? Lookup.FOUND : Lookup.MISSING;
  }

  /** Whether the real target of {@code path} lies in a source folder, outside every excluded one. */
  private boolean allowed(Path path) {
    Path real = real(path);
    for (Path x : excluded) if (real.startsWith(x)) return false;
    for (Path source : sources) {
      if (real.startsWith(source) && !hidden(source.relativize(real))) return true;
    }
    return false;
  }

  /** Whether any segment of a relative path names a hidden file or folder. */
  private static boolean hidden(Path relative) {
    for (Path segment : relative) if (segment.toString().startsWith(".")) return true;
    return false;
  }

  private String shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  /** The real path, following links; for a missing file, its real folder with its name. */
  public static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      Path parent = p.getParent();
      return parent == null ? p : real(parent).resolve(p.getFileName());
    }
  }

  /**
   * An I/O failure in a few words, as {@code path: what happened} wants it: "permission denied",
   * "no space left on device", "read-only file system".
   */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file or folder";
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + fs.getReason().substring(1);
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
