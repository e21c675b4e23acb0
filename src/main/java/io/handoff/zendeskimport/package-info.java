/**
 * Import of a team's Zendesk rules into rule files, export back, and the equivalence check
 * (docs/zendesk-import.md): triggers, categories, webhooks, SLA policies, automations, schedules and
 * dynamic content, with an id mapping file and a report of what was imported.
 *
 * <p>Entry points: {@link io.handoff.zendeskimport.ZendeskImporter},
 * {@link io.handoff.zendeskimport.ZendeskExporter}, {@link io.handoff.zendeskimport.Equivalence},
 * {@link io.handoff.zendeskimport.RuleFilesWriter}, {@link io.handoff.zendeskimport.ZendeskRulesFetcher}.
 *
 * <p>Uses the loaders of {@code trigger}, {@code support}, {@code automation}, {@code sla}, {@code ticket}
 * and {@code rules}, {@code persistence} (recorded journeys) and {@code api} (its problem type); no CDI,
 * no Temporal.
 */
package io.handoff.zendeskimport;
