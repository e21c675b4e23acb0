package io.handoff.sla.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.sla.policy.EscalationWire.Kind;
import io.handoff.support.SupportAction;
import io.handoff.support.SupportActionType;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SLA escalation actions are support actions in memory and keep the shape recorded workflow histories and
 * stored journeys hold them in.
 */
class EscalationWireTest {
  private static final ObjectMapper TEMPORAL = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  /** A target as recorded by SlaTargetsFor in journey-v4-sla-escalation.json, plus the other kinds. */
  private static final String RECORDED = """
      {"metric":"first_reply_time","target":7200.000000000,"schedule":null,"warningPercents":[75],
       "onWarning":[{"kind":"RAISE_PRIORITY","value":null,"subject":null,"body":null},
                    {"kind":"SET_PRIORITY","value":"urgent","subject":null,"body":null},
                    {"kind":"SET_GROUP","value":"tier2","subject":null,"body":null},
                    {"kind":"INTERNAL_NOTE","value":null,"subject":null,"body":"Breach on {{ticket.id}}"},
                    {"kind":"NOTIFY_WEBHOOK","value":"sla-alerts","subject":null,"body":"{\\"t\\": \\"{{ticket.id}}\\"}"}],
       "onBreach":[{"kind":"ADD_TAG","value":"sla_breached","subject":null,"body":null},
                   {"kind":"NOTIFY_EMAIL","value":"support-leads@example.com","subject":"SLA breach on ticket {{ticket.id}}",
                    "body":"{{sla.metric}} breached for ticket {{ticket.id}}."}]}""";

  @Test
  void recordedActionsReadBackAsSupportActions() throws Exception {
    SlaTarget t = TEMPORAL.readValue(RECORDED, SlaTarget.class);
    assertEquals(List.of(SupportActionType.RAISE_PRIORITY, SupportActionType.PRIORITY, SupportActionType.GROUP,
        SupportActionType.REPLY_INTERNAL, SupportActionType.NOTIFY_WEBHOOK),
        t.onWarning().stream().map(SupportAction::type).toList());
    assertEquals(List.of(SupportActionType.ADD_TAGS, SupportActionType.NOTIFY_USER),
        t.onBreach().stream().map(SupportAction::type).toList());
    assertEquals(List.of("support-leads@example.com", "SLA breach on ticket {{ticket.id}}",
        "{{sla.metric}} breached for ticket {{ticket.id}}."), t.onBreach().get(1).args());
  }

  @Test
  void actionsSerialiseInTheRecordedShape() throws Exception {
    SlaTarget t = TEMPORAL.readValue(RECORDED, SlaTarget.class);
    JsonNode written = TEMPORAL.readTree(TEMPORAL.writeValueAsString(t));
    JsonNode recorded = TEMPORAL.readTree(RECORDED);
    assertEquals(recorded.get("onWarning"), written.get("onWarning"));
    assertEquals(recorded.get("onBreach"), written.get("onBreach"));
  }

  @Test
  void aParsedActionEqualsItsReadBackForm() throws Exception {
    SlaTarget t = TEMPORAL.readValue(RECORDED, SlaTarget.class);
    assertEquals(t, TEMPORAL.readValue(TEMPORAL.writeValueAsString(t), SlaTarget.class));
    for (Kind k : Kind.values()) {
      EscalationWire w = new EscalationWire(k, k == Kind.RAISE_PRIORITY || k == Kind.INTERNAL_NOTE ? null : "v",
          k == Kind.NOTIFY_EMAIL ? "s" : null, k == Kind.INTERNAL_NOTE || k.name().startsWith("NOTIFY") ? "b" : null);
      assertEquals(w, EscalationWire.of(w.action()), k.name());
    }
  }
}
