package io.handoff.ticket.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.FieldError;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskException.Kind;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.HelpdeskGateway;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketFilter;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketPage;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.ticket.zendesk.ZendeskHttp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Zendesk helpdesk over its Tickets API. Creation carries Zendesk's {@code Idempotency-Key}
 * header, so a retried create after a lost answer replays the first ticket. Zendesk has no
 * idempotency for updates: field updates are idempotent by value, and a comment carries its key in
 * the audit's custom metadata, which a retry looks up before posting again.
 */
public final class ZendeskHelpdesk implements HelpdeskGateway {

  static final String KEY_METADATA = "handoff_idempotency_key";
  private static final int MAX_PAGE = 100;

  private final ZendeskHttp http;
  private final ZendeskTicketJson mapper;
  private final TicketChangeValidator validator;

  public ZendeskHelpdesk(ZendeskSettings settings, HelpdeskDirectory directory, ObjectMapper json) {
    this.http = new ZendeskHttp(settings, json);
    this.mapper = new ZendeskTicketJson(json, directory);
    this.validator = new TicketChangeValidator(directory);
  }

  @Override
  public Ticket create(TicketDraft draft, String idempotencyKey) {
    refuseIfAny(validator.validateDraft(draft));
    Response r = http.send("POST", "/api/v2/tickets.json", mapper.createBody(draft),
        Map.of("Idempotency-Key", idempotencyKey));
    return mapper.ticket(r.body(), List.of());
  }

  @Override
  public Ticket update(String ticketId, TicketChange change, String idempotencyKey) {
    refuseIfAny(validator.validateValues(change));
    if (change.isEmpty()) {
      return find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    }
    Response r = onTicket(ticketId, () -> http.send("PUT", ticketPath(ticketId),
        mapper.updateBody(change), Map.of()));
    return mapper.ticket(r.body(), List.of());
  }

  @Override
  public TicketComment addComment(String ticketId, NewComment comment, String idempotencyKey) {
    refuseIfAny(validator.validateComment(null, comment));
    Optional<TicketComment> earlier = commentFromAudits(ticketId, idempotencyKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Response r = onTicket(ticketId, () -> http.send("PUT", ticketPath(ticketId),
        mapper.commentBody(comment, idempotencyKey), Map.of()));
    return commentOf(r.body().path("audit"))
        .orElseThrow(() -> ZendeskTicketJson.malformed("no Comment event in the update's audit"));
  }

  @Override
  public Optional<Ticket> find(String ticketId) {
    if (!ZendeskTicketJson.isNumeric(ticketId)) {
      return Optional.empty();
    }
    try {
      JsonNode ticket = http.send("GET", ticketPath(ticketId), null, Map.of()).body();
      JsonNode comments = http.send("GET", "/api/v2/tickets/" + ticketId
          + "/comments.json?include=users", null, Map.of()).body();
      return Optional.of(mapper.ticket(ticket, mapper.comments(comments)));
    } catch (HelpdeskException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Lists through Zendesk's search export API (cursor-paginated, tickets only). */
  @Override
  public TicketPage list(TicketFilter filter, int limit, String cursor) {
    StringBuilder query = new StringBuilder("type:ticket");
    term(query, "status", filter.status() == null ? null : filter.status().wireName());
    term(query, "priority", filter.priority() == null ? null : filter.priority().wireName());
    term(query, "group", filter.group() == null ? null : mapper.groupZendeskId(filter.group()));
    term(query, "assignee",
        filter.assignee() == null ? null : mapper.agentZendeskId(filter.assignee()));
    term(query, "requester", filter.requesterId());
    String path = "/api/v2/search/export.json?filter%5Btype%5D=ticket&query=" + encode(query.toString())
        + "&page%5Bsize%5D=" + Math.max(1, Math.min(limit, MAX_PAGE))
        + (cursor == null || cursor.isBlank() ? "" : "&page%5Bafter%5D=" + encode(cursor));
    JsonNode body = http.send("GET", path, null, Map.of()).body();
    List<Ticket> items = new ArrayList<>();
    body.path("results").forEach(t -> items.add(mapper.ticket(t, List.of())));
    boolean more = body.path("meta").path("has_more").asBoolean(false);
    return new TicketPage(items, more ? ZendeskTicketJson.text(body.path("meta"), "after_cursor") : null);
  }

  private Optional<TicketComment> commentFromAudits(String ticketId, String key) {
    JsonNode audits = onTicket(ticketId, () -> http.send("GET", "/api/v2/tickets/" + ticketId
        + "/audits.json?sort_order=desc", null, Map.of())).body();
    for (JsonNode audit : audits.path("audits")) {
      if (key.equals(audit.path("metadata").path("custom").path(KEY_METADATA).asText(null))) {
        return commentOf(audit);
      }
    }
    return Optional.empty();
  }

  private Optional<TicketComment> commentOf(JsonNode audit) {
    for (JsonNode event : audit.path("events")) {
      if ("Comment".equals(event.path("type").asText())) {
        return Optional.of(mapper.comment(event, null, ZendeskTicketJson.instant(audit, "created_at")));
      }
    }
    return Optional.empty();
  }

  private static Response onTicket(String ticketId, Supplier<Response> call) {
    try {
      return call.get();
    } catch (HelpdeskException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        throw new TicketNotFoundException(ticketId, e);
      }
      throw e;
    }
  }

  private static String ticketPath(String ticketId) {
    if (!ZendeskTicketJson.isNumeric(ticketId)) {
      throw new TicketNotFoundException(ticketId);
    }
    return "/api/v2/tickets/" + ticketId + ".json";
  }

  private static void term(StringBuilder query, String key, String value) {
    if (value != null && !value.isBlank()) {
      query.append(' ').append(key).append(':').append(value.contains(" ") ? '"' + value + '"' : value);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new TicketRefusedException(errors);
    }
  }
}
