package io.handoff.persistence;

import io.handoff.jdbc.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The durable journal of accepted inbound events and agent actions. An entry is written before the
 * request is acknowledged; writing the same (journey, entry id) twice keeps the first.
 */
public class Journal {
  private final Jdbc jdbc;

  public Journal(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * One journal entry: {@code kind} names the payload type, {@code payload} is its JSON; {@code delivered}
   * whether its journey recorded it (see {@link #markDelivered}).
   */
  public record Entry(long seq, String journeyId, String entryId, String kind, String payload, Instant receivedAt,
      boolean delivered) {}

  private static final String COLUMNS = "seq, journey_id, entry_id, kind, payload, received_at, delivered";

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getBoolean(7));
  }

  /** Appends an entry unless one with the same (journey, entry id) exists. Returns true when written. */
  public boolean append(String journeyId, String entryId, String kind, String payload, Instant receivedAt) {
    String sql = "INSERT INTO journal (journey_id, entry_id, kind, payload, received_at) SELECT ?,?,?,?,?"
        + " WHERE NOT EXISTS (SELECT 1 FROM journal WHERE journey_id=? AND entry_id=?)";
    return jdbc.insertOnce("Writing the journal", sql, ps -> {
      ps.setString(1, journeyId);
      ps.setString(2, entryId);
      ps.setString(3, kind);
      ps.setString(4, payload);
      ps.setObject(5, Jdbc.utc(receivedAt));
      ps.setString(6, journeyId);
      ps.setString(7, entryId);
    });
  }

  /** The entry with this id of a journey, if journaled, with whether its journey recorded it (one read). */
  public Optional<Entry> entry(String journeyId, String entryId) {
    return jdbc.first("Reading the journal", "SELECT " + COLUMNS + " FROM journal WHERE journey_id = ? AND entry_id = ?",
        Journal::entry, journeyId, entryId);
  }

  /**
   * Marks an entry as recorded by its journey (its update was answered): a retry of it, however late and
   * whatever the journey still remembers, is then answered as a duplicate without reaching the journey.
   */
  public void markDelivered(String journeyId, String entryId) {
    jdbc.update("Writing the journal",
        "UPDATE journal SET delivered = TRUE WHERE journey_id = ? AND entry_id = ? AND delivered = FALSE",
        journeyId, entryId);
  }

  /**
   * Entries of every journey that is not closed according to the journey index (or that received an
   * entry after its closed projection: a reopened journey), grouped by journey in arrival order.
   */
  public Map<String, List<Entry>> openJourneys() {
    String sql = "SELECT j.seq, j.journey_id, j.entry_id, j.kind, j.payload, j.received_at, j.delivered FROM journal j"
        + " WHERE NOT EXISTS (SELECT 1 FROM journeys x WHERE x.journey_id = j.journey_id AND x.stage = 'CLOSED'"
        // A closed journey with an entry newer than its last projection was reopened (or written to) since.
        + " AND NOT EXISTS (SELECT 1 FROM journal k WHERE k.journey_id = x.journey_id"
        + " AND k.received_at > x.updated_at))"
        + " ORDER BY j.journey_id, j.seq";
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    return jdbc.withConnection("Reading the journal", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Entry e = entry(rs);
            out.computeIfAbsent(e.journeyId(), k -> new ArrayList<>()).add(e);
          }
        }
      }
      return out;
    });
  }

  /**
   * Takes back entries that no journey recorded ({@code delivered} false), by id: a replay that lost the race
   * to a live first event of the same conversation removes what it wrote, so no restore replays it.
   */
  public void removeUndelivered(String journeyId, List<String> entryIds) {
    for (String entryId : entryIds) {
      jdbc.update("Writing the journal", "DELETE FROM journal WHERE journey_id = ? AND entry_id = ? AND delivered = FALSE",
          journeyId, entryId);
    }
  }

  /** Whether the journal holds any entry of the journey. */
  public boolean exists(String journeyId) {
    return jdbc.first("Reading the journal", "SELECT 1 FROM journal WHERE journey_id = ? FETCH FIRST 1 ROWS ONLY",
        rs -> true, journeyId).isPresent();
  }

  /** Every entry of one journey, in arrival order (empty when the journey is unknown). */
  public List<Entry> entries(String journeyId) {
    return jdbc.list("Reading the journal", "SELECT " + COLUMNS + " FROM journal WHERE journey_id = ? ORDER BY seq",
        Journal::entry, journeyId);
  }

  /** How many times a journey was restored (0 when never, or unknown). */
  public int restoreCount(String journeyId) {
    return jdbc.first("Reading the restore count", "SELECT restore_count FROM journeys WHERE journey_id=?",
        rs -> rs.getInt(1), journeyId).orElse(0);
  }

  /** Counts one more restore of a journey. */
  public void countRestore(String journeyId) {
    jdbc.update("Counting the restore", "UPDATE journeys SET restore_count = restore_count + 1 WHERE journey_id=?",
        journeyId);
  }
}
