/**
 * The customer journey: one Temporal workflow per conversation, {@code journey-<conversationId>}, and the
 * service that delivers events to it and reads its view (README, "The journey"; docs/follow-one-event.md).
 *
 * <p>Entry points: {@link io.handoff.journey.JourneyService} (the one place that starts journey workflows;
 * events as updates, with update-with-start on a real Temporal server),
 * {@link io.handoff.journey.CustomerJourneyWorkflow} and its deterministic implementation
 * {@link io.handoff.journey.CustomerJourneyWorkflowImpl}, {@link io.handoff.journey.JourneyActivities}
 * (projection into the journey index), {@link io.handoff.journey.JourneyRestorer} (embedded mode),
 * {@link io.handoff.journey.JourneyView}, {@link io.handoff.journey.WorkerActivities} and
 * {@link io.handoff.journey.WorkflowTypes} (what the Temporal worker registers). Its plain data types
 * (event, channel, customer, stage) are in {@code model}.
 *
 * <p>It orchestrates: it uses the activity interfaces of {@code messaging}, {@code intent},
 * {@code ticket}, {@code support}, {@code sla}, {@code routing} and {@code automation}, the deterministic
 * state of {@code sla.clock} and {@code sla.inactivity}, and {@code persistence}, {@code temporal},
 * {@code metrics}, {@code config}, among others. Workflow code reads no file, clock or configuration:
 * everything comes through activities, {@link io.handoff.journey.JourneySettings} and
 * {@code Workflow.currentTimeMillis()}.
 */
package io.handoff.journey;
