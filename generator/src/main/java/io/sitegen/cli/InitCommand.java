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
import java.util.Map;
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
    description = {"Writes a starter site into DIR (default: the current folder): site.yml with every key",
        "explained, layouts (home, blog index, post, doc, 404), a stylesheet, a post, a docs page and a",
        ".gitignore. It builds at once. A folder that is not empty is refused, unless --force, which",
        "only adds the files that are missing."},
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
    int written = 0;
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = target.resolve(file.getKey());
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) continue;
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue(), StandardOpenOption.CREATE_NEW);
      written++;
    }
    console.note("wrote " + written + (written == 1 ? " file" : " files") + " into " + target + (written < files.size()
        ? " (" + (files.size() - written) + " were there already)" : ""));
    console.note("next: cd " + target + " && site serve");
    return Main.OK;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /**
   * The starter's files, by path in the new site. Files whose names start with '.' are kept
   * without it (Maven leaves .gitignore out of a jar): {@code gitignore} is written as
   * {@code .gitignore}. The post is dated today.
   */
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
        if (rel.equals("gitignore")) rel = ".gitignore";
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
}
