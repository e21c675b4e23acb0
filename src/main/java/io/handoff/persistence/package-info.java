/**
 * Handoff's own database: the journal of accepted events and agent actions, and the journey index (the
 * projection of every journey's view, timeline and snapshot), over plain JDBC on H2 or PostgreSQL; Flyway
 * migrations are under {@code src/main/resources/db/migration}.
 *
 * <p>Entry points: {@link io.handoff.persistence.Journal}, {@link io.handoff.persistence.JourneyIndex},
 * {@link io.handoff.persistence.PersistenceProducer} (chooses the datasource).
 *
 * <p>Uses {@code journey} (the view and state it stores), {@code sla.clock} and {@code routing}.
 */
package io.handoff.persistence;
