package io.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the browsers showing the preview are told: "reload" after each good build, "build-error"
 * with the errors of a failed one, each with the lines of the site's file around the line it names.
 * Good builds are counted; a page carries the number it was built by, so a late client can catch up.
 */
final class LiveReload implements AutoCloseable {
  static final String NO_ERRORS = "{\"errors\":[]}";

  /** Where the files the errors name live; null when unknown, and then no source lines are shown. */
  private final Path root;
  private final List<EventStream> clients = new CopyOnWriteArrayList<>();
  /**
   * The errors of the current build as the overlay reads them. One field, not the list and its
   * JSON apart: a browser connecting while a build ends must not get the one without the other.
   */
  private volatile String errorsJson = NO_ERRORS;
  private volatile long lastEventNanos;
  private volatile int build;

  /** @param root the site root, which the files named by the errors are relative to */
  LiveReload(Path root) {
    this.root = root;
  }

  /** The number of the last good build, which each served page carries. */
  int build() {
    return build;
  }

  /** How many browsers listen. */
  int listeners() {
    return clients.size();
  }

  /** When the last reload or error event was sent, from System.nanoTime(). */
  long lastEventNanos() {
    return lastEventNanos;
  }

  /**
   * A good build: the errors are gone, and the browsers reload. Only the style sheets are swapped
   * when nothing but CSS changed, unless an error overlay is up: the whole page must go then.
   *
   * @param changed what the build was for; null for the first build, which no browser has seen
   */
  void succeeded(Set<Path> changed) {
    boolean wasBroken = broken();
    errorsJson = NO_ERRORS;
    build++;
    if (changed == null) return;
    boolean cssOnly = !wasBroken && changed.stream().allMatch(p -> p.toString().endsWith(".css"));
    broadcast("reload", "{\"cssOnly\":" + cssOnly + "}");
  }

  /**
   * A failed build: each browser shows its errors over the last good page, with the lines around
   * each error's line. The files are read now, once, not on each browser's request.
   *
   * @param errors as {@link io.sitegen.problems.Problem#toString()} writes them: {@code file:line: message}
   */
  void failed(List<String> errors) {
    errorsJson = errorsJson(errors, root);
    broadcast("build-error", errorsJson);
  }

  /**
   * The errors of the current build, as the client's overlay reads them: {@code {"errors":[...]}},
   * each {@code {"message":...}} and, when it names a line of a readable file of the site, also
   * {@code "file"}, {@code "line"} and {@code "context"}, the lines around it: {@code [{"line":N,"text":...}]}.
   */
  String errorsJson() {
    return errorsJson;
  }

  private boolean broken() {
    return !errorsJson.equals(NO_ERRORS);
  }

  static String errorsJson(List<String> errors, Path root) {
    StringBuilder json = new StringBuilder("{\"errors\":[");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) json.append(',');
      String message = errors.get(i);
      json.append("{\"message\":\"").append(jsonEscape(message)).append('"');
      // each error costs a file read: past the first few, which is what a person fixes first, none
      Located at = i < Located.MAX_ERRORS_WITH_SOURCE ? Located.of(message) : null;
      List<Line> context = at == null ? List.of() : Located.context(root, at);
      if (!context.isEmpty()) {
        json.append(",\"file\":\"").append(jsonEscape(at.file())).append("\",\"line\":").append(at.line())
            .append(",\"context\":[");
        for (int j = 0; j < context.size(); j++) {
          if (j > 0) json.append(',');
          json.append("{\"line\":").append(context.get(j).number())
              .append(",\"text\":\"").append(jsonEscape(context.get(j).text())).append("\"}");
        }
        json.append(']');
      }
      json.append('}');
    }
    return json.append("]}").toString();
  }

  /** One line of a source file, as the overlay shows it. */
  record Line(int number, String text) {}

  /** Where an error points: a file relative to the site root, and a 1-based line in it. */
  record Located(String file, int line) {
    static final int MAX_ERRORS_WITH_SOURCE = 10;
    /** Lines shown before and after the error's line. */
    static final int AROUND = 3;
    /** Longer lines are cut: a minified file would fill the overlay with one line. */
    static final int MAX_LINE = 300;
    /** Bigger files are not read: the overlay must come up at once, whatever the site holds. */
    static final long MAX_BYTES = 1 << 20;
    /** {@code file:line: } or {@code file:line:column: } at the start, as Problem writes them. */
    private static final Pattern WHERE = Pattern.compile("^([^\\n]+?):([1-9][0-9]{0,8})(?::[0-9]+)?: ");

    /** Where a message points, or null when it names no line of a file. */
    static Located of(String message) {
      Matcher m = WHERE.matcher(message);
      return m.find() ? new Located(m.group(1), Integer.parseInt(m.group(2))) : null;
    }

    /**
     * The lines around {@code at}, or none when the file cannot be read safely: the root unknown,
     * the file outside it (by its name or through a link), too big, not there or shorter than the
     * line. The errors come from the site's own files, but a browser must not be shown more than
     * the site holds, whatever a message names.
     */
    static List<Line> context(Path root, Located at) {
      if (root == null) return List.of();
      try {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(at.file()).normalize();
        if (!file.startsWith(base) || file.equals(base)) return List.of();
        Path real = file.toRealPath();
        if (!real.startsWith(base.toRealPath()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) return List.of();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
          // read one byte past the limit rather than trust the size: the file may grow meanwhile
          bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) return List.of();
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (at.line() > lines.size()) return List.of();
        List<Line> out = new ArrayList<>();
        for (int n = Math.max(1, at.line() - AROUND); n <= Math.min(lines.size(), at.line() + AROUND); n++) {
          out.add(new Line(n, cut(lines.get(n - 1))));
        }
        return out;
      } catch (IOException | RuntimeException e) {
        return List.of(); // an error with no lines shown is still shown
      }
    }

    private static String cut(String line) {
      if (line.length() <= MAX_LINE) return line;
      int end = Character.isHighSurrogate(line.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
      return line.substring(0, end) + "\u2026";
    }
  }

  /**
   * Answers a browser's request for events and holds it open until the browser goes away.
   *
   * @param query the request's raw query: {@code since=N} names the build the page was made by
   */
  void listen(HttpExchange exchange, String query) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    EventStream stream = new EventStream(exchange.getResponseBody());
    clients.add(stream);
    stream.send("hello", "{}");
    // A page that loaded before the latest build, or while a build is broken, hears of it
    // as soon as it connects: nothing that happened between loading and connecting is lost.
    String errors = errorsJson;
    if (!errors.equals(NO_ERRORS)) stream.send("build-error", errors);
    else if (query != null && query.startsWith("since=") && !query.equals("since=" + build)) {
      stream.send("reload", "{\"cssOnly\":false}");
    }
    stream.awaitClose();
    clients.remove(stream);
  }

  private void broadcast(String event, String data) {
    lastEventNanos = System.nanoTime();
    for (EventStream client : clients) {
      if (!client.send(event, data)) clients.remove(client);
    }
  }

  /** A string's text inside a JSON string literal; {@code < > &} too are written as escapes. */
  static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** Closes every browser's connection, which ends the requests that hold them. */
  @Override
  public void close() {
    for (EventStream client : clients) client.close();
  }
}
