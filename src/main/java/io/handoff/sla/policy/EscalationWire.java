package io.handoff.sla.policy;

import com.fasterxml.jackson.databind.util.StdConverter;
import io.handoff.support.SupportAction;
import io.handoff.support.SupportActionType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form an SLA escalation action has in workflow histories, journey state and journey timelines:
 * {@code {kind, value, subject, body}}. The actions themselves are {@link SupportAction}s, applied on the
 * support actions' path; {@link SlaTarget} and {@code SlaFiring} serialise them in this form (through
 * {@link Out} and {@link In}) so recorded histories and stored journeys read back unchanged.
 *
 * @param value priority for SET_PRIORITY, group for SET_GROUP, tag for ADD_TAG, email address for
 *     NOTIFY_EMAIL, webhook name for NOTIFY_WEBHOOK; null for RAISE_PRIORITY and INTERNAL_NOTE
 * @param subject email subject (NOTIFY_EMAIL), else null
 * @param body note text, email body or webhook body; may hold {@code {{ticket.id}}}-style placeholders
 */
public record EscalationWire(Kind kind, String value, String subject, String body) {

  /** What the action does; the YAML key is the lower-case name. */
  public enum Kind { RAISE_PRIORITY, SET_PRIORITY, SET_GROUP, ADD_TAG, INTERNAL_NOTE, NOTIFY_EMAIL, NOTIFY_WEBHOOK }

  /** The support action this escalation action is (named by its YAML key; no line, see {@link SupportAction}). */
  public SupportAction action() {
    String field = kind.name().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case RAISE_PRIORITY -> new SupportAction(SupportActionType.RAISE_PRIORITY, field, null, null, null, 0);
      case SET_PRIORITY -> new SupportAction(SupportActionType.PRIORITY, field, value, null, null, 0);
      case SET_GROUP -> new SupportAction(SupportActionType.GROUP, field, value, null, null, 0);
      case ADD_TAG -> new SupportAction(SupportActionType.ADD_TAGS, field, null, Set.of(value), null, 0);
      case INTERNAL_NOTE -> new SupportAction(SupportActionType.REPLY_INTERNAL, field, body, null, null, 0);
      case NOTIFY_EMAIL -> new SupportAction(SupportActionType.NOTIFY_USER, field, null, null,
          Arrays.asList(value, subject, body), 0);
      case NOTIFY_WEBHOOK -> new SupportAction(SupportActionType.NOTIFY_WEBHOOK, field, null, null,
          List.of(value, body), 0);
    };
  }

  /** The wire form of an escalation action (one an SLA policy can hold). */
  public static EscalationWire of(SupportAction a) {
    return switch (a.type()) {
      case RAISE_PRIORITY -> new EscalationWire(Kind.RAISE_PRIORITY, null, null, null);
      case PRIORITY -> new EscalationWire(Kind.SET_PRIORITY, a.value(), null, null);
      case GROUP -> new EscalationWire(Kind.SET_GROUP, a.value(), null, null);
      case ADD_TAGS -> new EscalationWire(Kind.ADD_TAG, a.tags().iterator().next(), null, null);
      case REPLY_INTERNAL -> new EscalationWire(Kind.INTERNAL_NOTE, null, null, a.value());
      case NOTIFY_USER -> new EscalationWire(Kind.NOTIFY_EMAIL, a.args().get(0), a.args().get(1), a.args().get(2));
      case NOTIFY_WEBHOOK -> new EscalationWire(Kind.NOTIFY_WEBHOOK, a.args().get(0), null, a.args().get(1));
      default -> throw new IllegalArgumentException("\"" + a.field() + "\" is not an SLA escalation action");
    };
  }

  /** The wire forms of escalation actions, in order (journey timelines show them). */
  public static List<EscalationWire> of(List<SupportAction> actions) {
    return actions.stream().map(EscalationWire::of).toList();
  }

  /** Serialises an escalation action in its wire form. */
  public static final class Out extends StdConverter<SupportAction, EscalationWire> {
    @Override
    public EscalationWire convert(SupportAction a) {
      return of(a);
    }
  }

  /** Reads an escalation action from its wire form. */
  public static final class In extends StdConverter<EscalationWire, SupportAction> {
    @Override
    public SupportAction convert(EscalationWire w) {
      return w.action();
    }
  }
}
