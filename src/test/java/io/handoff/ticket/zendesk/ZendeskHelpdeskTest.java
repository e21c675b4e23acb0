package io.handoff.ticket.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.HelpdeskException.Kind;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.ticket.TicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZendeskHelpdeskTest {

  private static final String KEY = "journey-conv-1/create-ticket";
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
      "bot@handoff.example/token:s3cret".getBytes(StandardCharsets.UTF_8));

  private WireMockServer zendesk;
  private ZendeskHelpdesk helpdesk;

  @BeforeEach
  void start() {
    zendesk = new WireMockServer(options().dynamicPort());
    zendesk.start();
    helpdesk = helpdesk(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    zendesk.stop();
  }

  private ZendeskHelpdesk helpdesk(Duration requestTimeout) {
    HelpdeskDirectory dir = HelpdeskDirectoryLoader.load("h.yaml", """
        groups:
          - {id: billing, name: Billing, zendeskId: "360001"}
        agents:
          - {id: ana, name: Ana, email: ana@example.com, groups: [billing], zendeskId: "9001"}
        """).value();
    ZendeskSettings settings = new ZendeskSettings(URI.create(zendesk.baseUrl()),
        "bot@handoff.example", "s3cret", Duration.ofSeconds(2), requestTimeout,
        Duration.ofSeconds(60));
    return new ZendeskHelpdesk(settings, dir, new ObjectMapper());
  }

  private static TicketDraft draft() {
    return new TicketDraft("Refund please", "I was charged twice", null, "Jo Doe",
        "jo@example.com", "high", "billing", Set.of("refund", "handoff"), "web_widget",
        Map.of("27642", "refund"), "conv-1");
  }

  private static String fixture(String name) {
    try (InputStream in = ZendeskHelpdeskTest.class.getResourceAsStream("/zendesk/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void createsATicketWithTheIdempotencyKeyAndApiTokenAuth() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withHeader("x-idempotency-lookup", "miss")
        .withBody(fixture("ticket-created.json"))));

    Ticket t = helpdesk.create(draft(), KEY);

    assertEquals("35436", t.id());
    assertEquals(TicketStatus.NEW, t.status());
    assertEquals(TicketPriority.HIGH, t.priority());
    assertEquals("billing", t.group());
    assertEquals(Map.of("27642", "refund"), t.customFields());
    zendesk.verify(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
        .withHeader("Idempotency-Key", equalTo(KEY))
        .withHeader("Authorization", equalTo(AUTH))
        .withRequestBody(matchingJsonPath("$.ticket.comment.body", equalTo("I was charged twice")))
        .withRequestBody(matchingJsonPath("$.ticket.requester.email", equalTo("jo@example.com")))
        .withRequestBody(matchingJsonPath("$.ticket.group_id", equalTo("360001")))
        .withRequestBody(matchingJsonPath("$.ticket.external_id", equalTo("conv-1")))
        .withRequestBody(matchingJsonPath("$.ticket.custom_fields[0].id", equalTo("27642"))));
  }

  @Test
  void linksAFollowUpToItsClosedTicket() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(fixture("ticket-created.json"))));
    Ticket closed = new Ticket("35000", "conv-1", "Refund please", "d", TicketStatus.CLOSED,
        TicketPriority.HIGH, null, "billing", null, null, "Jo Doe", "jo@example.com", null,
        Set.of("refund"), Map.of(), List.of(), "api", null, null);

    helpdesk.create(io.handoff.ticket.CustomerReplyEffect.followUp(closed, "charged again"), "k-follow");

    zendesk.verify(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
        .withRequestBody(matchingJsonPath("$.ticket.via_followup_source_id", equalTo("35000")))
        .withRequestBody(matchingJsonPath("$.ticket.comment.body", equalTo("charged again"))));
  }

  @Test
  void updatesFieldsWithZendeskIdsAndTagDeltas() {
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/35436.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("ticket-updated.json"))));

    Ticket t = helpdesk.update("35436", TicketChange.builder().status("open").priority("urgent")
        .type("incident").assignee("ana").addTag("vip").removeTag("spam").build(), "k-update");

    assertEquals(TicketStatus.OPEN, t.status());
    assertEquals("ana", t.assignee());
    assertEquals(Set.of("handoff", "refund", "vip"), t.tags());
    zendesk.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json")).withRequestBody(
        equalToJson("""
            {"ticket": {"status": "open", "priority": "urgent", "type": "incident",
             "assignee_id": 9001, "additional_tags": ["vip"], "remove_tags": ["spam"]}}""")));
  }

  @Test
  void addsACommentWhoseKeyIsInTheAuditMetadata() {
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/35436/audits.json")).willReturn(
        aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"audits\": [], \"next_page\": null, \"count\": 0}")));
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/35436.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("comment-added.json"))));

    TicketComment c = helpdesk.addComment("35436",
        NewComment.publicReply("We are refunding you now.", "ana", "Ana"), "journey-conv-1/comment-3");

    assertEquals(2127301601L, c.id());
    assertEquals("ana", c.authorId());
    assertTrue(c.isPublic());
    zendesk.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json")).withRequestBody(
        equalToJson("""
            {"ticket": {"comment": {"body": "We are refunding you now.", "public": true,
             "author_id": 9001}, "metadata": {"handoff_idempotency_key": "journey-conv-1/comment-3"}}}""")));
  }

  @Test
  void aRetriedCommentFindsTheFirstInsteadOfPostingTwice() {
    String audit = fixture("comment-added.json");
    String audits = "{\"audits\": [" + audit.substring(audit.indexOf("\"audit\":") + 8,
        audit.lastIndexOf('}')) + "], \"count\": 1}";
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/35436/audits.json")).willReturn(
        aResponse().withHeader("Content-Type", "application/json").withBody(audits)));

    TicketComment c = helpdesk.addComment("35436",
        NewComment.publicReply("We are refunding you now.", "ana", "Ana"), "journey-conv-1/comment-3");

    assertEquals(2127301601L, c.id());
    zendesk.verify(0, putRequestedFor(urlEqualTo("/api/v2/tickets/35436.json")));
  }

  @Test
  void findsATicketWithCommentsAndAuthorRoles() {
    zendesk.stubFor(get(urlEqualTo("/api/v2/tickets/35436.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(fixture("ticket-updated.json"))));
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/35436/comments.json")).willReturn(
        aResponse().withHeader("Content-Type", "application/json").withBody(fixture("comments.json"))));

    Ticket t = helpdesk.find("35436").orElseThrow();

    assertEquals(List.of(AuthorRole.END_USER, AuthorRole.AGENT),
        t.comments().stream().map(TicketComment::authorRole).toList());
    zendesk.verify(getRequestedFor(urlEqualTo("/api/v2/tickets/35436/comments.json?include=users")));
  }

  @Test
  void listsThroughTheSearchExportApiWithZendeskIds() {
    String ticket = fixture("ticket-updated.json");
    String result = ticket.substring(ticket.indexOf("\"ticket\":") + 9, ticket.indexOf(",\n  \"audit\""));
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/search/export.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"results\": [" + result
            + "], \"facets\": null, \"meta\": {\"has_more\": true, \"after_cursor\": \"xYz\","
            + " \"before_cursor\": null}, \"links\": {\"next\": null, \"prev\": null}}")));

    io.handoff.ticket.TicketPage page = helpdesk.list(new io.handoff.ticket.TicketFilter(
        TicketStatus.OPEN, "billing", "ana", null, null), 10, "abc");

    assertEquals(List.of("35436"), page.items().stream().map(Ticket::id).toList());
    assertEquals("xYz", page.nextCursor());
    zendesk.verify(getRequestedFor(urlPathEqualTo("/api/v2/search/export.json"))
        .withQueryParam("query", equalTo("type:ticket status:open group:360001 assignee:9001"))
        .withQueryParam("filter[type]", equalTo("ticket"))
        .withQueryParam("page[size]", equalTo("10"))
        .withQueryParam("page[after]", equalTo("abc")));
  }

  @Test
  void unauthorizedIsNotRetryable() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"Couldn't authenticate you\"}")));

    HelpdeskException e = assertThrows(HelpdeskException.class, () -> helpdesk.create(draft(), KEY));

    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("Couldn't authenticate you"), e.getMessage());
  }

  @Test
  void unknownTicketIsNotFoundAndFindIsEmpty() {
    String notFound = "{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}";
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/999.json")).willReturn(aResponse()
        .withStatus(404).withHeader("Content-Type", "application/json").withBody(notFound)));
    zendesk.stubFor(get(urlEqualTo("/api/v2/tickets/999.json")).willReturn(aResponse()
        .withStatus(404).withHeader("Content-Type", "application/json").withBody(notFound)));

    TicketNotFoundException e = assertThrows(TicketNotFoundException.class,
        () -> helpdesk.update("999", TicketChange.status(TicketStatus.OPEN), "k"));

    HelpdeskException cause = assertInstanceOf(HelpdeskException.class, e.getCause());
    assertEquals(404, cause.httpStatus());
    assertTrue(cause.getMessage().contains("RecordNotFound"));
    assertTrue(helpdesk.find("999").isEmpty());
  }

  @Test
  void validationErrorCarriesZendeskDetailsAndIsNotRetryable() {
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/35436.json")).willReturn(aResponse()
        .withStatus(422).withHeader("Content-Type", "application/json").withBody("""
            {"error": "RecordInvalid", "description": "Record validation errors",
             "details": {"status": [{"description": "Status: closed prevents ticket update",
                                     "error": "InvalidValue"}]}}""")));

    HelpdeskException e = assertThrows(HelpdeskException.class,
        () -> helpdesk.update("35436", TicketChange.status(TicketStatus.OPEN), "k"));

    assertEquals(Kind.INVALID, e.kind());
    assertFalse(e.retryable());
    assertEquals(Map.of("status", List.of("Status: closed prevents ticket update")), e.details());
  }

  @Test
  void unknownValuesAreRefusedBeforeAnyCall() {
    TicketRefusedException e = assertThrows(TicketRefusedException.class,
        () -> helpdesk.update("35436", TicketChange.builder().status("reopen").build(), "k"));

    assertEquals("status", e.errors().get(0).field());
    assertEquals(0, zendesk.getAllServeEvents().size());
  }

  @Test
  void rateLimitHonoursRetryAfter() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "17").withHeader("X-Rate-Limit", "700")
        .withHeader("X-Rate-Limit-Remaining", "0")));

    HelpdeskException e = assertThrows(HelpdeskException.class, () -> helpdesk.create(draft(), KEY));

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertTrue(e.retryable());
    assertEquals(Duration.ofSeconds(17), e.retryAfter());
  }

  @Test
  void rateLimitWithoutRetryAfterWaitsTheDefault() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(429)));

    HelpdeskException e = assertThrows(HelpdeskException.class, () -> helpdesk.create(draft(), KEY));

    assertEquals(Duration.ofSeconds(60), e.retryAfter());
  }

  @Test
  void reusingAKeyWithOtherParametersIsAConflict() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"error": "IdempotentRequestError",
             "description": "Request parameters do not match the original request"}""")));

    HelpdeskException e = assertThrows(HelpdeskException.class, () -> helpdesk.create(draft(), KEY));

    assertEquals(Kind.IDEMPOTENCY_CONFLICT, e.kind());
    assertFalse(e.retryable());
  }

  @Test
  void aMalformedSuccessIsRetryable() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("<html>proxy error</html>")));

    HelpdeskException e = assertThrows(HelpdeskException.class, () -> helpdesk.create(draft(), KEY));

    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
  }

  @Test
  void serverErrorIsRetryable() {
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).willReturn(aResponse().withStatus(500)
        .withBody("<html>Internal Server Error</html>")));

    HelpdeskException e = assertThrows(HelpdeskException.class, () -> helpdesk.create(draft(), KEY));

    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
    assertEquals(500, e.httpStatus());
  }

  @Test
  void timeoutAfterAcceptThenRetryWithTheSameKeyCreatesNoDuplicate() {
    ZendeskHelpdesk impatient = helpdesk(Duration.ofMillis(300));
    // First call: Zendesk accepts and creates the ticket, but answers after the client gave up.
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).inScenario("create")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created")
        .willReturn(aResponse().withStatus(201).withFixedDelay(1_500)
            .withHeader("Content-Type", "application/json").withHeader("x-idempotency-lookup", "miss")
            .withBody(fixture("ticket-created.json"))));
    // Retry with the same key: Zendesk replays the original response instead of creating again.
    zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json")).inScenario("create")
        .whenScenarioStateIs("created").withHeader("Idempotency-Key", equalTo(KEY))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withHeader("x-idempotency-lookup", "hit").withBody(fixture("ticket-created.json"))));

    HelpdeskException timeout = assertThrows(HelpdeskException.class,
        () -> impatient.create(draft(), KEY));
    Ticket retried = impatient.create(draft(), KEY);

    assertEquals(Kind.TIMEOUT, timeout.kind());
    assertTrue(timeout.retryable());
    assertEquals("35436", retried.id());
    zendesk.verify(2, postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
        .withHeader("Idempotency-Key", equalTo(KEY)));
  }
}
