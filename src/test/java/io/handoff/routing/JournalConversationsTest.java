package io.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.cli.HandoffCli;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.persistence.Journal;
import io.handoff.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JournalConversationsTest {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static void event(Journal journal, String conversation, String id, EventType type, String text, Customer c)
      throws Exception {
    JourneyEvent e = new JourneyEvent(id, conversation, type, null, Instant.parse("2026-11-20T09:00:00Z"),
        Channel.WHATSAPP, text, null, c, null, null);
    journal.append("journey-" + conversation, id, "event", JSON.writeValueAsString(e), e.receivedAt());
  }

  @Test
  void pastJourneysBecomeConversationsWithTheHumansFinalGroup() throws Exception {
    TestDatabases.Db db = TestDatabases.h2();
    Journal journal = new Journal(db.dataSource());
    Customer ana = new Customer("u1", "Ana", null, "en", "standard", Map.of());
    event(journal, "p1", "e1", EventType.CONVERSATION_STARTED, null, ana);
    event(journal, "p1", "e2", EventType.MESSAGE_RECEIVED, "I was charged twice on my invoice", null);
    event(journal, "p1", "e3", EventType.CUSTOMER_REPLIED, "Please refund one of them", null);
    event(journal, "p2", "e4", EventType.CONVERSATION_STARTED, null, ana);
    new RoutingStore(db.dataSource()).recordOutcome(new RoutingStore.Outcome("journey-p1", "ai", "billing", "billing",
        "normal", false, false, true, null, null, false, Instant.parse("2026-11-20T10:00:00Z")));

    List<SimulatedConversation> conversations = JournalConversations.read(db.dataSource(), 100);
    assertThat(conversations).hasSize(1);
    SimulatedConversation p1 = conversations.get(0);
    assertThat(p1.conversationId()).isEqualTo("p1");
    assertThat(p1.channel()).isEqualTo(Channel.WHATSAPP);
    assertThat(p1.customer().name()).isEqualTo("Ana");
    assertThat(p1.messages()).containsExactly("I was charged twice on my invoice", "Please refund one of them");
    assertThat(p1.finalGroup()).isEqualTo("billing");

    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("simulate", "--journeys-db", ((JdbcDataSource) db.dataSource()).getURL(), "--json");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"p1\"");
  }

  @Test
  void aWrongDatabaseUrlIsAClearError() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("simulate", "--journeys-db", "jdbc:oracle:thin:@x")).isEqualTo(1);
    assertThat(err.toString()).contains("unsupported JDBC URL");
  }
}
