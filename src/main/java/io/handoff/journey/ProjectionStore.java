package io.handoff.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.model.RoutingView;
import io.handoff.model.Stage;
import io.handoff.persistence.JourneyIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Journey projections in the journey index: turns views, timeline entries and workflow snapshots into the
 * index's plain rows and back, so that {@code persistence} never reads workflow state classes.
 */
@ApplicationScoped
public class ProjectionStore {
  /** Workflow state is written with Temporal's own JSON mapping, the one that carries it across runs. */
  private static final ObjectMapper SNAPSHOT_JSON =
      io.temporal.common.converter.JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private final JourneyIndex index;
  private final ObjectMapper json;

  @Inject
  public ProjectionStore(JourneyIndex index, ObjectMapper json) {
    this.index = index;
    this.json = json;
  }

  /** Outside CDI (tests and tools): a store over its own index of {@code dataSource}. */
  public ProjectionStore(DataSource dataSource, ObjectMapper json) {
    this(new JourneyIndex(dataSource, json), json);
  }

  /**
   * Writes a projection in one transaction: newer summary wins; timeline entries are insert-once.
   *
   * @return the timeline entries this call inserted (none when a retry finds them written already)
   */
  public List<TimelineEntry> write(JourneyProjection p) {
    JourneyView v = p.view();
    JourneyIndex.Row row = new JourneyIndex.Row(v.journeyId(), v.conversationId(), v.stage().name(), v.channel(),
        v.language(), v.routing() == null ? null : activeIntent(v.routing()),
        v.ticket() == null ? null : v.ticket().id(), v.ticket() == null ? null : v.ticket().priority(),
        v.sla() != null && v.sla().values().stream().anyMatch(s -> s.breached()),
        v.routing() == null ? null : v.routing().agree(), toJson(json, v), p.version(), v.startedAt(),
        v.updatedAt(), p.snapshot() == null ? null : toJson(SNAPSHOT_JSON, p.snapshot()));
    List<JourneyIndex.TimelineRow> rows = p.newEntries().stream()
        .map(e -> new JourneyIndex.TimelineRow(e.seq(), e.at(), e.step(), e.text(),
            e.trace() == null ? null : e.trace().toString()))
        .toList();
    Set<Long> inserted = index.write(row, rows).stream().map(JourneyIndex.TimelineRow::seq)
        .collect(Collectors.toSet());
    return p.newEntries().stream().filter(e -> inserted.contains(e.seq())).toList();
  }

  private static String activeIntent(RoutingView r) {
    var active = "rules".equals(r.active()) ? r.rules() : r.ai();
    if (active == null) {
      active = r.ai() != null ? r.ai() : r.rules();
    }
    return active == null ? null : active.intent();
  }

  /** The last projected view of a journey, with its full timeline from the index. */
  public Optional<JourneyView> find(String journeyId) {
    return index.find(journeyId).map(stored -> {
      try {
        return json.readValue(stored.viewJson(), JourneyView.class).withTimeline(entries(stored.timeline()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Reading the journey index failed: " + e.getMessage(), e);
      }
    });
  }

  /** The journey whose ticket this is, if the index knows it. */
  public Optional<String> journeyOfTicket(String ticketId) {
    return index.journeyOfTicket(ticketId);
  }

  /**
   * The journey's workflow state as of its last projection, with the last {@code timelineTail} timeline
   * entries from the index put back; empty when none was recorded (journeys projected by older versions).
   */
  public Optional<JourneyState> snapshot(String journeyId, int timelineTail) {
    return index.snapshotJson(journeyId, null).map(s -> withTimeline(journeyId, state(journeyId, s), timelineTail));
  }

  /**
   * The snapshot of a journey whose last run finished (its follow-up window ended), for the run that an
   * event then starts; empty for any other journey. Checked on every event in modes dev-server and cluster,
   * so it costs one primary-key read of the stage for a journey that is not closed: only a CLOSED row's
   * snapshot is deserialised (a run finishes only in that stage, and the stage and the snapshot are written
   * together), and only a finished one's timeline is read.
   */
  public Optional<JourneyState> finishedSnapshot(String journeyId, int timelineTail) {
    return index.snapshotJson(journeyId, Stage.CLOSED.name())
        .map(s -> state(journeyId, s))
        .filter(state -> state.finished)
        .map(state -> withTimeline(journeyId, state, timelineTail));
  }

  /** Every timeline entry of a journey in order. */
  public List<TimelineEntry> timeline(String journeyId) {
    return entries(index.timeline(journeyId));
  }

  private JourneyState withTimeline(String journeyId, JourneyState state, int timelineTail) {
    List<TimelineEntry> timeline = timeline(journeyId);
    state.timeline = new ArrayList<>(timeline.subList(Math.max(0, timeline.size() - timelineTail), timeline.size()));
    return state;
  }

  private static JourneyState state(String journeyId, String snapshotJson) {
    try {
      return SNAPSHOT_JSON.readValue(snapshotJson, JourneyState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Reading the snapshot of " + journeyId + " failed: " + e.getMessage(), e);
    }
  }

  private List<TimelineEntry> entries(List<JourneyIndex.TimelineRow> rows) {
    return rows.stream().map(r -> new TimelineEntry(r.seq(), r.at(), r.step(), r.text(),
        r.traceJson() == null ? null : readTree(r.traceJson()))).toList();
  }

  private JsonNode readTree(String s) {
    try {
      return json.readTree(s);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(s);
    }
  }

  private static String toJson(ObjectMapper mapper, Object o) {
    try {
      return mapper.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Serializing the journey projection failed: " + e.getMessage(), e);
    }
  }
}
