package io.sitegen.serve;

import com.sun.net.httpserver.HttpServer;
import io.sitegen.config.SiteConfig;
import io.sitegen.data.DataFiles;
import io.sitegen.content.Page;
import io.sitegen.pipeline.BuildOptions;
import io.sitegen.pipeline.BuildResult;
import io.sitegen.output.MemoryOutput;
import io.sitegen.pipeline.Session;
import io.sitegen.problems.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The preview server: builds the site into memory, serves it (on loopback unless told otherwise),
 * rebuilds what each save touches and tells the browser to reload. A build with errors leaves the
 * last good site served and shows the errors over the page. Nothing is read from or written to the
 * output folder.
 *
 * <p>It wires three parts together: the site in memory ({@link MemoryOutput}), what the browsers
 * are told ({@link LiveReload}) and what a request is answered ({@link Routes}).
 */
public final class PreviewServer implements AutoCloseable {
  private final Session session;
  private final PrintWriter log;
  /** The last good site; a failed build's changes wait in it for the next good one. */
  private final MemoryOutput site = new MemoryOutput();
  private final LiveReload reload;
  /** The output paths of the drafts in the last good site: they are served with a banner. */
  private volatile Set<String> drafts = Set.of();
  /** The output paths of the pages scheduled for later in the last good site, with their dates: a banner says so. */
  private volatile Map<String, String> scheduled = Map.of();
  /** The sub-path of baseUrl in the last good site, which the preview serves it under too. */
  private volatile String basePath = "";
  private final HttpServer http;
  private final Watcher watcher;

  /**
   * Builds the site and starts serving it.
   *
   * @param host the address to bind: 127.0.0.1 unless the user asks for another
   */
  public PreviewServer(BuildOptions options, String host, int port, PrintWriter log) throws IOException {
    Path root = options.root().toAbsolutePath().normalize();
    this.reload = new LiveReload(root);
    this.log = log;
    this.session = new Session(options, true);
    rebuild(null);
    this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
    if (!http.getAddress().getAddress().isLoopbackAddress()) {
      log.println(exposureWarning(host, options.drafts()));
      log.flush();
    }
    http.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sitegen-http");
      t.setDaemon(true);
      return t;
    }));
    http.createContext("/", new Routes(http.getAddress(), site, reload, () -> drafts, () -> scheduled,
        () -> basePath)::handle);
    http.start();
    // every mount is watched: the mounts named when the server started (a new mount needs a restart)
    SiteConfig config = SiteConfig.load(root, new io.sitegen.problems.Problems());
    List<Path> watched = new java.util.ArrayList<>(config.contentDirs());
    watched.addAll(List.of(root.resolve(SiteConfig.LAYOUTS), root.resolve(SiteConfig.ASSETS), DataFiles.folder(root),
        config.stringsDir()));
    // data/ and i18n/ are named as files of the root too, so that each folder is watched once it is made
    // (an i18nDir deeper in the site, once its top folder is)
    String strings = config.stringsFolder().split("/")[0];
    this.watcher = new Watcher(root, watched, Set.of("site.yml", DataFiles.FOLDER, strings), this::rebuild, log);
  }

  /** Said once when the preview is reachable from other machines, which also lifts the Host check. */
  static String exposureWarning(String host, boolean drafts) {
    return "warning: serving on " + host + ": other machines on the network can read every page"
        + (drafts ? ", drafts included" : "");
  }

  /** The port the server listens on (useful when asked for port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  public String address() {
    return http.getAddress().getAddress().getHostAddress();
  }

  /** The sub-path the site is served under ({@code /project}), or "": from baseUrl, as the last good build read it. */
  public String basePath() {
    return basePath;
  }

  /** How many browsers listen for reloads. */
  int listeners() {
    return reload.listeners();
  }

  /** When the last reload or error event was sent, from System.nanoTime(); for benchmarks. */
  public long lastEventNanos() {
    return reload.lastEventNanos();
  }

  private void rebuild(Set<Path> changed) {
    rebuild(changed, () -> changed == null ? session.build(site) : session.update(changed, site));
  }

  /**
   * @param changed the files saved; null for the first build
   * @param attempt the build itself; a test passes one that fails
   */
  synchronized void rebuild(Set<Path> changed, Supplier<BuildResult> attempt) {
    BuildResult result;
    try {
      result = attempt.get();
    } catch (ThreadDeath death) {
      throw death;
    } catch (Throwable t) {
      // Even an Error from a hostile input (2,000 nested lists overflow the parser's stack) must
      // not end the watcher thread: the next save would never be rebuilt. The stack is unwound by
      // now, so reporting is safe; the trace would only bury the one line that matters.
      if (Thread.currentThread().isInterrupted()) return; // closing: the failure is the interrupt's
      String why = "rebuild failed: " + describe(t);
      log.println("site serve: " + why + "; still serving the last good build; fix the file and save again");
      log.flush();
      reload.failed(List.of(why));
      return;
    }
    for (Problem p : result.problems()) log.println(p);
    if (result.ok()) {
      if (changed != null) log.println("rebuilt in " + result.millis() + " ms");
      site.commit();
      Map<String, Page> published = session.publishedByOutput();
      drafts = draftsOf(published);
      scheduled = scheduledOf(published);
      basePath = session.basePath();
      reload.succeeded(changed);
    } else {
      // No commit: the last good site stays served, and this build's changes wait for the next.
      log.println("build failed: still serving the last good build");
      reload.failed(result.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
    }
    log.flush();
  }

  private static Set<String> draftsOf(Map<String, Page> published) {
    Set<String> paths = new HashSet<>();
    for (Map.Entry<String, Page> e : published.entrySet()) {
      if (e.getValue().draft() && !e.getValue().scheduled()) paths.add(e.getKey());
    }
    return paths;
  }

  /** The pages dated after now, by output path, with when they are published. */
  private static Map<String, String> scheduledOf(Map<String, Page> published) {
    Map<String, String> dates = new java.util.HashMap<>();
    for (Map.Entry<String, Page> e : published.entrySet()) {
      if (e.getValue().scheduled()) dates.put(e.getKey(), e.getValue().publishedOn());
    }
    return dates;
  }

  /** A failure in words, on one line. */
  static String describe(Throwable t) {
    if (t instanceof StackOverflowError) return "stack overflow (input nested too deeply?)";
    if (t instanceof OutOfMemoryError) return "out of memory (input too large?)";
    String line = t.toString().replaceAll("\\s*\\R\\s*", " ");
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }

  @Override
  public void close() {
    watcher.close();
    reload.close();
    http.stop(0);
  }
}
