package io.handoff.bench;

import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.builtin.BuiltInHelpdesk;
import io.handoff.ticket.builtin.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rough throughput of the built-in helpdesk's idempotent writes (single thread, after warm-up).
 * Not a unit test: run with {@code ./mvnw -o -q -Pbench test -Dtest=BuiltInHelpdeskThroughputBench
 * -Dsurefire.failIfNoSpecifiedTests=false} (add HANDOFF_TEST_PG_URL for PostgreSQL).
 */
class BuiltInHelpdeskThroughputBench {

  private static final int N = 2_000;

  @Test
  void measure() throws SQLException {
    report("h2", TestDatabases.h2());
    if (System.getenv(TestDatabases.PG_URL_ENV) != null) {
      DataSource pg = TestDatabases.postgres();
      try {
        report("postgresql", pg);
      } finally {
        TestDatabases.dropPostgres(pg);
      }
    }
  }

  private static void report(String name, DataSource ds) {
    BuiltInHelpdesk h = new BuiltInHelpdesk(ds, new TicketChangeValidator(
        HelpdeskDirectoryLoader.load(Path.of("workflows/helpdesk.yaml")).value()),
        Clock.systemUTC());
    run(h, "warm", 300);
    long t0 = System.nanoTime();
    String[] ids = run(h, "run", N);
    long t1 = System.nanoTime();
    for (int i = 0; i < N; i++) {
      h.update(ids[i], TicketChange.builder().status("open").assignee("ana.souza").addTag("x").build(), "u" + i);
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < N; i++) {
      h.addComment(ids[i], NewComment.publicReply("hello", "ana.souza", "Ana"), "c" + i);
    }
    long t3 = System.nanoTime();
    for (int i = 0; i < N; i++) {
      h.create(draft("run-" + i), "run-create-" + i);
    }
    long t4 = System.nanoTime();
    System.out.printf("%s: create %.0f/s, update %.0f/s, comment %.0f/s, replayed create %.0f/s (n=%d)%n",
        name, rate(t0, t1), rate(t1, t2), rate(t2, t3), rate(t3, t4), N);
  }

  private static String[] run(BuiltInHelpdesk h, String prefix, int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = h.create(draft(prefix + "-" + i), prefix + "-create-" + i).id();
    }
    return ids;
  }

  private static TicketDraft draft(String conversationId) {
    return new TicketDraft("Refund", "Charged twice", "c", "Jo", "jo@example.com", "high",
        "billing", Set.of("refund", "handoff"), "web_widget", Map.of("intent", "refund"),
        conversationId);
  }

  private static double rate(long from, long to) {
    return N / ((to - from) / 1e9);
  }
}
