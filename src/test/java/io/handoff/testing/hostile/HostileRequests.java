package io.handoff.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of malformed and hostile requests against every public endpoint. Requests that a
 * correct service must refuse may aim at the target journeys and tickets (which must not change);
 * requests that may legitimately be accepted (hostile text in a valid event, a dry run) aim at
 * throw-away conversations or have no side effects.
 */
public final class HostileRequests {
  static final String[] INJECTIONS = {
    "' OR '1'='1' --", "1; DROP TABLE journal; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "#{7*7}", "{{ticket.requester.email}}",
    "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000null byte", "a\r\nX-Injected: 1",
    "\u202Eevil\u202C", "zero\u200Bwidth", "e\u0301\u0301\u0301", "\uD83D\uDE00\uD83D\uDE00", "\uFEFFbom",
    "${jndi:ldap://127.0.0.1/a}", "$(touch /tmp/pwned)", "`id`", "<!--#exec cmd=\"ls\"-->",
    "%s%s%s%n", "\\u0000", "NaN", "-0", "1e309", "{\"$gt\": \"\"}", "__proto__", "constructor",
  };
  private static final String[] BAD_IDS = {
    "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "a%00b", "%3Cscript%3E", "%27%20OR%201%3D1%20--",
    "%7B%7B7*7%7D%7D", "a%0D%0AX-Injected:%201", "%E2%80%AE", "%F0%9F%98%80", "%C3%28", "x".repeat(200),
    "%20", "a%2Fb", "..", "%25", "a;b", "a%5Cb",
  };
  private final Random random;
  private final List<String> targetConversations;
  private final List<String> targetTickets;
  private final String throwAwayPrefix;

  public HostileRequests(long seed, List<String> targetConversations, List<String> targetTickets,
      String throwAwayPrefix) {
    this.random = new Random(seed);
    this.targetConversations = targetConversations;
    this.targetTickets = targetTickets;
    this.throwAwayPrefix = throwAwayPrefix;
  }

