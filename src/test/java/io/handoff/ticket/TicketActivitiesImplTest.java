package io.handoff.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.problem.FieldError;
import io.handoff.ticket.HelpdeskException.Kind;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketActivitiesImplTest {

  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  /** A helpdesk whose every call fails the same way. */
  private TicketActivities failingWith(Supplier<RuntimeException> failure) {
    HelpdeskGateway failing = new HelpdeskGateway() {
      public Ticket create(TicketDraft d, String k) { throw failure.get(); }
      public Ticket update(String id, TicketChange c, String k) { throw failure.get(); }
      public TicketComment addComment(String id, NewComment c, String k) { throw failure.get(); }
      public Optional<Ticket> find(String id) { return Optional.empty(); }
      public TicketPage list(TicketFilter f, int limit, String cursor) { throw failure.get(); }
    };
    env.registerActivitiesImplementations(new TicketActivitiesImpl(failing));
    return env.newActivityStub(TicketActivities.class);
  }

  private static ApplicationFailure failureOf(Runnable call) {
    ActivityFailure f = assertThrows(ActivityFailure.class, call::run);
    return assertInstanceOf(ApplicationFailure.class, f.getCause());
  }

  @Test
  void rateLimitIsRetriedAfterTheHelpdesksDelay() {
    TicketActivities a = failingWith(() -> new HelpdeskException(Kind.RATE_LIMITED, 429, "slow down",
        Duration.ofSeconds(17), null, null));

    ApplicationFailure f = failureOf(() -> a.createTicket(TicketFixtures.draft("c"), "k"));

    assertEquals("HelpdeskRateLimited", f.getType());
    assertFalse(f.isNonRetryable());
    assertEquals(Duration.ofSeconds(17), f.getNextRetryDelay());
  }

  @Test
  void serverErrorsAreRetryable() {
    TicketActivities a = failingWith(() -> new HelpdeskException(Kind.UNAVAILABLE, 503, "down"));

    ApplicationFailure f = failureOf(() -> a.applyChange("1", TicketChange.status(TicketStatus.OPEN), "k"));

    assertEquals("HelpdeskUnavailable", f.getType());
    assertFalse(f.isNonRetryable());
  }

  @Test
  void refusalsAndUnknownTicketsAreNotRetried() {
    TicketActivities refused = failingWith(() -> new TicketRefusedException(
        List.of(new FieldError("status", "closed"))));

    ApplicationFailure f = failureOf(() -> refused.applyChange("1", TicketChange.status(TicketStatus.OPEN), "k"));
    ApplicationFailure missing = failureOf(() -> refused.getTicket("404"));

    assertEquals("TicketRefused", f.getType());
    assertTrue(f.isNonRetryable());
    assertEquals("TicketNotFound", missing.getType());
    assertTrue(missing.isNonRetryable());
  }

  @Test
  void unauthorizedIsNotRetried() {
    TicketActivities a = failingWith(() -> new HelpdeskException(Kind.UNAUTHORIZED, 401, "no"));

    ApplicationFailure f = failureOf(() -> a.addComment("1", NewComment.publicReply("x", "a", "A"), "k"));

    assertEquals("HelpdeskUnauthorized", f.getType());
    assertTrue(f.isNonRetryable());
  }
}
