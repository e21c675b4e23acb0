/**
 * Zendesk's time-based automations ({@code workflows/automations.yaml}, docs/rules.md): parsing, the
 * planner that says when the next one is due, and the engine that runs the due ones at that instant.
 *
 * <p>Entry points: {@link io.handoff.automation.AutomationLoader} (plain Java),
 * {@link io.handoff.automation.AutomationPlanner}, {@link io.handoff.automation.AutomationEngine}, and
 * {@link io.handoff.automation.AutomationActivities} (what the journey workflow calls;
 * {@link io.handoff.automation.AutomationActivitiesImpl} loads the file once at start).
 *
 * <p>Uses the trigger kernel ({@code trigger}), the support actions ({@code support}), {@code ticket},
 * {@code sla}, business hours ({@code sla.hours}, {@code yaml}), {@code rules} and {@code config}; not
 * {@code journey}.
 */
package io.handoff.automation;
