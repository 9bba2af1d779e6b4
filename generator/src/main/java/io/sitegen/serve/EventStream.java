package io.sitegen.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One browser's Server-Sent Events connection, written to by the build and read by the browser. */
final class EventStream {
  private final OutputStream out;
  private final Object closed = new Object();
  private boolean open = true;

  EventStream(OutputStream out) {
    this.out = out;
  }

  /** @return false once the browser has gone away: the caller stops sending to it */
  synchronized boolean send(String event, String data) {
    if (!open) return false;
    try {
      out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      close();
      return false;
    }
  }

  /**
   * Holds the request's thread until the connection closes. A ping every 15 seconds finds a
   * browser that went away without a word.
   */
  void awaitClose() {
    synchronized (closed) {
      while (isOpen()) {
        try {
          closed.wait(15_000);
        } catch (InterruptedException e) {
          return;
        }
        if (!send("ping", "{}")) return;
      }
    }
  }

  private synchronized boolean isOpen() {
    return open;
  }

  void close() {
    synchronized (this) {
      open = false;
    }
    synchronized (closed) {
      closed.notifyAll();
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // the browser went away
    }
  }
}
