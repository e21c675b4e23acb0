package io.handoff.bench;

import io.handoff.privacy.JourneyPurge;
import io.handoff.privacy.JourneyPurgeTest;
import io.handoff.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention purge benchmark: seeds N closed journeys older than the cut-off plus N/10 open ones (a row
 * in every journey table each), then times a dry run and the purge, on H2 and, when
 * {@code HANDOFF_TEST_PG_URL} is set, PostgreSQL. Run with {@code bench/purge-bench.sh [journeys]}.
 */
public final class PurgeBench {
  private PurgeBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    List<TestDatabases.Db> dbs = new ArrayList<>(List.of(TestDatabases.h2()));
    String pg = System.getenv("HANDOFF_TEST_PG_URL");
    if (pg != null && !pg.isBlank()) {
      dbs.add(TestDatabases.postgres(pg));
    }
    for (TestDatabases.Db db : dbs) {
      for (int i = 0; i < n; i++) {
        JourneyPurgeTest.journey(db.dataSource(), "closed-" + i, "CLOSED", JourneyPurgeTest.OLD);
      }
      for (int i = 0; i < n / 10; i++) {
        JourneyPurgeTest.journey(db.dataSource(), "open-" + i, "TICKETED", JourneyPurgeTest.OLD);
      }
      JourneyPurge purge = new JourneyPurge(db.dataSource());
      long t0 = System.nanoTime();
      JourneyPurge.Report dry = purge.purge(new JourneyPurge.Request(Duration.ofDays(365), null,
          JourneyPurgeTest.NOW, true));
      long t1 = System.nanoTime();
      JourneyPurge.Report done = purge.purge(new JourneyPurge.Request(Duration.ofDays(365), null,
          JourneyPurgeTest.NOW, false));
      long t2 = System.nanoTime();
      System.out.printf("%s: %d closed journeys (%d rows) purged in %d ms (dry run %d ms), %d open kept: %s%n",
          db.name(), done.journeys(), done.total(), (t2 - t1) / 1_000_000, (t1 - t0) / 1_000_000,
          JourneyPurgeTest.counts(db.dataSource()).get("journeys"), dry.rows().equals(done.rows()) ? "dry run matched"
              : "DRY RUN DIFFERED");
    }
  }
}
