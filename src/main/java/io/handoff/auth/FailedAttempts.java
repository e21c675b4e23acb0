package io.handoff.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throttles clients that keep presenting refused credentials: after {@code allowed} refusals in a row a
 * client waits before its next attempt (1 s, doubling with every further refusal, at most 5 minutes) and
 * is answered 429 with Retry-After meanwhile. A client's count is forgotten 15 minutes after its last
 * refusal. Per process, bounded to 10,000 clients (the oldest are dropped).
 */
public final class FailedAttempts {
  private static final int MAX_CLIENTS = 10_000;
  private static final Duration MAX_WAIT = Duration.ofMinutes(5);
  private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  private record Entry(int failures, Instant last, Instant blockedUntil) {}

  private final int allowed;
  private final Clock clock;
  private final Map<String, Entry> clients = new LinkedHashMap<>(16, 0.75f, true);

  public FailedAttempts(int allowed, Clock clock) {
    this.allowed = allowed;
    this.clock = clock;
  }

  /** How long the client must still wait, or {@link Duration#ZERO} when it may try. */
  public synchronized Duration waitFor(String client) {
    Entry e = clients.get(client);
    Instant now = clock.instant();
    if (e == null || e.blockedUntil() == null || !e.blockedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, e.blockedUntil());
  }

  /** Records a refused credential of the client. */
  public synchronized void refused(String client) {
    Instant now = clock.instant();
    Entry e = clients.get(client);
    int failures = e == null || e.last().plus(FORGET_AFTER).isBefore(now) ? 1 : e.failures() + 1;
    Instant until = null;
    if (failures > allowed) {
      int doublings = Math.min(failures - allowed - 1, 20);
      Duration wait = Duration.ofSeconds(1L << doublings);
      until = now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }
    clients.put(client, new Entry(failures, now, until));
    if (clients.size() > MAX_CLIENTS) {
      Iterator<String> oldest = clients.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }
}
