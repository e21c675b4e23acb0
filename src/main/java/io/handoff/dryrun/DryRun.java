package io.handoff.dryrun;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.messaging.MessagingDecision;
import io.handoff.messaging.MessagingEffect;
import io.handoff.messaging.MessagingEngine;
import io.handoff.rules.RuleSet;
import io.handoff.support.CommentToAdd;
import io.handoff.support.Notification;
import io.handoff.support.SupportDecision;
import io.handoff.support.SupportEngine;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.trigger.BusinessCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Evaluates rule sets against recorded events with no side effects (the engines only compute; nothing
 * is sent or saved), and compares two rule sets event by event. Plain Java, for the CLI and the API.
 */
public final class DryRun {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .registerModule(DryRunEnums.MODULE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final BusinessCalendar calendar;
  private final io.handoff.support.DirectoryNames names;

  public DryRun(BusinessCalendar calendar) {
    this(calendar, io.handoff.support.DirectoryNames.IDS);
  }

  /** A dry run that renders group and agent names as the service does ({@code helpdesk.yaml}). */
  public DryRun(BusinessCalendar calendar, io.handoff.support.DirectoryNames names) {
    this.calendar = calendar;
    this.names = names;
  }

  /** Reads a JSONL file; a bad line fails with its line number. Blank lines and # comments are skipped. */
  public static List<DryRunEvent> readEvents(Path jsonl) throws IOException {
    return readEvents(Files.readAllLines(jsonl), jsonl.toString());
  }

  /**
   * Reads JSONL lines (e.g. a request body); a bad line fails with {@code source:line: message}.
   * Blank lines and # comments are skipped.
   */
  public static List<DryRunEvent> readEvents(List<String> lines, String source) throws IOException {
    List<DryRunEvent> events = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      events.add(readEvent(line, source + ":" + (i + 1), "line-" + (i + 1)));
    }
    return events;
  }

