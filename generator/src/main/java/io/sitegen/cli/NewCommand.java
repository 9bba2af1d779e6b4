package io.sitegen.cli;

import io.sitegen.config.SiteConfig;
import io.sitegen.content.Drafting;
import io.sitegen.content.Slugs;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Creates a new draft page with its front matter filled in.",
    subcommands = {NewCommand.Post.class, NewCommand.Doc.class},
    footerHeading = "%nExamples:%n",
    footer = {"  site new post \"Version 2.0 released\"", "  site new doc guide/setup \"Setup\""})
final class NewCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** Writes a new file, never over an existing one; prints its path. */
  static int create(CommandSpec spec, Path root, String relPath, String text) {
    Console console = new Console(spec.commandLine(), null);
    Path file = root.resolve(relPath);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      console.error(relPath + ": already exists; not overwritten");
      return Main.CONTENT_ERRORS;
    } catch (IOException e) {
      console.error(relPath + ": cannot write: " + e.getMessage());
      return Main.CONTENT_ERRORS;
    }
    console.print(relPath);
    return Main.OK;
  }

  /** The layout a new page names: the site's layouts/NAME.html, written as a path from the root. */
  static String layout(String name) {
    return SiteConfig.LAYOUTS + "/" + name + ".html";
  }

  @Command(name = "post", mixinStandardHelpOptions = true,
      description = {"Creates a draft blog post dated today.",
          "Writes content/<blog>/YYYYMMDD-<slug>.md with its permalink and the preview keys",
          "commented out. Refuses to overwrite a file."},
      footerHeading = "%nExamples:%n",
      footer = {"  site new post \"Version 2.0 released\"",
          "  -> content/blog/20261127-version-2-0-released.md"})
  static final class Post implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TITLE", description = "The post's title.")
    String title;

    @Mixin
    SourceOption where;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of the post (default: today, in site.yml's timezone).")
    LocalDate date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Path root = where.root();
      SiteConfig config = SiteConfig.load(root, new Problems());
      // today where the site is, as site build and site publish count it
      LocalDate day = date == null ? LocalDate.now(config.timezone()) : date;
      String stem = day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + Slugs.of(title);
      String dir = config.blog().dir();
      String text = Drafting.newDraft(layout("article"), title, day, "/" + dir + "/" + stem + ".html", stem, true);
      String sitePath = dir + "/" + stem + ".md";
      return create(spec, root, config.mounts().repoPathFor(sitePath).orElse(SiteConfig.CONTENT + "/" + sitePath), text);
    }
  }

  @Command(name = "doc", mixinStandardHelpOptions = true,
      description = {"Creates a draft docs page.",
          "Writes content/docs/<PATH>.md with its permalink. Refuses to overwrite a file."},
      footerHeading = "%nExamples:%n",
      footer = {"  site new doc guide/setup \"Setup\"", "  -> content/docs/guide/setup.md"})
  static final class Doc implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "Path under content/docs/, without .md.")
    String path;

    @Parameters(index = "1", paramLabel = "TITLE", description = "The page's title.")
    String title;

    @Mixin
    SourceOption where;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Path root = where.root();
      String clean = path.replace('\\', '/').replaceAll("^/+|\\.md$|/+$", "");
      if (clean.isEmpty() || clean.contains("..")) {
        new Console(spec.commandLine(), verbosity).error("site new doc: PATH must stay under content/docs/: " + path);
        return Main.USAGE;
      }
      String stem = clean.substring(clean.lastIndexOf('/') + 1);
      SiteConfig config = SiteConfig.load(root, new Problems());
      String text = Drafting.newDraft(layout("doc"), title, LocalDate.now(config.timezone()), "/docs/" + clean + ".html",
          stem, false);
      String sitePath = "docs/" + clean + ".md";
      return create(spec, root, config.mounts().repoPathFor(sitePath).orElse(SiteConfig.CONTENT + "/" + sitePath), text);
    }
  }
}
