package io.handoff.ticket.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.FieldError;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketComment.AuthorRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads ticket REST bodies field by field, so that an unknown field, a wrong type or malformed JSON
 * is refused with the field's name instead of being ignored or failing deserialisation.
 *
 * <p>PATCH body: {@code status, priority, type, group, assignee} (strings; {@code ""} clears all but
 * status), {@code tags} (a list replaces all; or {@code {set, add, remove}}), {@code addTags}, {@code removeTags} (string lists),
 * {@code customFields} (object of strings). Comment body: {@code body} (string, required),
 * {@code public} (boolean, default true), {@code author}: an agent id, or
 * {@code {"id", "name", "role": "agent" | "end_user" | "system"}}.
 */
public final class TicketRequests {

  /** A parsed request, or the errors that refused it. */
  public record Parsed<T>(T value, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private static final Set<String> PATCH_FIELDS = Set.of("status", "priority", "type", "group",
      "assignee", "tags", "addTags", "removeTags", "customFields");
  private static final Set<String> COMMENT_FIELDS = Set.of("body", "public", "author");

  private final ObjectMapper json;
  private final HelpdeskDirectory directory;

  public TicketRequests(ObjectMapper json, HelpdeskDirectory directory) {
    this.json = json;
    this.directory = directory;
  }

  public Parsed<TicketChange> patch(byte[] body) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode root = object(body, errors);
    if (root == null) {
      return new Parsed<>(null, errors);
    }
    unknownFields(root, PATCH_FIELDS, errors);
    TicketChange.Builder b = TicketChange.builder()
        .status(string(root, "status", errors)).priority(string(root, "priority", errors))
        .type(string(root, "type", errors)).group(string(root, "group", errors))
        .assignee(string(root, "assignee", errors));
    if (root.has("tags") && root.get("tags").isObject()) {
      // The documented object form: {"tags": {"set": [...], "add": [...], "remove": [...]}}.
      JsonNode tags = root.get("tags");
      tags.fieldNames().forEachRemaining(k -> {
        if (!Set.of("set", "add", "remove").contains(k)) {
          errors.add(new FieldError("tags." + k, "unknown field (allowed: set, add, remove)"));
        }
      });
      if (tags.has("set")) {
        b.setTags(strings(tags, "set", errors));
      }
      strings(tags, "add", errors).forEach(b::addTag);
      strings(tags, "remove", errors).forEach(b::removeTag);
      errors.replaceAll(e -> Set.of("set", "add", "remove").contains(e.field())
          ? new FieldError("tags." + e.field(), e.message()) : e);
    } else if (root.has("tags")) {
      b.setTags(strings(root, "tags", errors));
    }
    strings(root, "addTags", errors).forEach(b::addTag);
    strings(root, "removeTags", errors).forEach(b::removeTag);
    customFields(root, errors).forEach(b::customField);
    TicketChange change = b.build();
    if (errors.isEmpty() && change.isEmpty()) {
      errors.add(new FieldError("body", "names no field to change (allowed: "
          + String.join(", ", PATCH_FIELDS.stream().sorted().toList()) + ")"));
    }
    return new Parsed<>(errors.isEmpty() ? change : null, errors);
  }

  public Parsed<NewComment> comment(byte[] body) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode root = object(body, errors);
    if (root == null) {
      return new Parsed<>(null, errors);
    }
    unknownFields(root, COMMENT_FIELDS, errors);
    String text = string(root, "body", errors);
    if (text == null && !root.has("body")) {
      errors.add(new FieldError("body", "is required"));
    }
    boolean isPublic = true;
    if (root.has("public")) {
      if (root.get("public").isBoolean()) {
        isPublic = root.get("public").asBoolean();
      } else {
        errors.add(new FieldError("public", "must be true or false"));
      }
    }
    NewComment author = author(root.get("author"), errors);
    if (!errors.isEmpty()) {
      return new Parsed<>(null, errors);
    }
    return new Parsed<>(new NewComment(text, isPublic, author.authorId(), author.authorName(),
        author.authorRole()), errors);
  }

  /** The author as a comment without body (id, name, role), or an error on {@code author}. */
  private NewComment author(JsonNode node, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      errors.add(new FieldError("author", "is required: an agent id or {id, name, role}"));
      return null;
    }
    if (node.isTextual()) {
      return directory.agent(node.asText())
          .map(a -> new NewComment(null, true, a.id(), a.name(), AuthorRole.AGENT))
          .orElseGet(() -> {
            errors.add(new FieldError("author", "unknown agent '" + node.asText() + "'"));
            return null;
          });
    }
    if (!node.isObject()) {
      errors.add(new FieldError("author", "must be an agent id or an object {id, name, role}"));
      return null;
    }
    unknownFields(node, Set.of("id", "name", "role"), errors, "author.");
    String id = string(node, "id", errors, "author.");
    String name = string(node, "name", errors, "author.");
    String roleText = string(node, "role", errors, "author.");
    AuthorRole role = roleText == null ? AuthorRole.AGENT : role(roleText);
    if (role == null) {
      errors.add(new FieldError("author.role", "unknown role '" + roleText
          + "' (allowed: agent, end_user, system)"));
    } else if (role == AuthorRole.AGENT && (id == null || directory.agent(id).isEmpty())) {
      errors.add(new FieldError("author.id", "unknown agent '" + id + "'"));
    }
    if (role == AuthorRole.AGENT && name == null && id != null) {
      name = directory.agent(id).map(a -> a.name()).orElse(null);
    }
    return new NewComment(null, true, id, name, role);
  }

  private static AuthorRole role(String s) {
    String v = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (AuthorRole r : AuthorRole.values()) {
      if (r.name().equals(v)) {
        return r;
      }
    }
    return null;
  }

  private JsonNode object(byte[] body, List<FieldError> errors) {
    try {
      JsonNode root = body == null || body.length == 0 ? null : json.readTree(body);
      if (root == null || !root.isObject()) {
        errors.add(new FieldError("body", "must be a JSON object"));
        return null;
      }
      return root;
    } catch (IOException e) {
      errors.add(new FieldError("body", "is not valid JSON"));
      return null;
    }
  }

  private static void unknownFields(JsonNode root, Set<String> allowed, List<FieldError> errors) {
    unknownFields(root, allowed, errors, "");
  }

  private static void unknownFields(JsonNode root, Set<String> allowed, List<FieldError> errors,
      String prefix) {
    root.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        errors.add(new FieldError(prefix + f, "unknown field (allowed: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")"));
      }
    });
  }

  private static String string(JsonNode root, String field, List<FieldError> errors) {
    return string(root, field, errors, "");
  }

  private static String string(JsonNode root, String field, List<FieldError> errors, String prefix) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      errors.add(new FieldError(prefix + field, "must be a string"));
      return null;
    }
    return v.asText();
  }

  private static Set<String> strings(JsonNode root, String field, List<FieldError> errors) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      errors.add(new FieldError(field, "must be a list of strings"));
      return out;
    }
    v.forEach(item -> {
      if (item.isTextual()) {
        out.add(item.asText());
      } else {
        errors.add(new FieldError(field, "must be a list of strings"));
      }
    });
    return out;
  }

  private static Map<String, String> customFields(JsonNode root, List<FieldError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode v = root.get("customFields");
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      errors.add(new FieldError("customFields", "must be an object of strings"));
      return out;
    }
    v.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        out.put(e.getKey(), e.getValue().asText());
      } else {
        errors.add(new FieldError("customFields." + e.getKey(), "must be a string, number or boolean"));
      }
    });
    return out;
  }
}
