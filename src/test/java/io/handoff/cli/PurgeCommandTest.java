package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.privacy.JourneyPurgeTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code purge} against a real migrated database: counts per table, dry run, refusals. */
class PurgeCommandTest {
  String url;
  JdbcDataSource ds;

  @BeforeEach
  void database() throws Exception {
    url = "jdbc:h2:mem:purge" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    Instant old = Instant.now().minus(Duration.ofDays(120));
    JourneyPurgeTest.journey(ds, "closed-1", "CLOSED", old);
    JourneyPurgeTest.journey(ds, "closed-2", "CLOSED", old);
    JourneyPurgeTest.journey(ds, "open-1", "AI_TRIAGE", old);
  }

  record Run(int exit, String out, String err) {}

  Run purge(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new HandoffCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "purge";
    all[1] = "--db";
    all[2] = url;
    System.arraycopy(args, 0, all, 3, args.length);
    int exit = cli.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aDryRunPrintsTheRowsPerTableAndDeletesNothing() throws Exception {
    Map<String, Long> before = JourneyPurgeTest.counts(ds);
    Run r = purge("--dry-run", "--older-than", "90d");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Dry run: nothing deleted; a purge would delete:")
        .contains("2 closed journeys last changed before").containsPattern("journeys\\s+2\\n")
        .containsPattern("journal\\s+2\\n").containsPattern("ticket_comments\\s+2\\n").containsPattern("total\\s+\\d+");
    assertThat(JourneyPurgeTest.counts(ds)).isEqualTo(before);
  }

  @Test
  void aPurgeDeletesOldClosedJourneysOnly() throws Exception {
    Run r = purge("--older-than", "90d");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Purged:").containsPattern("journeys\\s+2\\n");
    assertThat(JourneyPurgeTest.counts(ds)).containsEntry("journeys", 1L).containsEntry("journal", 1L)
        .containsEntry("tickets", 1L);
    assertThat(purge("--older-than", "90d").out()).containsPattern("total\\s+0\\n");
  }

  @Test
  void youngerJourneysThanTheAgeAreKept() throws Exception {
    Run r = purge("--older-than", "200d");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("total\\s+0\\n");
    assertThat(JourneyPurgeTest.counts(ds)).containsEntry("journeys", 3L);
  }

  @Test
  void badArgumentsAreRefusedWithAClearMessage() {
    Run nothing = purge();
    assertThat(nothing.exit()).isEqualTo(2);
    assertThat(nothing.err()).contains("nothing to purge");
    Run bad = purge("--older-than", "ninety days");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--older-than 'ninety days' is not a duration like 365d");
  }

  @Test
  void aDatabaseWithoutHandoffsTablesIsNamed() {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new HandoffCli()).setErr(new PrintWriter(err)).execute("purge", "--db",
        "jdbc:h2:mem:empty" + UUID.randomUUID().toString().replace("-", ""), "--older-than", "1d");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("is this Handoff's database");
  }

  @Test
  void anAgeWithoutUnitIsRefusedAndABareDryRunUsesTheDocumentedDefault() {
    Run bare = purge("--older-than", "1");
    assertThat(bare.exit()).isEqualTo(2);
    assertThat(bare.err()).contains("--older-than '1' needs a unit");
    Run dryRun = purge("--dry-run");
    assertThat(dryRun.exit()).as(dryRun.err()).isZero();
    assertThat(dryRun.out()).contains("Dry run: nothing deleted");
  }
}
