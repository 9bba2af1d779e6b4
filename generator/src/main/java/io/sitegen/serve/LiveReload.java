package io.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the browsers showing the preview are told: "reload" after each good build, "build-error"
 * with the errors of a failed one. Good builds are counted; a page carries the number it was built
 * by, so a late client can catch up.
 */
final class LiveReload implements AutoCloseable {
  private final List<EventStream> clients = new CopyOnWriteArrayList<>();
  private volatile List<String> errors = List.of();
  private volatile long lastEventNanos;
  private volatile int build;

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
    boolean wasBroken = !errors.isEmpty();
    errors = List.of();
    build++;
    if (changed == null) return;
    boolean cssOnly = !wasBroken && changed.stream().allMatch(p -> p.toString().endsWith(".css"));
    broadcast("reload", "{\"cssOnly\":" + cssOnly + "}");
  }

  /** A failed build: each browser shows its errors over the last good page. */
  void failed(List<String> errors) {
    this.errors = List.copyOf(errors);
    broadcast("build-error", errorsJson());
  }

  /** The errors of the current build, as the client's overlay reads them: {"errors":[...]}. */
  String errorsJson() {
    List<String> now = errors;
    StringBuilder json = new StringBuilder("{\"errors\":[");
    for (int i = 0; i < now.size(); i++) {
      if (i > 0) json.append(',');
      json.append('"').append(jsonEscape(now.get(i))).append('"');
    }
    return json.append("]}").toString();
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
    if (!errors.isEmpty()) stream.send("build-error", errorsJson());
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
