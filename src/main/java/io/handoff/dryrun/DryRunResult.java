package io.handoff.dryrun;

import io.handoff.trigger.EvaluationTrace;
import java.util.List;

/**
 * What one event would do under a rule set.
 *
 * @param outcome one line per decision (trigger fired, effect, field change), comparable across rule sets
 * @param ticket support events: the ticket after the triggers (as data), else null
 * @param notifications support events: the e-mails and webhook calls the triggers would send, rendered
 * @param comments support events: the public replies and internal notes the triggers would add, rendered
 */
public record DryRunResult(String id, String kind, List<String> outcome, EvaluationTrace trace,
    io.handoff.ticket.Ticket ticket, List<io.handoff.support.Notification> notifications,
    List<io.handoff.support.CommentToAdd> comments) {

  public DryRunResult {
    outcome = List.copyOf(outcome);
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
    comments = comments == null ? List.of() : List.copyOf(comments);
  }

  public DryRunResult(String id, String kind, List<String> outcome, EvaluationTrace trace) {
    this(id, kind, outcome, trace, null, List.of(), List.of());
  }
}
