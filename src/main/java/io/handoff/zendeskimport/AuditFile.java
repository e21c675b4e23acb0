package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads Zendesk ticket audits from a file in any of the shapes the API gives them: the body of
 * {@code GET /api/v2/tickets/{id}/audits} ({@code {"audits": [...]}}, one or several pages one after
 * the other, e.g. one per line), a JSON array of audits or of such pages, a single audit, or a ticket
 * create/update response ({@code {"ticket": ..., "audit": {...}}}). Every audit needs
 * {@code ticket_id} and {@code events}; a file that is not JSON, or an audit without them, fails with
 * the file, line and column of the offending value.
 */
public final class AuditFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One audit and where it was read.
   *
   * @param where {@code file:line:column} of the value holding it, and its index in an audits array
   */
  public record Audit(JsonNode node, String where, JsonNode users) {
    public Audit(JsonNode node, String where) {
      this(node, where, null);
    }
  }

  private AuditFile() {}

  /** Reads a file; {@link IOException} with the position when it is malformed. */
  public static List<Audit> read(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /** Parses text; {@code source} names it in error messages. */
  public static List<Audit> parse(String text, String source) throws IOException {
    List<Audit> out = new ArrayList<>();
    JsonFactory factory = JSON.getFactory();
    try (JsonParser p = factory.createParser(text)) {
      p.setCodec(JSON);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = where(source, p.currentTokenLocation());
            root(p.readValueAsTree(), where, out);
          }
        } else {
          String where = where(source, p.currentTokenLocation());
          root(p.readValueAsTree(), where, out);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IOException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
          + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IOException(source + ": holds no audit (expected {\"audits\": [...]}, an array of audits, or"
          + " one audit per line)");
    }
    return out;
  }

  private static void root(JsonNode n, String where, List<Audit> out) throws IOException {
    if (n.isObject() && n.has("audits")) {
      JsonNode audits = n.get("audits");
      if (!audits.isArray()) {
        throw new IOException(where + ": \"audits\" must be an array");
      }
      // include=users sideloads the people of the audits: their names and addresses render placeholders
      JsonNode users = n.path("users").isArray() ? n.get("users") : null;
      for (int i = 0; i < audits.size(); i++) {
        Audit a = checked(audits.get(i), where + " audits[" + i + "]");
        out.add(new Audit(a.node(), a.where(), users));
      }
    } else if (n.isObject() && n.has("audit")) {
      out.add(checked(n.get("audit"), where + " audit"));
    } else if (n.isObject()) {
      out.add(checked(n, where));
    } else {
      throw new IOException(where + ": expected an audit object or {\"audits\": [...]}, found " + n.getNodeType());
    }
  }

  private static Audit checked(JsonNode a, String where) throws IOException {
    if (!a.isObject()) {
      throw new IOException(where + ": an audit must be an object");
    }
    JsonNode ticket = a.get("ticket_id");
    if (ticket == null || !(ticket.isIntegralNumber() || ticket.isTextual() && !ticket.asText().isBlank())) {
      throw new IOException(where + ": ticket_id is missing or not an id");
    }
    if (!a.path("events").isArray()) {
      throw new IOException(where + ": events must be an array");
    }
    JsonNode created = a.get("created_at");
    if (created != null && !created.isNull()) {
      try {
        Instant.parse(created.asText());
      } catch (DateTimeParseException e) {
        throw new IOException(where + ": created_at \"" + created.asText() + "\" is not an ISO-8601 time");
      }
    }
    for (int i = 0; i < a.get("events").size(); i++) {
      JsonNode e = a.get("events").get(i);
      if (!e.isObject() || !e.path("type").isTextual()) {
        throw new IOException(where + ": events[" + i + "] needs a \"type\"");
      }
      String bad = unknownValue(e);
      if (bad != null) {
        throw new IOException(where + ": events[" + i + "] (" + e.get("type").asText() + " of "
            + e.path("field_name").asText() + "): " + bad);
      }
    }
    return new Audit(a, where);
  }

  /**
   * A {@code Create} or {@code Change} of {@code status}, {@code priority} or {@code type} to a value
   * outside Zendesk's list: its message ({@code unknown value "Neww" (new, open, ...)}), else null. Such a
   * value would otherwise read as empty and the replay would silently differ from the ticket.
   */
  private static String unknownValue(JsonNode e) {
    String type = e.path("type").asText();
    if (!"Create".equals(type) && !"Change".equals(type)) {
      return null;
    }
    JsonNode value = e.get("value");
    String text = value == null || value.isNull() ? "" : value.asText();
    if (text.isEmpty()) {
      return null;
    }
    List<String> allowed = switch (e.path("field_name").asText()) {
      case "status" -> Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList();
      case "priority" -> Arrays.stream(TicketPriority.values()).map(TicketPriority::wireName).toList();
      case "type" -> Ticket.TYPES;
      default -> null;
    };
    return allowed == null || allowed.contains(text.trim().toLowerCase(java.util.Locale.ROOT)) ? null
        : "unknown value \"" + text + "\" (" + String.join(", ", allowed) + ")";
  }

  private static String where(String source, JsonLocation at) {
    return source + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }
}
