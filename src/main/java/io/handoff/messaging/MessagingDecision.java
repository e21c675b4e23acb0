package io.handoff.messaging;

import io.handoff.trigger.EvaluationTrace;
import java.util.List;
import java.util.Set;

/**
 * What the messaging triggers decided for one event.
 *
 * @param effects the ordered steps to execute (waits included)
 * @param tags the conversation's tags after every tag action
 * @param customerTriggered the "triggered" flag after every set_triggered action
 * @param ranOnce titles of run-once triggers that fired now; add them to
 *     {@link MessagingFacts#triggersAlreadyRun()} for the next event
 * @param suspendUser true when a suspend_user action fired
 */
public record MessagingDecision(
    List<MessagingEffect> effects,
    Set<String> tags,
    boolean customerTriggered,
    List<String> ranOnce,
    boolean suspendUser,
    EvaluationTrace trace) {

  public MessagingDecision {
    effects = List.copyOf(effects);
    tags = Set.copyOf(tags);
    ranOnce = List.copyOf(ranOnce);
  }
}