  public List<HostileRequest> generate(int n) {
    List<HostileRequest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  private HostileRequest next() {
    int k = random.nextInt(100);
    if (k < 40) {
      return event();
    }
    if (k < 45) {
      return replay();
    }
    if (k < 60) {
      return ticket();
    }
    if (k < 75) {
      return query();
    }
    if (k < 85) {
      return dryRun();
    }
    if (k < 92) {
      return webhook();
    }
    if (k < 95) {
      return method();
    }
    return entryPoints();
  }

  /**
   * Issue 15 items 6, 9, 11: events that cannot open a journey for conversations that never started,
   * Sunshine ids and texts checked like REST ones, the ';' guard on other spellings of /api, and request
   * targets over 8,192 characters.
   */
  private HostileRequest entryPoints() {
    int k = random.nextInt(5);
    return switch (k) {
      case 0 -> reject("event: cannot open a journey (conversation never started)", "POST", "/api/conversations/"
          + "hostile-phantom-" + Long.toHexString(random.nextLong()) + "/events", json(), pick(List.of(
              "{\"type\":\"agent.replied\",\"text\":\"hi\",\"agent\":{\"id\":\"a\",\"name\":\"A\"}}",
              "{\"type\":\"conversation.ended\"}", "{\"type\":\"customer.replied\",\"text\":\"hi\"}",
              "{\"type\":\"conversation.queued\"}")));
      case 1 -> reject("sunshine webhook: hostile conversation id", "POST", "/api/webhooks/sunshine", sunshineKey(),
          sunshine(pick(List.of("a/b", "..", "", "a\nb", "x".repeat(2000), "a b", "journey-x\u0000")), "hi"));
      case 2 -> reject("sunshine webhook: text over 20,000 characters", "POST", "/api/webhooks/sunshine",
          sunshineKey(), sunshine(throwAway(), "a".repeat(20_001 + random.nextInt(5000))));
      // Up to 60,000 characters: past 64 KiB Vert.x's codec answers a bare 414 before any route (README).
      case 4 -> reject("request target over 8,192 characters", pick(List.of("GET", "POST", "PATCH")), pick(List.of(
          "/api/conversations/" + pick(targetConversations) + "/events?x=", "/api/journeys/journey-",
          "/api/tickets/" + pick(targetTickets) + "?q=", "/dashboard/", "/x/")) + "z".repeat(
              8_193 + random.nextInt(52_000)), json(), "{\"type\":\"message.received\",\"text\":\"hi\"}");
      default -> reject("';' in another spelling of an API path", "GET", pick(List.of(
          "//api/journeys/journey-x;y", "/%61pi/journeys/journey-x;y", "/api/./journeys;x", "///api//journeys;x",
          "/%61%70%69/conversations/a;b/events")), Map.of(), "");
    };
  }

  private static Map<String, String> sunshineKey() {
    return Map.of("Content-Type", "application/json", "X-API-Key", "hostile-harness-sunshine-secret");
  }

  private String sunshine(String conversationId, String text) {
    return "{\"app\":{\"id\":\"app\"},\"webhook\":{\"id\":\"wh\",\"version\":\"v2\"},\"events\":[{\"id\":\"ev-"
        + Long.toHexString(random.nextLong()) + "\",\"type\":\"conversation:message\",\"payload\":{\"conversation\":"
        + "{\"id\":" + quote(conversationId) + "},\"message\":{\"author\":{\"type\":\"user\",\"userId\":\"u\"},"
        + "\"content\":{\"type\":\"text\",\"text\":" + quote(text) + "},\"source\":{\"type\":\"web\"}}}}]}";
  }

  private HostileRequest event() {
    String path = "/api/conversations/" + pick(targetConversations) + "/events";
    int k = random.nextInt(22);
    return switch (k) {
      case 0 -> reject("event: type is a number", "POST", path, json(), "{\"type\":" + random.nextInt(1000) + "}");
      case 1 -> reject("event: text is an object", "POST", path, json(),
          "{\"type\":\"message.received\",\"text\":{\"a\":" + random.nextInt() + "}}");
      case 2 -> reject("event: customer is a string", "POST", path, json(),
          "{\"type\":\"conversation.started\",\"customer\":\"" + inj() + "\"}");
      case 3 -> reject("event: channel is a boolean", "POST", path, json(),
          "{\"type\":\"message.received\",\"channel\":true,\"text\":\"hi\"}");
      case 4 -> reject("event: unknown type", "POST", path, json(),
          "{\"type\":" + quote(pick(List.of("message.deleted", "MESSAGE.RECEIVED", "", inj()))) + "}");
      case 5 -> reject("event: unknown field", "POST", path, json(),
          "{\"type\":\"message.received\",\"text\":\"hello\"," + quote(pick(List.of("admin", "stage", "__proto__",
              "ticketId", inj()))) + ":true}");
      case 6 -> reject("event: text over 20,000 characters", "POST", path, json(),
          "{\"type\":\"message.received\",\"text\":\"" + "a".repeat(20_001 + random.nextInt(60_000)) + "\"}");
      case 7 -> reject("event: body over the 256 KB limit", "POST", path, json(),
          "{\"type\":\"message.received\",\"text\":\"" + "b".repeat(262_145 + random.nextInt(800_000)) + "\"}");
      case 8 -> reject("event: invalid UTF-8", "POST", path, json(), invalidUtf8(
          "{\"type\":\"message.received\",\"text\":\"", "\"}"));
      case 9 -> reject("event: nesting deeper than 16", "POST", path, json(), nested(17 + random.nextInt(3000)));
      case 10 -> reject("event: malformed JSON", "POST", path, json(), pick(List.of(
          "{\"type\":\"message.received\",\"text\":\"hi\"", "{'type':'message.received'}", "{\"type\":NaN}",
          "{\"type\":\"message.received\"}}}", "{\"type\" \"x\"}", "{\"text\":\"\\uZZZZ\"}", "\u0000{}",
          "{\"type\":\"message.received\",\"text\":\"hi\",}")));
      case 11 -> reject("event: not a JSON object", "POST", path, json(), pick(List.of("[]", "\"x\"", "123", "null",
          "true", "[{\"type\":\"message.received\"}]")));
      case 12 -> reject("event: empty body", "POST", path, json(), "");
      case 13 -> reject("event: hostile conversation id", "POST", "/api/conversations/" + pick(List.of(BAD_IDS))
          + "/events", json(), "{\"type\":\"message.received\",\"text\":\"hi\"}");
      case 14 -> random.nextBoolean()
          ? reject("event: Idempotency-Key over 128 characters", "POST", path,
              Map.of("Content-Type", "application/json", "Idempotency-Key", "k".repeat(129 + random.nextInt(2000))),
              "{\"type\":\"message.received\",\"text\":\"hi\"}")
          // An empty header value reaches the application as no header: the event is accepted with a fresh id.
          : accept("event: empty Idempotency-Key (throw-away conversation)", "POST", "/api/conversations/"
              + throwAway() + "/events", Map.of("Content-Type", "application/json", "Idempotency-Key", ""),
              "{\"type\":\"message.received\",\"text\":\"hi\"}");
      case 15 -> reject("event: bad occurredAt", "POST", path, json(), "{\"type\":\"message.received\",\"text\":\"hi\","
          + "\"occurredAt\":" + pick(List.of("\"yesterday\"", "1e309", "\"2026-13-45T99:00:00Z\"", "[]")) + "}");
      case 16 -> reject("event: bad eventId", "POST", path, json(), "{\"type\":\"message.received\",\"text\":\"hi\","
          + "\"eventId\":" + pick(List.of("5", "{}", quote("e".repeat(129)), "\"\"")) + "}");
      case 17 -> reject("event: bad customer fields", "POST", path, json(), "{\"type\":\"conversation.started\","
          + "\"customer\":{\"email\":" + quote(inj()) + ",\"tier\":" + random.nextInt() + "}}");
      case 18 -> reject("event: XML or form body", "POST", path, Map.of("Content-Type",
          pick(List.of("application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"))),
          pick(List.of("<event><type>message.received</type></event>", "type=message.received&text=hi",
              "--x\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nmessage.received\r\n--x--")));
      case 19 -> reject("event: unknown text field in customer", "POST", path, json(),
          "{\"type\":\"conversation.started\",\"customer\":{\"id\":\"u\",\"role\":\"admin\"}}");
      case 20 -> accept("event: hostile text in a valid message (throw-away conversation)", "POST",
          "/api/conversations/" + throwAway() + "/events", json(), "{\"type\":\"message.received\",\"text\":"
              + quote(inj() + " " + inj()) + "}");
      default -> accept("event: valid JSON under text/plain, header injection attempt (throw-away)", "POST",
          "/api/conversations/" + throwAway() + "/events", Map.of("Content-Type", "text/plain",
              "Idempotency-Key", "k" + random.nextInt(1_000_000) + "\r\nX-Injected: 1"),
          "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"}");
    };
  }

  /**
   * Issue 17: {@code POST /api/conversations/{id}/replay}. Refused bodies aim at fresh conversations (so a
   * refusal is the body's, not the existing journey's); a valid replay of a target conversation must be a 409
   * (its journey exists); hostile text in a valid replay of a fresh conversation is accepted.
   */
  private HostileRequest replay() {
    String fresh = "/api/conversations/hostile-replay-" + Long.toHexString(random.nextLong()) + "/replay";
    String past = "\"occurredAt\":\"" + java.time.Instant.now().minusSeconds(3600 + random.nextInt(86_400)) + "\"";
    String started = "{\"type\":\"conversation.started\"," + past + "}";
    int k = random.nextInt(9);
    return switch (k) {
      case 0 -> reject("replay: malformed JSON", "POST", fresh, json(), pick(List.of("{\"events\":[" + started,
          "{\"events\":[" + started + ",]}", "{'events':[]}", "", "[" + started + "]", "{\"events\":[NaN]}")));
      case 1 -> reject("replay: events not an array of events", "POST", fresh, json(), "{\"events\":" + pick(List.of(
          started, "\"x\"", "42", "null", "[]", "[42]", "[[]]")) + "}");
      case 2 -> reject("replay: wrong types in an event", "POST", fresh, json(), "{\"events\":[" + started + ","
          + pick(List.of("{\"type\":7," + past + "}", "{\"type\":\"message.received\",\"occurredAt\":1e309}",
              "{\"type\":\"message.received\",\"text\":{\"a\":1}," + past + "}",
              "{\"type\":\"message.received\",\"channel\":true," + past + "}",
              "{\"type\":\"message.received\",\"occurredAt\":\"yesterday\"}")) + "]}");
      case 3 -> random.nextBoolean()
          ? reject("replay: conversation id over 128 characters", "POST", "/api/conversations/"
              + "r".repeat(129 + random.nextInt(2000)) + "/replay", json(), "{\"events\":[" + started + "]}")
          : reject("replay: eventId over 128 characters", "POST", fresh, json(), "{\"events\":[{\"type\":"
              + "\"conversation.started\",\"eventId\":" + quote("e".repeat(129 + random.nextInt(500))) + "," + past + "}]}");
      case 4 -> reject("replay: injection as a type, channel or field name", "POST", fresh, json(), pick(List.of(
          "{\"events\":[{\"type\":" + quote(inj()) + "," + past + "}]}",
          "{\"events\":[{\"type\":\"conversation.started\",\"channel\":" + quote(inj()) + "," + past + "}]}",
          "{\"events\":[" + started + "]," + quote(inj()) + ":true}")));
      case 5 -> reject("replay: more than 200 events", "POST", fresh, json(), "{\"events\":["
          + String.join(",", java.util.Collections.nCopies(201 + random.nextInt(300), started)) + "]}");
      case 6 -> reject("replay: body over the 256 KB limit", "POST", fresh, json(), "{\"events\":[{\"type\":"
          + "\"message.received\",\"text\":\"" + "r".repeat(262_145 + random.nextInt(300_000)) + "\"," + past + "}]}");
      case 7 -> reject("replay: a target conversation (its journey exists)", "POST", "/api/conversations/"
          + pick(targetConversations) + "/replay", json(), "{\"events\":[" + started + "]}");
      default -> accept("replay: hostile text in a valid replay (fresh conversation)", "POST", fresh, json(),
          "{\"events\":[" + started + ",{\"type\":\"message.received\",\"text\":" + quote(inj() + " " + inj())
              + "," + past + "}]}");
    };
  }

  private HostileRequest ticket() {
    String id = pick(targetTickets);
    int k = random.nextInt(14);
    String patch = "/api/tickets/" + id;
    String comments = "/api/tickets/" + id + "/comments";
    return switch (k) {
      case 0 -> reject("ticket PATCH: status is a number", "PATCH", patch, json(), "{\"status\":5}");
      case 1 -> reject("ticket PATCH: unknown status or priority", "PATCH", patch, json(),
          "{\"" + pick(List.of("status", "priority", "type")) + "\":" + quote(inj()) + "}");
      case 2 -> reject("ticket PATCH: unknown group or assignee", "PATCH", patch, json(),
          "{\"" + pick(List.of("group", "assignee")) + "\":" + quote(pick(List.of(INJECTIONS)) + random.nextInt()) + "}");
      case 3 -> reject("ticket PATCH: tags of the wrong shape", "PATCH", patch, json(),
          pick(List.of("{\"tags\":\"x\"}", "{\"tags\":{\"set\":\"x\"}}", "{\"tags\":{\"add\":[1,2]}}",
              "{\"tags\":{\"drop\":[\"x\"]}}")));
      case 4 -> reject("ticket PATCH: unknown field", "PATCH", patch, json(), "{\"" + pick(List.of("id", "journeyId",
          "createdAt", "comments", "__proto__")) + "\":\"x\"}");
      case 5 -> reject("ticket PATCH: invalid UTF-8", "PATCH", patch, json(), invalidUtf8("{\"group\":\"", "\"}"));
      case 6 -> reject("ticket PATCH: nesting deeper than 16", "PATCH", patch, json(), nested(17 + random.nextInt(500)));
      case 7 -> reject("ticket PATCH: malformed or empty body", "PATCH", patch, json(),
          pick(List.of("", "{", "[]", "{\"status\":\"open\"", "null")));
      case 8 -> reject("ticket PATCH: body over the 256 KB limit", "PATCH", patch, json(),
          "{\"customFields\":{\"a\":\"" + "c".repeat(262_145 + random.nextInt(300_000)) + "\"}}");
      case 9 -> reject("ticket comment: wrong types", "POST", comments, json(),
          pick(List.of("{\"public\":\"yes\",\"body\":1}", "{\"body\":\"\"}", "{\"public\":true}",
              "{\"body\":\"x\",\"author\":\"me\"}", "{\"body\":[\"x\"]}")));
      case 10 -> reject("ticket comment: unknown field or invalid UTF-8", "POST", comments, json(),
          random.nextBoolean() ? "{\"body\":\"hi\",\"html\":\"<b>x</b>\"}".getBytes(StandardCharsets.UTF_8)
              : invalidUtf8("{\"body\":\"", "\"}"));
      case 11 -> reject("ticket comment: body over the 256 KB limit", "POST", comments, json(),
          "{\"body\":\"" + "d".repeat(262_145 + random.nextInt(300_000)) + "\"}");
      case 12 -> reject("ticket: hostile ticket id", pick(List.of("GET", "PATCH")), "/api/tickets/"
          + pick(List.of(BAD_IDS)), json(), "{\"status\":\"solved\"}");
      default -> reject("ticket comment: hostile ticket id", "POST", "/api/tickets/" + pick(List.of(BAD_IDS))
          + "/comments", json(), "{\"body\":\"hi\",\"public\":true}");
    };
  }

  private HostileRequest query() {
    int k = random.nextInt(6);
    String v = pick(List.of(BAD_IDS));
    return switch (k) {
      case 0 -> accept("journeys: hostile journey id", "GET", "/api/journeys/" + v, Map.of(), "");
      case 1 -> accept("journeys: hostile filters", "GET", "/api/journeys?stage=" + v + "&intent=" + v + "&language="
          + v + "&channel=" + v, Map.of(), "");
      case 2 -> accept("journeys: hostile limit or cursor", "GET", "/api/journeys?limit=" + pick(List.of("-1", "0",
          "abc", "1e9", "99999999999", "%00")) + "&cursor=" + v, Map.of(), "");
      case 3 -> accept("tickets: hostile filters", "GET", "/api/tickets?status=" + v + "&group=" + v + "&limit="
          + pick(List.of("-5", "x", "100000")) + "&cursor=" + v, Map.of(), "");
      case 4 -> accept("comparison: hostile dates", "GET", "/api/routing/comparison?from=" + v + "&to="
          + pick(List.of("2026-13-01", "yesterday", "%00")), Map.of(), "");
      default -> accept("outbox: hostile parameters", "GET", "/api/outbox/messages?conversationId=" + v + "&limit="
          + pick(List.of("abc", "-1", "1e9")), Map.of(), "");
    };
  }

  private HostileRequest dryRun() {
    int k = random.nextInt(6);
    String path = "/api/rules/dry-run";
    return switch (k) {
      case 0 -> reject("dry-run: malformed JSONL", "POST", path, Map.of("Content-Type", "application/x-ndjson"),
          pick(List.of("{\"event\":", "not json\nstill not", "[1,2,3]", "{\"type\":42}\n")));
      case 1 -> reject("dry-run: invalid UTF-8", "POST", path, Map.of("Content-Type", "application/x-ndjson"),
          invalidUtf8("{\"type\":\"message.received\",\"text\":\"", "\"}\n"));
      // A candidate must lie under handoff.candidates-dir: every one of these leaves it.
      case 2 -> reject("dry-run: hostile candidate directory", "POST", path + "?candidate=" + pick(List.of(
          "..%2F..%2Fetc", "%2Fetc%2Fpasswd", "a%00b", "..")) + "&journeyId=journey-" + pick(targetConversations),
          Map.of(), "");
      case 3 -> reject("dry-run: hostile journey id", "POST", path + "?journeyId=" + pick(List.of(BAD_IDS)),
          Map.of(), "");
      case 4 -> reject("dry-run: body over the 256 KB limit", "POST", path, Map.of("Content-Type",
          "application/x-ndjson"), "x".repeat(262_145 + random.nextInt(100_000)));
      default -> accept("dry-run: on a target journey (no side effects)", "POST", path + "?journeyId=journey-"
          + pick(targetConversations) + "&businessHours=" + pick(List.of("open", "closed", "maybe")), Map.of(), "");
    };
  }

  private HostileRequest webhook() {
    int k = random.nextInt(5);
    String body = "{\"type\":\"zen:event-type:ticket.status_changed\",\"detail\":{\"id\":\"" + pick(targetTickets)
        + "\"},\"event\":{\"current\":\"closed\",\"previous\":\"open\"}}";
    return switch (k) {
      case 0 -> reject("zendesk webhook: no signature", "POST", "/api/webhooks/zendesk", json(), body);
      case 1 -> reject("zendesk webhook: forged signature", "POST", "/api/webhooks/zendesk", Map.of("Content-Type",
          "application/json", "X-Zendesk-Webhook-Signature", "Zm9yZ2Vk" + random.nextInt(),
          "X-Zendesk-Webhook-Signature-Timestamp", java.time.Instant.now().toString()), body);
      case 2 -> reject("zendesk webhook: stale or garbage timestamp", "POST", "/api/webhooks/zendesk",
          Map.of("Content-Type", "application/json", "X-Zendesk-Webhook-Signature", "Zm9yZ2Vk",
              "X-Zendesk-Webhook-Signature-Timestamp", pick(List.of("2001-01-01T00:00:00Z", "not-a-time", inj()))),
          body);
      case 3 -> reject("sunshine webhook: wrong or missing key", "POST", "/api/webhooks/sunshine",
          random.nextBoolean() ? json() : Map.of("Content-Type", "application/json", "X-API-Key", "guess"
              + random.nextInt()), "{\"events\":[{\"type\":\"conversation:message\",\"payload\":{}}]}");
      default -> reject("webhook: invalid UTF-8 or nested body without signature", "POST", "/api/webhooks/"
          + pick(List.of("zendesk", "sunshine")), json(), random.nextBoolean() ? nested(5000)
          : invalidUtf8("{\"type\":\"", "\"}"));
    };
  }

  private HostileRequest method() {
    String path = pick(List.of("/api/journeys/journey-" + pick(targetConversations), "/api/conversations/"
        + pick(targetConversations) + "/events", "/api/tickets/" + pick(targetTickets), "/api/rules/dry-run"));
    return reject("method not allowed", pick(List.of("DELETE", "PUT", "TRACE")), path, json(), "{}");
  }

  private String throwAway() {
    return throwAwayPrefix + random.nextInt(20);
  }

  private String inj() {
    return pick(List.of(INJECTIONS));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static Map<String, String> json() {
    return Map.of("Content-Type", "application/json");
  }

  private static HostileRequest reject(String kind, String method, String path, Map<String, String> headers,
      Object body) {
    return new HostileRequest(kind, method, path, new LinkedHashMap<>(headers), bytes(body), true);
  }

  private static HostileRequest accept(String kind, String method, String path, Map<String, String> headers,
      Object body) {
    return new HostileRequest(kind, method, path, new LinkedHashMap<>(headers), bytes(body), false);
  }

  private static byte[] bytes(Object body) {
    return body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] invalidUtf8(String before, String after) {
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8,
        (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
    byte[] b1 = before.getBytes(StandardCharsets.UTF_8);
    byte[] mid = bad[random.nextInt(bad.length)];
    byte[] b2 = after.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b1.length + mid.length + b2.length];
    System.arraycopy(b1, 0, out, 0, b1.length);
    System.arraycopy(mid, 0, out, b1.length, mid.length);
    System.arraycopy(b2, 0, out, b1.length + mid.length, b2.length);
    return out;
  }

  private String nested(int depth) {
    StringBuilder b = new StringBuilder("{\"type\":\"conversation.started\",\"customer\":{\"attributes\":{\"a\":");
    for (int i = 0; i < depth; i++) {
      b.append(random.nextBoolean() ? "[" : "{\"k\":");
    }
    b.append("1");
    for (int i = b.length() - 1, open = depth; open > 0; i--) {
      char c = b.charAt(i);
      if (c == '[' || c == ':') {
        b.append(c == '[' ? "]" : "}");
        open--;
      }
    }
    return b.append("}}}").toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
