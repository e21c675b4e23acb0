package io.handoff.bench.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock extension acting as a stateful Zendesk Tickets API: tickets are created, updated and
 * commented on in memory, {@code Idempotency-Key} on create replays the first ticket (as Zendesk
 * does), comment audits keep their custom metadata. A seeded share of calls fails: 429 with
 * {@code Retry-After: 1}, 503 before the change, and, on create, 500 after the ticket was made
 * (the answer is lost, so only the idempotency key prevents a second ticket). It counts tickets
 * per {@code external_id} (the conversation) to prove that none is duplicated.
 */
public final class FakeZendesk implements ResponseDefinitionTransformerV2 {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)(\\.json|/comments\\.json|/audits\\.json)");
  private final Random random;
  private final Map<Long, ObjectNode> tickets = new HashMap<>();
  private final Map<Long, List<ObjectNode>> audits = new HashMap<>();
  private final Map<String, Long> byIdempotencyKey = new HashMap<>();
  private final Map<String, Set<Long>> byExternalId = new HashMap<>();
  private final Map<String, Long> served = new TreeMap<>();
  private long nextId = 10_000;
  private long nextCommentId = 1;

  public FakeZendesk(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public String getName() {
    return "fake-zendesk";
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    String method = event.getRequest().getMethod().getName();
    String url = event.getRequest().getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    double r = random.nextDouble();
    try {
      if (method.equals("POST") && path.equals("/api/v2/tickets.json")) {
        return create(event, r);
      }
      Matcher m = TICKET.matcher(path);
      if (!m.matches()) {
        return json(404, "{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}");
      }
      long id = Long.parseLong(m.group(1));
      if (!tickets.containsKey(id)) {
        return json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
      }
      if (method.equals("PUT") && m.group(2).equals(".json")) {
        return update(id, JSON.readTree(event.getRequest().getBodyAsString()).path("ticket"), r);
      }
      if (method.equals("GET")) {
        if (r < 0.05) {
          return unavailable("GET 503");
        }
        count("GET ok");
        return switch (m.group(2)) {
          case ".json" -> json(200, JSON.createObjectNode().set("ticket", tickets.get(id)).toString());
          case "/comments.json" -> json(200, comments(id).toString());
          default -> json(200, auditsDesc(id).toString());
        };
      }
      return json(405, "{\"error\":\"MethodNotAllowed\"}");
    } catch (java.io.IOException e) {
      return json(400, "{\"error\":\"InvalidJson\",\"description\":\"" + e.getMessage().replace('"', '\'') + "\"}");
    }
  }

  private ResponseDefinition create(ServeEvent event, double r) throws java.io.IOException {
    if (r < 0.15) {
      return rateLimited("POST 429");
    }
    if (r < 0.25) {
      return unavailable("POST 503 (nothing created)");
    }
    String key = event.getRequest().getHeader("Idempotency-Key");
    Long earlier = key == null ? null : byIdempotencyKey.get(key);
    if (earlier != null) {
      count("POST replayed by Idempotency-Key");
      return new ResponseDefinitionBuilder().withStatus(201).withHeader("Content-Type", "application/json")
          .withHeader("x-idempotency-lookup", "hit")
          .withBody(JSON.createObjectNode().set("ticket", tickets.get(earlier)).toString()).build();
    }
    JsonNode in = JSON.readTree(event.getRequest().getBodyAsString()).path("ticket");
    long id = nextId++;
    String now = Instant.now().toString();
    ObjectNode t = JSON.createObjectNode();
    t.put("id", id).put("url", "https://harness.zendesk.com/api/v2/tickets/" + id + ".json")
        .put("external_id", in.path("external_id").asText(null)).put("subject", in.path("subject").asText())
        .put("description", in.path("comment").path("body").asText()).put("status", "new")
        .put("priority", in.path("priority").asText(null)).putNull("type")
        .put("requester_id", 900_000 + id).putNull("assignee_id").putNull("organization_id")
        .put("created_at", now).put("updated_at", now);
    t.set("group_id", in.path("group_id").isMissingNode() ? null : in.path("group_id"));
    t.set("tags", in.path("tags").isArray() ? in.path("tags") : JSON.createArrayNode());
    t.putArray("custom_fields");
    t.putObject("via").put("channel", "api");
    tickets.put(id, t);
    audits.put(id, new ArrayList<>());
    addComment(id, in.path("comment"), 900_000 + id, null);
    if (key != null) {
      byIdempotencyKey.put(key, id);
    }
    byExternalId.computeIfAbsent(t.path("external_id").asText(), k -> new LinkedHashSet<>()).add(id);
    if (r < 0.30) {
      count("POST 500 after creating (answer lost)");
      return json(500, "{\"error\":\"InternalError\",\"description\":\"connection reset\"}");
    }
    count("POST 201 created");
    return json(201, JSON.createObjectNode().set("ticket", t).toString());
  }

  private ResponseDefinition update(long id, JsonNode in, double r) {
    if (r < 0.10) {
      return rateLimited("PUT 429");
    }
    if (r < 0.15) {
      return unavailable("PUT 503");
    }
    ObjectNode t = tickets.get(id);
    for (String field : List.of("status", "priority", "type", "group_id", "assignee_id")) {
      if (in.has(field)) {
        t.set(field, in.get(field));
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    (in.has("tags") ? in.get("tags") : t.path("tags")).forEach(n -> tags.add(n.asText()));
    in.path("additional_tags").forEach(n -> tags.add(n.asText()));
    in.path("remove_tags").forEach(n -> tags.remove(n.asText()));
    ArrayNode tagArray = t.putArray("tags");
    tags.forEach(tagArray::add);
    t.put("updated_at", Instant.now().toString());
    ObjectNode audit = null;
    if (in.has("comment")) {
      long author = in.path("comment").path("author_id").asLong(t.path("requester_id").asLong());
      audit = addComment(id, in.get("comment"), author, in.path("metadata"));
    }
    count("PUT ok");
    ObjectNode out = JSON.createObjectNode();
    out.set("ticket", t);
    if (audit != null) {
      out.set("audit", audit);
    }
    return json(200, out.toString());
  }

  private ObjectNode addComment(long id, JsonNode comment, long author, JsonNode metadata) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", nextCommentId++).put("type", "Comment").put("body", comment.path("body").asText())
        .put("public", comment.path("public").asBoolean(true)).put("author_id", author);
    ObjectNode audit = JSON.createObjectNode();
    audit.put("id", nextCommentId++).put("ticket_id", id).put("created_at", Instant.now().toString());
    audit.putObject("metadata").set("custom",
        metadata == null || metadata.isMissingNode() ? JSON.createObjectNode() : metadata);
    audit.putArray("events").add(c);
    audits.get(id).add(audit);
    return audit;
  }

  private ObjectNode comments(long id) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("comments");
    for (ObjectNode audit : audits.get(id)) {
      ObjectNode c = ((ObjectNode) audit.path("events").get(0)).deepCopy();
      c.put("created_at", audit.path("created_at").asText());
      list.add(c);
    }
    out.putArray("users").addObject().put("id", tickets.get(id).path("requester_id").asLong())
        .put("name", "Customer").put("role", "end-user");
    return out;
  }

  private ObjectNode auditsDesc(long id) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("audits");
    List<ObjectNode> all = new ArrayList<>(audits.get(id));
    java.util.Collections.reverse(all);
    all.forEach(list::add);
    return out;
  }

  private ResponseDefinition rateLimited(String what) {
    count(what);
    return new ResponseDefinitionBuilder().withStatus(429).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"APIRateLimitExceeded\",\"description\":\"Rate limit exceeded\"}").build();
  }

  private ResponseDefinition unavailable(String what) {
    count(what);
    return json(503, "{\"error\":\"ServiceUnavailable\",\"description\":\"Maintenance\"}");
  }

  private void count(String what) {
    served.merge(what, 1L, Long::sum);
  }

  private static ResponseDefinition json(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }

  /** What was served, by kind. */
  public synchronized Map<String, Long> served() {
    return new TreeMap<>(served);
  }

  /** Ticket ids made for each external_id (conversation). */
  public synchronized Map<String, Set<Long>> ticketsByConversation() {
    Map<String, Set<Long>> m = new LinkedHashMap<>();
    byExternalId.forEach((k, v) -> m.put(k, new LinkedHashSet<>(v)));
    return m;
  }

  /** The bodies of every comment on a conversation's tickets, in order. */
  public synchronized List<String> commentBodies(String conversationId) {
    List<String> out = new ArrayList<>();
    for (long id : byExternalId.getOrDefault(conversationId, Set.of())) {
      audits.get(id).forEach(a -> out.add(a.path("events").get(0).path("body").asText()));
    }
    return out;
  }
}
