/**
 * The one JDBC helper every store uses ({@link io.handoff.jdbc.Jdbc}): statements on a pooled connection,
 * local transactions, unique-violation checks and UTC time columns, with SQL failures turned into
 * exceptions that say what failed.
 *
 * <p>Imports only the JDK ({@code java.sql}, {@code javax.sql}); any package may import it.
 */
package io.handoff.jdbc;
