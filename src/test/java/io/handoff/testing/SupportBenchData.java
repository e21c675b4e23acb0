package io.handoff.testing;

import io.handoff.support.Actor;
import io.handoff.support.SupportTriggerParser;
import io.handoff.support.SupportTriggerSet;
import io.handoff.support.TicketUpdate;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.yaml.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic but plausible account: N active triggers in 10 categories, mixing the shapes real
 * Zendesk triggers have (tag checks with a nullifying tag, group and priority routing, status
 * changes, comment words, channel and custom fields, requester fields, ANY groups). Seeded, so every
 * run measures the same rules. The update is an agent's public reply that matches a handful of them.
 */
public final class SupportBenchData {

  private SupportBenchData() {}

  /** Rule-file text for {@code n} triggers. */
  public static String yaml(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder y = new StringBuilder("categories: [C0, C1, C2, C3, C4, C5, C6, C7, C8, C9]\n");
    y.append("webhooks:\n  - { id: hook, endpoint: 'https://example.invalid/h' }\ntriggers:\n");
    for (int i = 0; i < n; i++) {
      y.append("  - title: \"SUP - Bench - ").append(i).append("\"\n")
          .append("    category: C").append(i % 10).append("\n    position: ").append(i).append('\n')
          .append("    conditions:\n").append(conditions(i, r)).append("    actions:\n").append(actions(i, r));
    }
    return y.toString();
  }

  private static String conditions(int i, Random r) {
    return switch (i % 10) {
      case 0, 1, 2, 3 -> "      all:\n        - { field: current_tags, operator: includes, value: t" + r.nextInt(3000)
          + " }\n        - { field: current_tags, operator: not_includes, value: done_" + i + " }\n";
      case 4 -> "      all:\n        - { field: update_type, value: Create }\n        - { field: group_id, value: G"
          + r.nextInt(30) + " }\n        - { field: priority, operator: less_than, value: urgent }\n";
      case 5 -> "      all:\n        - { field: status, operator: changed_to, value: solved }\n"
          + "        - { field: custom_fields_" + r.nextInt(40) + ", value: v" + r.nextInt(5) + " }\n";
      case 6 -> "      all:\n        - { field: comment_is_public, value: true }\n"
          + "        - { field: comment_includes_word, operator: includes, value: word" + r.nextInt(2000) + " }\n";
      case 7 -> "      all:\n        - { field: via_id, operator: is_one_of, value: [email, whatsapp] }\n"
          + "        - { field: custom_fields_" + r.nextInt(400) + ", value: v" + r.nextInt(5) + " }\n";
      case 8 -> "      all:\n        - { field: requester.custom_fields.tier, value: enterprise }\n"
          + "        - { field: organization.custom_fields.plan, value: p" + r.nextInt(400) + " }\n";
      default -> "      all:\n        - { field: current_tags, operator: includes, value: t" + r.nextInt(3000) + " }\n"
          + "      any:\n        - { field: priority, value: urgent }\n        - { field: status, value: hold }\n";
    };
  }

  private static String actions(int i, Random r) {
    return switch (i % 5) {
      case 0 -> "      - { field: current_tags, value: done_" + i + " t" + r.nextInt(3000) + " }\n";
      case 1 -> "      - { field: priority, value: high }\n      - { field: current_tags, value: done_" + i + " }\n";
      case 2 -> "      - { field: group_id, value: G" + r.nextInt(30) + " }\n"
          + "      - { field: notification_group, value: [group_id, 'Ticket {{ticket.id}}', '{{ticket.latest_comment}}'] }\n";
      case 3 -> "      - { field: custom_fields_" + r.nextInt(40) + ", value: v" + r.nextInt(5) + " }\n"
          + "      - { field: notification_webhook, value: [hook, '{\"id\": \"{{ticket.id}}\"}'] }\n";
      default -> "      - { field: reply_internal, value: 'Checked by rule " + i + "' }\n"
          + "      - { field: current_tags, value: done_" + i + " }\n";
    };
  }

  public static SupportTriggerSet triggers(int n) {
    Problems problems = new Problems("bench.yaml");
    SupportTriggerSet set = new SupportTriggerParser(problems).parse(yaml(n, 42), "bench");
    if (problems.hasErrors()) {
      throw new IllegalStateException(problems.all().toString());
    }
    return set;
  }

  /** An agent's public reply on an open e-mail ticket carrying ten tags. */
  public static TicketUpdate update() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    Set<String> tags = Set.of("t1", "t17", "t256", "t999", "t1200", "t1500", "t2048", "t2500", "t2999", "vip");
    Map<String, String> custom = Map.of("1", "v1", "2", "v2", "3", "v3", "7", "v0");
    Ticket before = new Ticket("42", null, "Invoice question", "...", TicketStatus.OPEN, TicketPriority.NORMAL,
        "question", "G3", "alice", "r1", "Rita", "rita@example.com", "Acme", tags, custom, List.of(), "email",
        now, now);
    Ticket after = new Ticket("42", null, "Invoice question", "...", TicketStatus.PENDING, TicketPriority.NORMAL,
        "question", "G3", "alice", "r1", "Rita", "rita@example.com", "Acme", tags, custom, List.of(), "email",
        now, now);
    TicketComment comment = new TicketComment(1, "Thanks, word12 and word345 are fixed", true, "a1", "Alice",
        AuthorRole.AGENT, now);
    return new TicketUpdate("bench/1", before, after, comment, new Actor("a1", "Alice", AuthorRole.AGENT),
        "active", "active", Map.of("tier", "enterprise"), Map.of("plan", "p7"), now);
  }
}
