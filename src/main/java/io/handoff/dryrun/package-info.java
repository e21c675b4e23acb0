/**
 * Trigger dry runs: recorded events (JSONL) run through the messaging and support trigger engines of a
 * rule set with no side effects, and the outcome diff between two rule sets;
 * {@link io.handoff.dryrun.JourneyDryRunEvents} turns a journey's journal into dry-run events. Used by the
 * {@code dry-run} and {@code equivalence} commands, the REST dry-run endpoints, the SLA dry run and the Zendesk import.
 *
 * <p>May import the trigger kernel ({@code io.handoff.trigger}), {@code messaging}, {@code support},
 * {@code ticket}, {@code rules}, and for a journey's events {@code journey}, {@code model} and
 * {@code persistence}; it sits above them so that the trigger kernel imports none of them.
 */
package io.handoff.dryrun;
