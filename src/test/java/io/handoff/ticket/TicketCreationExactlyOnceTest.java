package io.handoff.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.ticket.builtin.BuiltInHelpdesk;
import io.handoff.ticket.builtin.TestDatabases;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly one ticket per journey through Temporal retries: the helpdesk commits the ticket, then the
 * first attempt loses its answer (times out, or the worker dies), and the retry with the same
 * workflow-derived key gets the same ticket back.
 */
class TicketCreationExactlyOnceTest {

  /** The smallest workflow that creates a ticket the way the journey does. */
  @WorkflowInterface
  public interface CreateTicketWorkflow {
    @WorkflowMethod
    String create(String conversationId);
  }

  public static class CreateTicketWorkflowImpl implements CreateTicketWorkflow {
    private final TicketActivities tickets = Workflow.newActivityStub(TicketActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(1))
            .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(100))
                .setMaximumAttempts(4).build()).build());

    @Override
    public String create(String conversationId) {
      String key = Workflow.getInfo().getWorkflowId() + "/ticket-create";
      return tickets.createTicket(TicketFixtures.draft(conversationId), key).id();
    }
  }

  /** Commits through the real helpdesk, then misbehaves on the first attempt only. */
  static final class LosesFirstAnswer implements HelpdeskGateway {
    private final HelpdeskGateway real;
    private final boolean hang;
    final AtomicInteger calls = new AtomicInteger();

    LosesFirstAnswer(HelpdeskGateway real, boolean hang) {
      this.real = real;
      this.hang = hang;
    }

    @Override
    public Ticket create(TicketDraft draft, String key) {
      Ticket t = real.create(draft, key);
      if (calls.incrementAndGet() == 1) {
        if (hang) {
          sleep(Duration.ofSeconds(3));
        } else {
          throw new IllegalStateException("worker died after the helpdesk committed");
        }
      }
      return t;
    }

    @Override public Ticket update(String id, TicketChange c, String k) { return real.update(id, c, k); }
    @Override public TicketComment addComment(String id, NewComment c, String k) { return real.addComment(id, c, k); }
    @Override public Optional<Ticket> find(String id) { return real.find(id); }
    @Override public TicketPage list(TicketFilter f, int l, String c) { return real.list(f, l, c); }

    private static void sleep(Duration d) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private TestWorkflowEnvironment env;
  private DataSource db;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    db = TestDatabases.h2();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String run(LosesFirstAnswer gateway) {
    Worker worker = env.newWorker("tickets", io.handoff.testing.TestWorkers.options());
    worker.registerWorkflowImplementationTypes(CreateTicketWorkflowImpl.class);
    worker.registerActivitiesImplementations(new TicketActivitiesImpl(gateway));
    env.start();
    CreateTicketWorkflow wf = env.getWorkflowClient().newWorkflowStub(CreateTicketWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("tickets").setWorkflowId("journey-conv-7").build());
    return wf.create("conv-7");
  }

  private BuiltInHelpdesk builtIn() {
    return new BuiltInHelpdesk(db, new TicketChangeValidator(TicketFixtures.directory()),
        Clock.systemUTC());
  }

  @Test
  @Timeout(30)
  void createTimesOutAfterTheHelpdeskAcceptedAndTheRetryReturnsTheSameTicket() throws SQLException {
    LosesFirstAnswer gateway = new LosesFirstAnswer(builtIn(), true);

    String ticketId = run(gateway);

    assertEquals(2, gateway.calls.get());
    assertEquals(1, ticketCount());
    assertEquals("conv-7", builtIn().find(ticketId).orElseThrow().externalId());
  }

  @Test
  @Timeout(30)
  void workerDiesAfterTheHelpdeskCommittedAndTheRetryReturnsTheSameTicket() throws SQLException {
    LosesFirstAnswer gateway = new LosesFirstAnswer(builtIn(), false);

    String ticketId = run(gateway);

    assertEquals(2, gateway.calls.get());
    assertEquals(1, ticketCount());
    assertEquals("conv-7", builtIn().find(ticketId).orElseThrow().externalId());
  }

  private long ticketCount() throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tickets")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
