package io.handoff.zendeskimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.support.CommentToAdd;
import io.handoff.support.Notification;
import io.handoff.support.SupportDecision;
import io.handoff.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What triggers did on one ticket update, in a form both sides of an equivalence check share: the
 * fields they left with a new value, the tags they added and removed, the notifications and comments
 * they made, and which triggers acted.
 *
 * @param fields field name ({@code status}, {@code priority}, {@code type}, {@code group_id},
 *     {@code assignee_id}, {@code custom_fields_<key>}, or Zendesk's own name) → value after the triggers
 * @param notifications e-mails and webhook calls
 * @param comments {@code public reply} / {@code internal note}, each with its trigger
 * @param triggers the triggers that acted; Zendesk's with their id, {@code title (#id)} (Zendesk records only
 *     those that left an event)
 * @param commentBodies the comments' texts, in the order of {@code comments} (null where not recorded)
 */
public record RuleEffects(Map<String, String> fields, List<String> tagsAdded, List<String> tagsRemoved,
    List<Sent> notifications, List<String> comments, List<String> triggers, List<String> commentBodies) {

  /**
   * One notification.
   *
   * @param kind {@code email} or {@code webhook}
   * @param recipient as each side names it (Handoff: address, group or webhook id; Zendesk: user ids
   *     or the webhook id); shown, not compared
   * @param subject the e-mail's subject (null for a webhook, or not recorded)
   * @param body the e-mail's body or the webhook's request body (null when not recorded)
   * @param endpoint the webhook's URL when Handoff's rules made the call (null for e-mails and for
   *     Zendesk's recorded calls, whose audit events do not give it)
   */
  public record Sent(String kind, String trigger, String recipient, String subject, String body,
      @JsonInclude(JsonInclude.Include.NON_NULL)
      String endpoint) {

    public Sent(String kind, String trigger, String recipient, String subject) {
      this(kind, trigger, recipient, subject, null, null);
    }

    public Sent(String kind, String trigger, String recipient, String subject, String body) {
      this(kind, trigger, recipient, subject, body, null);
    }

    /** This notification with its texts passed through {@code render}. */
    Sent rendered(java.util.function.UnaryOperator<String> render) {
      return new Sent(kind, trigger, recipient, subject == null ? null : render.apply(subject),
          body == null ? null : render.apply(body), endpoint);
    }
  }

  /** Parses webhook bodies for the comparison; text after the JSON value makes it not JSON. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public RuleEffects(Map<String, String> fields, List<String> tagsAdded, List<String> tagsRemoved,
      List<Sent> notifications, List<String> comments, List<String> triggers) {
    this(fields, tagsAdded, tagsRemoved, notifications, comments, triggers, null);
  }

  public RuleEffects {
    fields = Map.copyOf(new TreeMap<>(fields));
    tagsAdded = List.copyOf(new TreeSet<>(tagsAdded));
    tagsRemoved = List.copyOf(new TreeSet<>(tagsRemoved));
    notifications = List.copyOf(notifications);
    comments = List.copyOf(comments);
    triggers = List.copyOf(triggers);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < comments.size(); i++) {
      bodies.add(commentBodies != null && i < commentBodies.size() ? commentBodies.get(i) : null);
    }
    commentBodies = java.util.Collections.unmodifiableList(bodies);
  }

  /**
   * These effects with every recorded text that is a template (holds {@code {{}} or {@code {%}) rendered
   * by {@code render}: Zendesk's audits may keep a notification's text as the trigger wrote it.
   */
  RuleEffects withTemplatesRendered(java.util.function.UnaryOperator<String> render) {
    java.util.function.UnaryOperator<String> r = t -> t != null && (t.contains("{{") || t.contains("{%"))
        ? render.apply(t) : t;
    List<String> bodies = new ArrayList<>();
    commentBodies.forEach(b -> bodies.add(r.apply(b)));
    return new RuleEffects(fields, tagsAdded, tagsRemoved, notifications.stream().map(n -> n.rendered(r)).toList(),
        comments, triggers, bodies);
  }

  /** Handoff's side: the decision of the support triggers on an update whose ticket was {@code input}. */
  public static RuleEffects of(Ticket input, SupportDecision d) {
    Ticket out = d.ticket();
    Map<String, String> fields = new TreeMap<>();
    for (Map.Entry<String, String> e : values(out).entrySet()) {
      if (!Objects.equals(values(input).get(e.getKey()), e.getValue())) {
        fields.put(e.getKey(), e.getValue());
      }
    }
    values(input).keySet().stream().filter(k -> !values(out).containsKey(k)).forEach(k -> fields.put(k, ""));
    List<String> added = out.tags().stream().filter(t -> !input.tags().contains(t)).toList();
    List<String> removed = input.tags().stream().filter(t -> !out.tags().contains(t)).toList();
    List<Sent> sent = new ArrayList<>();
    for (Notification n : d.notifications()) {
      boolean webhook = n.kind() == Notification.Kind.WEBHOOK;
      sent.add(new Sent(webhook ? "webhook" : "email", n.trigger(),
          webhook ? n.recipient() : n.recipientType() + " " + n.recipient(), webhook ? null : n.subject(), n.body(),
          webhook ? n.endpoint() : null));
    }
    List<String> comments = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (CommentToAdd c : d.comments()) {
      comments.add((c.isPublic() ? "public reply" : "internal note") + " by \"" + c.trigger() + "\"");
      bodies.add(c.body());
    }
    return new RuleEffects(fields, added, removed, sent, comments, d.trace().fired(), bodies);
  }

  /** The comparable field values of a ticket (absent = no value). */
  static Map<String, String> values(Ticket t) {
    Map<String, String> v = new TreeMap<>();
    put(v, "status", t.status() == null ? null : t.status().wireName());
    put(v, "priority", t.priority() == null ? null : t.priority().wireName());
    put(v, "type", t.type());
    put(v, "group_id", t.group());
    put(v, "assignee_id", t.assignee());
    t.customFields().forEach((k, val) -> put(v, "custom_fields_" + k, val));
    return v;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isEmpty()) {
      m.put(k, v);
    }
  }

  /** Why this (Handoff's) outcome differs from {@code recorded}; empty when they match. */
  public List<String> differences(RuleEffects recorded, String recordedName) {
    List<String> out = new ArrayList<>();
    Set<String> names = new TreeSet<>(fields.keySet());
    names.addAll(recorded.fields.keySet());
    for (String f : names) {
      String a = fields.get(f);
      String b = recorded.fields.get(f);
      if (!Objects.equals(a, b)) {
        out.add(f + ": handoff " + shown(a) + ", " + recordedName + " " + shown(b));
      }
    }
    if (!tagsAdded.equals(recorded.tagsAdded)) {
      out.add("tags added: handoff " + tagsAdded + ", " + recordedName + " " + recorded.tagsAdded);
    }
    if (!tagsRemoved.equals(recorded.tagsRemoved)) {
      out.add("tags removed: handoff " + tagsRemoved + ", " + recordedName + " " + recorded.tagsRemoved);
    }
    compareCounts(out, "notification", keys(notifications), keys(recorded.notifications), recordedName);
    compareCounts(out, "comment", comments, recorded.comments, recordedName);
    compareTexts(out, recorded, recordedName);
    return out;
  }

  /**
   * The rendered subjects and bodies: the n-th notification (comment) of a kind and trigger on each side
   * are compared, each difference with both texts. A text one side did not record is not compared.
   * Webhook bodies that are both JSON are compared as JSON (key order and whitespace do not count); a
   * webhook call both sides made with Handoff's rules (both know its endpoint) is compared by the webhook
   * and endpoint it goes to as well.
   */
  private void compareTexts(List<String> out, RuleEffects recorded, String recordedName) {
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (Sent n : notifications) {
      String key = n.kind() + " by \"" + n.trigger() + "\"";
      int index = seen.merge(key, 1, Integer::sum) - 1;
      Sent other = nth(recorded.notifications, key, index);
      if (other == null) {
        continue;
      }
      if ("webhook".equals(n.kind())) {
        if (n.endpoint() != null && other.endpoint() != null && !(Objects.equals(n.recipient(), other.recipient())
            && n.endpoint().equals(other.endpoint()))) {
          out.add(key + " target: handoff " + quoted(n.recipient() + " " + n.endpoint()) + ", " + recordedName + " "
              + quoted(other.recipient() + " " + other.endpoint()));
        }
        if (n.body() != null && other.body() != null && sameJson(n.body(), other.body())) {
          continue;
        }
      } else {
        compareText(out, key, "subject", n.subject(), other.subject(), recordedName);
      }
      compareText(out, key, "body", n.body(), other.body(), recordedName);
    }
    Map<String, Integer> seenComments = new java.util.HashMap<>();
    for (int i = 0; i < comments.size(); i++) {
      String key = comments.get(i);
      int index = seenComments.merge(key, 1, Integer::sum) - 1;
      int j = -1;
      for (int k = 0, count = 0; k < recorded.comments.size(); k++) {
        if (recorded.comments.get(k).equals(key) && count++ == index) {
          j = k;
          break;
        }
      }
      if (j >= 0) {
        compareText(out, key, "text", commentBodies.get(i), recorded.commentBodies.get(j), recordedName);
      }
    }
  }

  private static Sent nth(List<Sent> list, String key, int index) {
    int count = 0;
    for (Sent s : list) {
      if ((s.kind() + " by \"" + s.trigger() + "\"").equals(key) && count++ == index) {
        return s;
      }
    }
    return null;
  }

  private static void compareText(List<String> out, String key, String part, String a, String b, String name) {
    if (a == null || b == null || normalised(a).equals(normalised(b))) {
      return;
    }
    out.add(key + " " + part + ": handoff " + quoted(a) + ", " + name + " " + quoted(b));
  }

  /** True when both texts are JSON values and equal as such (object key order and whitespace aside). */
  static boolean sameJson(String a, String b) {
    JsonNode x = json(a);
    JsonNode y = json(b);
    return x != null && x.equals(y);
  }

  private static JsonNode json(String s) {
    if (s.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(s);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Line ends and the whitespace around the text do not count. */
  private static String normalised(String s) {
    return s.replace("\r\n", "\n").strip();
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static List<String> keys(List<Sent> sent) {
    return sent.stream().map(s -> s.kind() + " by \"" + s.trigger() + "\"").toList();
  }

  private static void compareCounts(List<String> out, String what, List<String> a, List<String> b, String name) {
    for (String k : new TreeSet<>(concat(a, b))) {
      long na = a.stream().filter(k::equals).count();
      long nb = b.stream().filter(k::equals).count();
      if (na != nb) {
        out.add(what + " " + k + ": handoff " + na + ", " + name + " " + nb);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String shown(String v) {
    return v == null ? "(unchanged)" : v.isEmpty() ? "(cleared)" : v;
  }

  /** One line for people: "priority=high; tags +refund_queue; email by "X"". */
  public String summary() {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(k + "=" + (v.isEmpty() ? "(cleared)" : v)));
    if (!tagsAdded.isEmpty()) {
      parts.add("tags +" + String.join(" +", tagsAdded));
    }
    if (!tagsRemoved.isEmpty()) {
      parts.add("tags -" + String.join(" -", tagsRemoved));
    }
    notifications.forEach(n -> parts.add(n.kind() + " by \"" + n.trigger() + "\" to " + n.recipient()));
    parts.addAll(comments);
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }
}
