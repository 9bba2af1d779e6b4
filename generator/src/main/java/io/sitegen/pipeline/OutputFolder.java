package io.sitegen.pipeline;

import io.sitegen.files.SiteFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Which folders a build may replace. A build deletes its output folder's old contents, so a
 * mistyped {@code -o content} would destroy the sources: only a new or empty folder, a folder an
 * earlier build wrote (it holds the {@link #MARKER} file), or the default {@code _site} qualify,
 * and never the site root, a source folder, {@code .git}, or a folder that holds one of them.
 */
public final class OutputFolder {
  /** The file every build writes into its output folder, so that a later build knows it may replace it. */
  public static final String MARKER = ".sitegen-output";
  /** The default output folder, under the site root. */
  public static final String DEFAULT = "_site";

  private OutputFolder() {}

  /**
   * Why {@code output} must not be the output folder of the site at {@code root}, or null when it
   * may be: a reason to follow the folder's name, e.g. "exists and is not a folder".
   *
   * @param sources the site's source folders and files (content, layouts, assets, site.yml)
   */
  public static String problemWith(Path root, List<Path> sources, Path output) {
    Path realRoot = real(root);
    Path out = real(output);
    boolean isDefault = out.equals(realRoot.resolve(DEFAULT));
    if (realRoot.startsWith(out)) {
      return "the output folder must not be the site root or a folder that holds it;"
          + " it is replaced on every build";
    }
    for (Path source : sources) {
      Path s = real(source);
      if (s.startsWith(out)) {
        return "the output folder must not be " + name(realRoot, s)
            + " or a folder that holds it; it is replaced on every build";
      }
      if (out.startsWith(s)) {
        return "the output folder must not be inside " + name(realRoot, s)
            + "; it would be read back as a source";
      }
    }
    for (Path p = out; p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals(".git")) {
        return "the output folder must not be in .git";
      }
    }
    if (Files.isDirectory(out.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      return "the output folder must not hold a .git folder";
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      return "exists and is not a folder";
    }
    if (!isDefault && !isEmptyOrOurs(out)) {
      return "not empty and not written by site build (it has no " + MARKER
          + " file); name a new or empty folder, or empty this one first";
    }
    return null;
  }

  private static boolean isEmptyOrOurs(Path dir) {
    if (!Files.isDirectory(dir) || Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) return true;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static String name(Path realRoot, Path p) {
    String shown = p.startsWith(realRoot) ? realRoot.relativize(p).toString().replace('\\', '/') : p.toString();
    return Files.isDirectory(p) ? shown + "/" : shown;
  }

  private static Path real(Path p) {
    return SiteFiles.real(p.toAbsolutePath().normalize());
  }
}
