package io.handoff.dryrun;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Strict reading of the dry-run JSONL: a ticket status, priority or type outside its list is an error
 * naming the field ({@code update.after.status: unknown value "Neww" (new, open, ...)}), never silently
 * empty (the service's own parsers return null for an unknown wire name).
 */
final class DryRunEnums {

  static final List<String> TYPES = io.handoff.ticket.Ticket.TYPES;

  static final SimpleModule MODULE = new SimpleModule("dry-run-enums")
      .addDeserializer(TicketStatus.class, strict(TicketStatus.class, TicketStatus::fromWire,
          Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName).toList()))
      .addDeserializer(TicketPriority.class, strict(TicketPriority.class, TicketPriority::fromWire,
          Arrays.stream(TicketPriority.values()).map(TicketPriority::wireName).toList()));

  private DryRunEnums() {}

  private static <T> JsonDeserializer<T> strict(Class<T> type, Function<String, T> parse, List<String> allowed) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        T value = text == null || text.isEmpty() ? null : parse.apply(text);
        if (value == null && text != null && !text.isEmpty()) {
          throw ctxt.weirdStringException(text, type, "unknown value \"" + text + "\" ("
              + String.join(", ", allowed) + ")");
        }
        return value;
      }
    };
  }

  /** The JSON path of a mapping error as {@code update.after.status: }, or "" when unknown. */
  static String where(JsonProcessingException ex) {
    if (!(ex instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return "";
    }
    return m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
  }

  /** The error's message: ours alone for an unknown value, Jackson's otherwise. */
  static String message(JsonProcessingException ex) {
    String m = ex.getOriginalMessage();
    int i = m == null ? -1 : m.indexOf("unknown value \"");
    return i > 0 && ex instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException ? m.substring(i) : m;
  }

  /** A ticket type outside Zendesk's four, or null when valid. */
  static String badType(String type) {
    return type == null || type.isEmpty() || TYPES.contains(type.toLowerCase(Locale.ROOT)) ? null
        : "unknown value \"" + type + "\" (" + String.join(", ", TYPES) + ")";
  }
}
