/**
 * Handoff's own database: the journal of accepted events and agent actions, and the journey index (the
 * projection of every journey's view, timeline and snapshot), over plain JDBC on H2 or PostgreSQL; Flyway
 * migrations are under {@code src/main/resources/db/migration}.
 *
 * <p>Entry points: {@link io.handoff.persistence.Journal}, {@link io.handoff.persistence.JourneyIndex},
 * {@link io.handoff.persistence.PersistenceProducer} (chooses the datasource).
 *
 * <p>Stores plain rows it defines ({@code journey.ProjectionStore} maps views, timeline entries and snapshots
 * to them); uses only {@code jdbc}.
 */
package io.handoff.persistence;
