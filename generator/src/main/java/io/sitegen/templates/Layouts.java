package io.sitegen.templates;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.sitegen.files.SiteFiles;
import io.sitegen.problems.Problem;
import io.sitegen.problems.Problems;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's Pebble layouts. Layout names are paths from the site root
 * ({@code layouts/article.html}), and so are the names used by {@code extends} and
 * {@code include}. Output is HTML-escaped unless a value is marked safe; page content is passed
 * in as a value, so text written in a post is never run as template code.
 */
public final class Layouts {
  private final Path root;
  private final SiteFiles files;
  private final Path folder;
  private final PebbleEngine engine;
  private final UrlFilters urls;
  private final I18n i18n = new I18n();

  /**
   * @param folder the layouts folder: every template is read from it only
   * @param files  the rule for reading files, links included
   */
  public Layouts(Path root, Path folder, SiteFiles files) {
    this(root, folder, files, "", "");
  }

  /**
   * @param baseUrl  the site's address, for {@code absoluteUrl}
   * @param basePath the sub-path it is served under ({@code /project}), for {@code url}
   */
  public Layouts(Path root, Path folder, SiteFiles files, String baseUrl, String basePath) {
    this.root = root;
    this.files = files;
    this.folder = folder;
    FileLoader loader = new ConfinedLoader();
    loader.setPrefix(root.toAbsolutePath().toString());
    loader.setCharset("UTF-8");
    this.engine = new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .strictVariables(false)
        .newLineTrimming(false)
        .cacheActive(true)
        .extension(urls = new UrlFilters(baseUrl, basePath))
        .extension(i18n)
        .build();
  }

  /**
   * Tells the {@code exists} function what the site's outputs are: {@code serves} takes a URL path
   * from the site's root, without the sub-path.
   */
  public void serving(java.util.function.Predicate<String> serves) {
    urls.serving(serves);
  }

  /** Gives the {@code i18n} function the site's string tables. */
  public void strings(io.sitegen.data.StringTables tables) {
    i18n.tables(tables);
  }

  /** What a question a rendering asked ({@link Result#asked}) is answered now. */
  public boolean answer(String question) {
    return urls.answer(question);
  }

  /**
   * Why {@code layout}, a path from the site root, cannot be rendered, or null when it can: it
   * must name a file inside {@code layouts/}, after links are followed.
   */
  public String problemWith(String layout) {
    return problems.computeIfAbsent(layout, name -> switch (files.lookup(folder, name)) {
      case FOUND -> "";
      case MISSING -> "layout not found: " + name;
      case OUTSIDE -> "layout " + name + " is outside layouts/; layouts are read from layouts/ only";
    }).transform(p -> p.isEmpty() ? null : p);
  }

  /** What {@link #problemWith} found for each layout ("" for none), until {@link #forgetCompiled}: asked once per page. */
  private final Map<String, String> problems = new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether the layout file exists inside {@code layouts/}. */
  public boolean exists(String layout) {
    return problemWith(layout) == null;
  }

  /**
   * Pebble's file loader, refusing every name (from a page's layout, {@code extends},
   * {@code include}, {@code import}, {@code embed}) that leads outside {@code layouts/}.
   */
  private final class ConfinedLoader extends FileLoader {
    @Override
    public java.io.Reader getReader(String templateName) {
      String name = templateName.startsWith("/") ? templateName.substring(1) : templateName;
      if (files.lookup(folder, name) == SiteFiles.Lookup.OUTSIDE) {
        throw new Outside(templateName);
      }
      return super.getReader(templateName);
    }

    @Override
    public boolean resourceExists(String templateName) {
      String name = templateName.startsWith("/") ? templateName.substring(1) : templateName;
      return files.lookup(folder, name) == SiteFiles.Lookup.FOUND;
    }
  }