  /**
   * Reads one event (one JSON object); a bad one fails with {@code where: message}. An event without
   * {@code id} gets {@code defaultId}.
   */
  public static DryRunEvent readEvent(String json, String where, String defaultId) throws IOException {
    DryRunEvent e;
    try {
      e = JSON.treeToValue(withOccurredAt(JSON.readTree(json), where), DryRunEvent.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IOException(where + ": " + DryRunEnums.where(ex) + DryRunEnums.message(ex), ex);
    }
    boolean messaging = "messaging".equals(e.kind()) && e.facts() != null && e.facts().at() != null
        && e.facts().event() != null;
    boolean support = "support".equals(e.kind()) && e.update() != null && e.update().after() != null;
    if (!messaging && !support) {
      throw new IOException(where + ": need kind \"messaging\" with facts (event, at) or"
          + " kind \"support\" with update (after)");
    }
    if (support) {
      for (String side : List.of("before", "after")) {
        io.handoff.ticket.Ticket t = side.equals("before") ? e.update().before() : e.update().after();
        String bad = t == null ? null : DryRunEnums.badType(t.type());
        if (bad != null) {
          throw new IOException(where + ": update." + side + ".type: " + bad);
        }
      }
    }
    return new DryRunEvent(e.id() == null ? defaultId : e.id(), e.kind(), e.facts(), e.update());
  }

  /**
   * An event's {@code occurredAt} (when it happened, as REST events carry it) moved to where the dry run reads
   * the time: {@code update.at} of a support event, {@code facts.at} of a messaging one. Both given and
   * different is an error; a value that is not text is left for the strict reading to refuse.
   */
  private static com.fasterxml.jackson.databind.JsonNode withOccurredAt(com.fasterxml.jackson.databind.JsonNode n,
      String where) throws IOException {
    if (!(n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || !o.has("occurredAt")) {
      return n;
    }
    com.fasterxml.jackson.databind.JsonNode occurred = o.remove("occurredAt");
    if (occurred.isNull()) {
      return o;
    }
    if (!occurred.isTextual()) {
      throw new IOException(where + ": occurredAt: must be an ISO-8601 time (2026-11-24T10:00:00Z)");
    }
    java.time.Instant at;
    try {
      at = java.time.OffsetDateTime.parse(occurred.asText()).toInstant();
    } catch (java.time.format.DateTimeParseException ex) {
      throw new IOException(where + ": occurredAt: \"" + occurred.asText() + "\" is not an ISO-8601 time"
          + " (2026-11-24T10:00:00Z)");
    }
    String part = "messaging".equals(o.path("kind").asText()) ? "facts" : "update";
    if (!(o.get(part) instanceof com.fasterxml.jackson.databind.node.ObjectNode inner)) {
      return o;
    }
    com.fasterxml.jackson.databind.JsonNode given = inner.get("at");
    if (given != null && !given.isNull()) {
      java.time.Instant other;
      try {
        other = java.time.OffsetDateTime.parse(given.asText()).toInstant();
      } catch (java.time.format.DateTimeParseException ex) {
        return o;
      }
      if (!other.equals(at)) {
        throw new IOException(where + ": occurredAt: is " + at + " but " + part + ".at is " + other
            + ": give the time once");
      }
      return o;
    }
    inner.put("at", at.toString());
    return o;
  }

  /** Evaluates every event under {@code rules}. */
  public DryRunReport run(RuleSet rules, List<DryRunEvent> events) {
    MessagingEngine messaging = new MessagingEngine(rules.messaging());
    SupportEngine support = new SupportEngine(rules.support()).withNames(names);
    List<DryRunResult> results = new ArrayList<>();
    for (DryRunEvent e : events) {
      String key = "dry-run/" + e.id();
      if ("messaging".equals(e.kind())) {
        MessagingDecision d = messaging.evaluate(key, e.facts(), calendar);
        results.add(new DryRunResult(e.id(), e.kind(), outcome(d), d.trace()));
      } else {
        SupportDecision d = support(support, e.update());
        results.add(new DryRunResult(e.id(), e.kind(), outcome(e.update().after(), d), d.trace(), d.ticket(),
            d.notifications(), d.comments()));
      }
    }
    return new DryRunReport(rules.version(), results);
  }

  /** The support triggers' decision on one ticket update, with nothing sent or saved. */
  public SupportDecision support(RuleSet rules, TicketUpdate update) {
    return support(new SupportEngine(rules.support()).withNames(names), update);
  }

  private SupportDecision support(SupportEngine engine, TicketUpdate update) {
    return engine.evaluate(update, calendar);
  }

  /** Runs both rule sets and keeps the events whose outcome differs. */
  public DryRunDiff diff(RuleSet base, RuleSet candidate, List<DryRunEvent> events) {
    DryRunReport a = run(base, events);
    DryRunReport b = run(candidate, events);
    List<DryRunDiff.Change> changed = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      DryRunResult ra = a.results().get(i);
      DryRunResult rb = b.results().get(i);
      if (!ra.outcome().equals(rb.outcome())) {
        changed.add(new DryRunDiff.Change(ra.id(), ra.outcome(), rb.outcome()));
      }
    }
    return new DryRunDiff(base.version(), candidate.version(), events.size(), changed);
  }

  private static List<String> outcome(MessagingDecision d) {
    List<String> out = new ArrayList<>();
    d.trace().fired().forEach(t -> out.add("fired: " + t));
    for (MessagingEffect e : d.effects()) {
      String detail = switch (e.kind()) {
        case SEND_MESSAGE, REQUEST_EMAIL -> e.text() == null ? "" : e.text();
        case WAIT -> e.seconds() + "s";
        case SET_TRIGGERED -> String.valueOf(e.triggered());
        case ADD_TAGS, REMOVE_TAGS -> String.join(" ", e.tags());
        case SUSPEND_USER -> "";
      };
      out.add(e.kind().wireName() + ": " + detail);
    }
    return out;
  }

  private static List<String> outcome(Ticket before, SupportDecision d) {
    List<String> out = new ArrayList<>();
    d.trace().fired().forEach(t -> out.add("fired: " + t));
    Ticket after = d.ticket();
    change(out, "status", before.status() == null ? null : before.status().wireName(),
        after.status() == null ? null : after.status().wireName());
    change(out, "priority", before.priority() == null ? null : before.priority().wireName(),
        after.priority() == null ? null : after.priority().wireName());
    change(out, "type", before.type(), after.type());
    change(out, "group_id", before.group(), after.group());
    change(out, "assignee_id", before.assignee(), after.assignee());
    change(out, "tags", String.join(" ", new TreeSet<>(before.tags())), String.join(" ", new TreeSet<>(after.tags())));
    change(out, "custom_fields", new java.util.TreeMap<>(before.customFields()).toString(),
        new java.util.TreeMap<>(after.customFields()).toString());
    for (CommentToAdd c : d.comments()) {
      out.add((c.isPublic() ? "public reply: " : "internal note: ") + c.body());
    }
    for (Notification n : d.notifications()) {
      out.add(n.kind() == Notification.Kind.WEBHOOK ? "webhook " + n.recipient() + ": " + n.body()
          : "email " + n.recipientType() + " " + n.recipient() + ": " + n.subject());
    }
    if (d.trace().error() != null) {
      out.add("error: " + d.trace().error());
    }
    return out;
  }

  private static void change(List<String> out, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(field + ": " + (before == null ? "" : before) + " -> " + (after == null ? "" : after));
    }
  }
}
