/**
 * What every rule file shares: business calendars for trigger conditions, dynamic content
 * ({@code workflows/dynamic-content.yaml}), the {@code file:line} error type, and the validation of the
 * whole rule and prompt directory that {@code validate} and the service's start run.
 *
 * <p>Entry points: {@link io.handoff.rules.RuleSetValidator}, {@link io.handoff.rules.StartupRuleCheck},
 * {@link io.handoff.rules.RuleFileError}, {@link io.handoff.rules.BusinessCalendar},
 * {@link io.handoff.rules.DynamicContent}.
 *
 * <p>The validator uses every rule loader ({@code trigger}, {@code messaging}, {@code support},
 * {@code automation}, {@code sla.*}, {@code intent.*}, {@code ticket}); no CDI, no Temporal.
 */
package io.handoff.rules;
