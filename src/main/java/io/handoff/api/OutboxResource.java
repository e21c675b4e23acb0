package io.handoff.api;

import io.handoff.jdbc.Jdbc;
import io.handoff.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The recorded outboxes of the embedded default: every message sent to a conversation and every
 * notification (e-mail, webhook) the triggers and SLA escalations queued, newest first.
 */
@Path("/api/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
  private static final int MAX_LIMIT = 500;

  @Inject DataSource dataSource;

  @GET
  @Path("/messages")
  @Operation(summary = "Messages sent to conversations (recorded outbox)")
  public List<Map<String, Object>> messages(@QueryParam("conversationId") String conversationId,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    String sql = "SELECT id, idempotency_key, conversation_id, channel, body, status, created_at FROM outbox_message"
        + (conversationId == null ? "" : " WHERE conversation_id = ?") + " ORDER BY id DESC";
    return query(sql, conversationId, limit, "id", "idempotencyKey", "conversationId", "channel", "body", "status",
        "createdAt");
  }

  @GET
  @Path("/notifications")
  @Operation(summary = "E-mails and webhook calls queued by triggers and SLA escalations (recorded outbox)")
  public List<Map<String, Object>> notifications(@QueryParam("limit") @DefaultValue("100") int limit) {
    String sql = "SELECT id, idempotency_key, kind, trigger_title, recipient_type, recipient, subject, status,"
        + " created_at FROM outbox_notification ORDER BY id DESC";
    return query(sql, null, limit, "id", "idempotencyKey", "kind", "trigger", "recipientType", "recipient", "subject",
        "status", "createdAt");
  }

  private List<Map<String, Object>> query(String sql, String arg, int limit, String... names) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return new Jdbc(dataSource).list("Reading the outbox", sql, rs -> {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        Object v = names[i].equals("createdAt") ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getObject(i + 1);
        row.put(names[i], v == null ? null : v.toString());
      }
      return row;
    }, ps -> {
      if (arg != null) {
        ps.setString(1, arg);
      }
      ps.setMaxRows(limit);
    });
  }
}