  /**
   * Renders {@code layout} with {@code context}, or returns the problem located in the layout.
   *
   * @param forSource the page being rendered, named in runtime errors
   */
  public Result render(String layout, Map<String, Object> context, String forSource) {
    Map<String, Boolean> asked = new java.util.TreeMap<>();
    UrlFilters.ASKED.set(asked);
    I18n.Rendering rendering = I18n.Rendering.of(context);
    I18n.RENDERING.set(rendering);
    try {
      PebbleTemplate template = engine.getTemplate(layout);
      StringWriter out = new StringWriter(8192);
      // in the page's language (page.lang): the date filter names months and days in it
      if (rendering.pageLang() != null) {
        template.evaluate(out, context, java.util.Locale.forLanguageTag(rendering.pageLang()));
      } else {
        template.evaluate(out, context);
      }
      return new Result(out.toString(), null, asked, warnings(layout, rendering.misses()));
    } catch (ParserException e) {
      return new Result(null, problem(e, layout, "template syntax: "), asked);
    } catch (PebbleException e) {
      Problem p = problem(e, layout, "template: ");
      return new Result(null, Problem.error(p.file(), p.line(), p.column(),
          p.message() + " (rendering " + forSource + ")"), asked);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // A filter or function failed without Pebble locating it: name the layout at least.
      String reason = e.getMessage() == null ? "a filter or function failed" : e.getMessage().strip();
      return new Result(null, Problem.error(layout, 0,
          "template: " + reason + " (rendering " + forSource + ")"), asked);
    } finally {
      UrlFilters.ASKED.remove();
      I18n.RENDERING.remove();
    }
  }

  /** The warnings of the keys a rendering of {@code layout} found no text for, each once, located in its files. */
  private List<Problem> warnings(String layout, List<I18n.Miss> misses) {
    if (misses.isEmpty()) return List.of();
    Set<Problem> found = new LinkedHashSet<>();
    for (I18n.Miss miss : misses) {
      Where where = whereCalled(layout, "i18n", miss.key(), miss.template(), miss.line());
      found.add(Problem.warning(where.file(), where.line(), miss.message()));
    }
    return List.copyOf(found);
  }

  private Problem problem(PebbleException e, String layout, String prefix) {
    String file = e.getFileName() == null ? layout : relative(e.getFileName());
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    if (line <= 0) line = lineNaming(file, e);
    String message = e.getPebbleMessage();
    if (message == null && e.getCause() != null) message = e.getCause().getMessage();
    // Pebble names the end of the file as the character NUL, on the line after the last
    String text = source(file);
    int lines = text.isEmpty() ? 0 : (int) text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") ? 0 : 1);
    if (lines > 0 && line > lines) line = lines;
    String told = message == null ? "error" : message.strip().replace("[\0]", "[the end of the file]")
        .replaceAll("\\p{Cntrl}", "?");
    return Problem.error(file, Math.max(line, 0), prefix + told);
  }

