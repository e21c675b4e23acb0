package io.handoff.dryrun;

import io.handoff.messaging.MessagingFacts;
import io.handoff.support.TicketUpdate;

/**
 * One line of a dry-run file (JSONL): a messaging event ({@code "kind": "messaging"} with
 * {@code facts}) or a ticket create/update ({@code "kind": "support"} with {@code update}).
 */
public record DryRunEvent(String id, String kind, MessagingFacts facts, TicketUpdate update) {}
