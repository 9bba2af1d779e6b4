package io.sitegen.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Writes a starter site that builds at once.",
        "Into DIR (default: the current folder): site.yml with every key explained, layouts (home, blog"
            + " index, post, doc, 404), a stylesheet, the layouts' words (i18n/en.yml), a post, a docs page,"
            + " a .gitignore and a GitHub Pages workflow (.github/workflows/pages.yml). A folder that is not"
            + " empty is refused, unless --force, which only adds the files that are missing."},
    footerHeading = "%nExamples:%n",
    footer = {"  site init my-site", "  cd my-site && site serve"})
final class InitCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Where to write the site.")
  Path dir;

  @Option(names = "--force", description = "Write into a folder that is not empty, adding only missing files.")
  boolean force;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  /** Where the starter lives in the jar (or in the classes folder, when run from a build). */
  static final String STARTER = "/io/sitegen/starter";

  /** The GitHub Pages workflow, in the new site. */
  static final String WORKFLOW = ".github/workflows/pages.yml";

  @Override
  public Integer call() throws IOException {
    Console console = new Console(spec.commandLine(), verbosity);
    Path target = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      console.error(target + ": not a folder");
      return Main.USAGE;
    }
    if (!force && Files.isDirectory(target) && !isEmpty(target)) {
      console.error(target + ": not empty; site init writes into a new or empty folder (--force adds only the"
          + " files that are missing)");
      return Main.USAGE;
    }
    Map<String, byte[]> files = starter();
    Set<String> written = new HashSet<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = target.resolve(file.getKey());
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) continue;
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue(), StandardOpenOption.CREATE_NEW);
      written.add(file.getKey());
    }
    int count = written.size();
    console.note("wrote " + count + (count == 1 ? " file" : " files") + " into " + target + (count < files.size()
        ? " (" + (files.size() - count) + " were there already)" : ""));
    console.note("next: cd " + target + " && site serve");
    // a workflow that --force kept is the user's own: nothing to tell about it
    if (written.contains(WORKFLOW)) {
      console.note("to publish on GitHub Pages, set SITEGEN_REPOSITORY in " + WORKFLOW + " (its comments say what"
          + " else)");
      Path repository = repositoryAbove(target);
      if (repository != null) {
        console.note(WORKFLOW + " runs only from the root of the repository, " + repository
            + "; move it there and point it at this folder (its comments say how)");
      }
    }
    return Main.OK;
  }

  /**
   * The git repository that {@code site} is a folder inside of (not its root), else null. GitHub
   * runs the workflows of a repository's root only, so the starter's would never run from there.
   */
  static Path repositoryAbove(Path site) {
    for (Path p = site.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) return p;
    }
    return null;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /** The starter's files, by path in the new site (see {@link #sitePath}). The post is dated today. */
  static Map<String, byte[]> starter() throws IOException {
    URL url = InitCommand.class.getResource(STARTER);
    if (url == null) throw new IOException("the starter site is missing from this build of site");
    Map<String, byte[]> files = new TreeMap<>();
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        read(fs.getPath(STARTER), files);
      } else {
        read(Path.of(uri), files);
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    return files;
  }

  private static void read(Path root, Map<String, byte[]> files) throws IOException {
    String today = LocalDate.now().toString();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        rel = sitePath(rel);
        byte[] bytes = Files.readAllBytes(p);
        if (rel.equals("content/blog/welcome.md")) {
          rel = "content/blog/" + today + "-welcome.md";
          bytes = new String(bytes, StandardCharsets.UTF_8).replace("date: TODAY", "date: " + today)
              .getBytes(StandardCharsets.UTF_8);
        }
        files.put(rel, bytes);
      }
    }
  }

  /**
   * Where a starter file goes in the new site. Files and folders whose names start with '.' are
   * kept without it, as Maven leaves some of them out of a jar (.gitignore): {@code gitignore} is
   * written as {@code .gitignore}, {@code github/workflows/pages.yml} as {@value #WORKFLOW}.
   */
  static String sitePath(String starterPath) {
    if (starterPath.equals("gitignore") || starterPath.startsWith("github/")) return "." + starterPath;
    return starterPath;
  }
}