  /**
   * Pebble gives no line when its loader refuses a name: the line of the layout where the refused
   * name is written, or 0.
   */
  private int lineNaming(String file, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Outside outside) {
        String text = source(file);
        int at = text.indexOf(outside.name);
        return at < 0 ? 0 : io.sitegen.config.Text.lineAt(text, at);
      }
    }
    return 0;
  }

  /** A name the loader refused because it leads outside {@code layouts/}. */
  private static final class Outside extends LoaderException {
    final String name;

    Outside(String name) {
      super(null, name + " is outside layouts/; templates are read from layouts/ only");
      this.name = name;
    }
  }

  private String relative(String name) {
    Path p = Path.of(name);
    if (p.isAbsolute() && p.startsWith(root.toAbsolutePath())) {
      return root.toAbsolutePath().relativize(p).toString().replace('\\', '/');
    }
    return name;
  }

  /** Forgets every compiled template, after a layout file changed on disk. */
  public void forgetCompiled() {
    engine.getTemplateCache().invalidateAll();
    engine.getTagCache().invalidateAll();
    sources.clear();
    fingerprints.clear();
    problems.clear();
    mentioned.clear();
    written.clear();
  }

  /** Template texts read for {@link #filesOf} and {@link #mentions}: a build asks once per page. */
  private final Map<String, String> sources = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The files a layout is made of: itself and every template it extends, includes, imports or
   * embeds, transitively, as paths from the site root. Read from the template text, so that a
   * change to one of them re-renders only the pages that use it. A reference whose name is worked
   * out while rendering ({@code {% include page.partial %}}) could be any file: then every file
   * under {@code layouts/} is one of them.
   */
  public Set<String> filesOf(String layout) {
    Set<String> files = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(layout));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!files.add(name)) continue;
      String text = source(name);
      Matcher m = KEYWORD.matcher(text);
      while (m.find()) {
        Matcher ref = NAMED.matcher(text).region(m.end(), text.length());
        if (!ref.lookingAt()) {
          files.addAll(allFiles());
          return files;
        }
        String named = ref.group(2);
        if (named.startsWith("./") || named.startsWith("../")) {
          named = Path.of(name).resolveSibling(named).normalize().toString().replace('\\', '/');
        }
        todo.push(named);
      }
    }
    return files;
  }

  /**
   * A digest of the text of every file the layout is made of ({@link #filesOf}): two renderings of
   * a layout with the same fingerprint and the same values make the same page.
   */
  public String fingerprint(String layout) {
    return fingerprints.computeIfAbsent(layout, name -> {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String file : new TreeSet<>(filesOf(name))) {
          for (String part : List.of(file, source(file))) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
          }
        }
        return HexFormat.of().formatHex(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private final Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

  /** Every file under {@code layouts/}, as paths from the site root. */
  private List<String> allFiles() {
    String prefix = root.relativize(folder).toString().replace('\\', '/') + "/";
    return files.list(folder, new Problems()).stream().map(rel -> prefix + rel).toList();
  }

  /** Whether any file of the layout names the variable {@code name}, e.g. {@code posts}. */
  public boolean mentions(String layout, String name) {
    return mentioned.computeIfAbsent(layout + "\0" + name, k -> {
      Pattern word = Pattern.compile("(?<![.\\w])" + Pattern.quote(name) + "\\b");
      for (String file : filesOf(layout)) {
        if (word.matcher(source(file)).find()) return true;
      }
      return false;
    });
  }

  /** Whether any file of the layout has {@code text} in it, e.g. {@code page.previous}. */
  public boolean writes(String layout, String text) {
    return mentioned.computeIfAbsent(layout + "\1" + text, k -> {
      for (String file : filesOf(layout)) {
        if (source(file).contains(text)) return true;
      }
      return false;
    });
  }

  /** What {@link #mentions} found, until {@link #forgetCompiled}: asked for every page. */
  private final Map<String, Boolean> mentioned = new java.util.concurrent.ConcurrentHashMap<>();

  private String source(String name) {
    return sources.computeIfAbsent(name, this::read);
  }

  private String read(String name) {
    try {
      return files.lookup(folder, name) == SiteFiles.Lookup.FOUND ? Files.readString(root.resolve(name)) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Where a link of a rendered page was written: a file of its layout and a line, 0 when no attribute matches. */
  public record Where(String file, int line) {}

  /**
   * The attribute of {@code layout}'s files that most likely wrote {@code url}: one with that very
   * value, else one naming it as a quoted string ({@code {{ "/docs/" | url }}}), else the first whose
   * text around its expressions fits it ({@code {{ post.url }}} fits any).
   *
   * @param basePath the sub-path the site is served under, which the rendered URL may start with
   */
  public Where whereWritten(String layout, String url, String basePath) {
    return written.computeIfAbsent(layout + "\0" + url + "\0" + basePath, k -> {
      String bare = !basePath.isEmpty() && url.startsWith(basePath + "/") ? url.substring(basePath.length()) : url;
      Where best = new Where(layout, 0);
      int bestScore = 0;
      for (String file : filesOf(layout)) {
        String text = source(file);
        Matcher m = LINK_ATTRIBUTE.matcher(text);
        while (m.find()) {
          String value = attributeValue(text, m.end());
          int score = score(value, url, bare);
          if (score > bestScore) {
            bestScore = score;
            best = new Where(file, io.sitegen.config.Text.lineAt(text, m.start() + 1));
          }
        }
      }
      return best;
    });
  }

  private final Map<String, Where> written = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Where {@code layout}'s files call {@code function} with {@code argument} written as a quoted
   * string ({@code i18n("nav.docs")}): the call on the line Pebble gives, when it is written there;
   * else the first such call in the file Pebble names, else in any file of the layout. A call whose
   * argument is worked out while rendering is at the line Pebble gives, or line 0 of the layout.
   *
   * @param template the template Pebble was running, as it names it, or null
   * @param line     the line Pebble gives, or 0
   */
  private Where whereCalled(String layout, String function, String argument, String template, int line) {
    String file = template == null ? null : template.startsWith("/") ? template.substring(1) : relative(template);
    return written.computeIfAbsent(layout + "\2" + function + "\0" + argument + "\0" + file + "\0" + line, k -> {
      Pattern call = Pattern.compile("(?<![.\\w])" + Pattern.quote(function) + "\\s*\\(\\s*(?:\\w+\\s*=\\s*)?([\"'])"
          + Pattern.quote(argument) + "\\1");
      Where inFile = null;
      Where anywhere = null;
      for (String name : filesOf(layout)) {
        String text = source(name);
        Matcher m = call.matcher(text);
        while (m.find()) {
          Where at = new Where(name, io.sitegen.config.Text.lineAt(text, m.start()));
          if (name.equals(file) && at.line() == line) return at;
          if (inFile == null && name.equals(file)) inFile = at;
          if (anywhere == null) anywhere = at;
        }
      }
      if (inFile != null) return inFile;
      if (anywhere != null) return anywhere;
      return file != null && line > 0 && filesOf(layout).contains(file) ? new Where(file, line) : new Where(layout, 0);
    });
  }

  private static final Pattern LINK_ATTRIBUTE = Pattern.compile("(?i)[\\s\"'](?:href|src)\\s*=\\s*");
  private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}", Pattern.DOTALL);

  /** How well an attribute's template fits a rendered URL: 4 written as it is, 3 quoted in it, 2 or 1 fits, 0 not. */
  private static int score(String template, String url, String bare) {
    if (template.equals(url) || template.equals(bare)) return 4;
    if (template.contains("\"" + bare + "\"") || template.contains("'" + bare + "'")) return 3;
    StringBuilder regex = new StringBuilder();
    Matcher e = EXPRESSION.matcher(template);
    int at = 0;
    boolean literal = false;
    while (e.find()) {
      if (e.start() > at) literal = true;
      regex.append(Pattern.quote(template.substring(at, e.start()))).append(".*");
      at = e.end();
    }
    if (at < template.length()) literal = true;
    regex.append(Pattern.quote(template.substring(at)));
    if (!Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(url).matches()) return 0;
    return literal ? 2 : 1;
  }

  /** The value of an attribute starting at {@code from}: quoted (a quote inside {{ }} does not end it) or bare. */
  private static String attributeValue(String text, int from) {
    if (from >= text.length()) return "";
    char quote = text.charAt(from);
    boolean quoted = quote == '"' || quote == '\'';
    int i = quoted ? from + 1 : from;
    StringBuilder value = new StringBuilder();
    while (i < text.length()) {
      if (text.startsWith("{{", i) || text.startsWith("{%", i)) {
        int end = text.indexOf(text.charAt(i + 1) == '{' ? "}}" : "%}", i + 2);
        if (end < 0) break;
        value.append(text, i, end + 2);
        i = end + 2;
        continue;
      }
      char c = text.charAt(i);
      if (quoted ? c == quote : Character.isWhitespace(c) || c == '>') break;
      value.append(c);
      i++;
    }
    return value.toString();
  }

  /** A tag that names another template. */
  private static final Pattern KEYWORD = Pattern.compile("\\{%-?\\s*(extends|include|import|embed|from)\\b\\s*");
  /** What follows {@link #KEYWORD} when the name is written out: a quoted name, then the tag goes on or ends. */
  private static final Pattern NAMED =
      Pattern.compile("\\(?\\s*([\"'])/?([^\"']+)\\1\\s*\\)?\\s*(-?%\\}|with\\b|only\\b|as\\b|import\\b)");

  /**
   * Either the rendered text or the problem that stopped it.
   *
   * @param asked    what the rendering asked of the site's outputs ({@code exists}, {@code url}), with
   *                 the answers it got: {@link #answer} tells whether they still hold
   * @param warnings what the rendering found wrong without failing: keys {@code i18n} has no text
   *                 for in the page's language, located in the layout's files
   */
  public record Result(String html, Problem problem, Map<String, Boolean> asked, List<Problem> warnings) {
    public Result(String html, Problem problem, Map<String, Boolean> asked) {
      this(html, problem, asked, List.of());
    }
  }
}
