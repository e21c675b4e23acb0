/**
 * The command line of the same artifact (README, "Command line"): picocli commands that run in plain Java,
 * with no server, no CDI container and no Temporal.
 *
 * <p>Entry point: {@link io.handoff.cli.HandoffCli}; one class per command ({@code ValidateCommand},
 * {@code EvalCommand}, {@code DryRunCommand}, {@code SimulateCommand}, {@code ImportZendeskCommand},
 * {@code EquivalenceCommand}, {@code SlaDryRunCommand}, {@code CompareCommand}, {@code PurgeCommand},
 * {@code ApiKeysCommand}).
 *
 * <p>Uses the plain-Java loaders and engines of the domain packages (rules, trigger, support, messaging,
 * sla, intent, routing, ticket, zendeskimport, privacy, auth); never a CDI bean, {@code journey} or
 * {@code temporal}.
 */
package io.handoff.cli;
