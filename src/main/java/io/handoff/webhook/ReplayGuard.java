package io.handoff.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers delivery ids seen within a window so a webhook redelivered by the sender (a retry after
 * a slow answer) is applied once. Bounded in time and size; per process.
 */
public final class ReplayGuard {

  private static final int MAX_ENTRIES = 50_000;

  private final Duration window;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  public ReplayGuard(Duration window) {
    this.window = window;
  }

  /** True the first time {@code id} is seen within the window; null ids are never duplicates. */
  public synchronized boolean firstDelivery(String id, Instant now) {
    if (id == null || id.isBlank()) {
      return true;
    }
    evict(now);
    return seen.putIfAbsent(id, now) == null;
  }

  /** Forgets an id whose delivery failed, so the sender's retry is not mistaken for a duplicate. */
  public synchronized void forget(String id) {
    if (id != null) {
      seen.remove(id);
    }
  }

  private void evict(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (seen.size() > MAX_ENTRIES || e.getValue().plus(window).isBefore(now)) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
