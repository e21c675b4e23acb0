package io.handoff.rules;

import io.handoff.messaging.MessagingTriggerSet;
import io.handoff.support.SupportTriggerSet;

/**
 * The trigger rules of one {@code workflows/} directory.
 *
 * @param version a hash of the rule files' contents, recorded in every trace
 */
public record RuleSet(MessagingTriggerSet messaging, SupportTriggerSet support, String version) {}
