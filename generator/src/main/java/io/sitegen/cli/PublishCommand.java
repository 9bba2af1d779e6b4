package io.sitegen.cli;

import io.sitegen.config.SiteConfig;
import io.sitegen.config.Text;
import io.sitegen.content.Drafting;
import io.sitegen.files.SiteFiles;
import io.sitegen.pipeline.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Publishes a draft, then checks the site.",
        "Removes 'draft: true' and sets 'date' in its front matter, changing nothing else in the file.",
        "A date after today (in site.yml's timezone) schedules the page: site build leaves it out until that day.",
        "Refuses a file that is not a draft."},
    footerHeading = "%nExamples:%n",
    footer = {"  site publish content/blog/20261211-version-2.md",
        "  site publish content/blog/20261211-version-2.md --date 2026-12-11"})
final class PublishCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The draft's Markdown file.")
  Path file;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Publication date (default: today, in site.yml's timezone); a later day schedules the page.")
  LocalDate date;

  @Mixin
  SourceOption where;

  @Option(names = "--strict", description = "Treat warnings, such as a missing anchor, as errors in the check.")
  boolean strict;

  @Option(names = "--no-cache", description = "Check without reading or writing .site-cache/.")
  boolean noCache;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine(), verbosity);
    Path root = where.root();
    Path path = file.isAbsolute() ? file : root.resolve(file);
    String name = root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    if (!Files.isRegularFile(path)) {
      console.error(name + ": no such file");
      return Main.CONTENT_ERRORS;
    }
    SiteConfig config = SiteConfig.load(root, new io.sitegen.problems.Problems());
    SiteFiles files = SiteFiles.of(config, root.resolve(OutputFolder.DEFAULT));
    if (config.contentDirs().stream().noneMatch(dir -> files.lookup(dir, name) == SiteFiles.Lookup.FOUND)
        || config.mounts().sitePathOf(name).isEmpty()) {
      console.error(name + ": not a page of this site; publish edits Markdown files under content/ only");
      return Main.USAGE;
    }
    LocalDate day = date == null ? LocalDate.now(config.timezone()) : date;
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text = new String(bytes, StandardCharsets.UTF_8);
      Text.decode(bytes); // refuses what is not UTF-8 before anything is written
      String published = Drafting.publish(text, day);
      Files.writeString(path, published, StandardCharsets.UTF_8);
      staleDates(name, published, day).forEach(console::note);
    } catch (Drafting.NotADraft e) {
      console.error(name + ": " + e.getMessage());
      return Main.CONTENT_ERRORS;
    } catch (IOException e) {
      console.error(name + ": cannot publish: " + e.getMessage());
      return Main.CONTENT_ERRORS;
    }
    if (day.atStartOfDay(config.timezone()).toInstant().isAfter(java.time.Instant.now())) {
      // dated after today: a draft until that day, as a scheduled page is
      console.print("published " + name + ", scheduled for " + day + ": site build leaves it out until then"
          + " (--future includes it now)");
    } else {
      console.print("published " + name);
    }
    return checkAfter(console);
  }

  private static final java.util.regex.Pattern DAY =
      java.util.regex.Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");

  /**
   * Where a published page still holds another day than its publication day: its file name, its
   * permalink, its body (a draft made days before often says when it was meant to come out).
   */
  static java.util.List<String> staleDates(String name, String text, LocalDate day) {
    java.util.List<String> notes = new java.util.ArrayList<>();
    String file = name.substring(name.lastIndexOf('/') + 1);
    java.util.regex.Matcher m = DAY.matcher(file);
    if (m.find() && !isDay(m, day)) {
      notes.add(name + ": the file name still holds " + m.group() + "; rename it for " + day + " if it should");
    }
    int close = text.indexOf("\n---", 3);
    String frontMatter = close < 0 ? text : text.substring(0, close);
    String body = close < 0 ? "" : text.substring(close + 4);
    for (String line : frontMatter.split("\\R")) {
      if (!line.startsWith("permalink:")) continue;
      java.util.regex.Matcher p = DAY.matcher(line);
      if (p.find() && !isDay(p, day)) {
        notes.add(name + ": its permalink still holds " + p.group() + "; change it for " + day + " if it should");
      }
    }
    java.util.regex.Matcher b = DAY.matcher(body);
    while (b.find()) {
      if (!isDay(b, day)) {
        notes.add(name + ":" + io.sitegen.config.Text.lineAt(text, close + 4 + b.start()) + ": its text still says "
            + b.group() + "; the page is published on " + day);
        break;
      }
    }
    return notes;
  }

  private static boolean isDay(java.util.regex.Matcher m, LocalDate day) {
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          .equals(day);
    } catch (java.time.DateTimeException e) {
      return true; // not a date: nothing to say
    }
  }

  private int checkAfter(Console console) {
    // the check of a published site: its drafts stay out, as a build leaves them
    SiteOptions site = new SiteOptions();
    site.where = where;
    site.strict = strict;
    site.noCache = noCache;
    return CheckCommand.run(console, site);
  }
}
