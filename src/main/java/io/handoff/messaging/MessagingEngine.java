package io.handoff.messaging;

import io.handoff.trigger.ActionTrace;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.ConditionFailure;
import io.handoff.trigger.EvaluationTrace;
import io.handoff.trigger.IdempotencyKeys;
import io.handoff.trigger.Placeholders;
import io.handoff.trigger.TriggerTrace.Outcome;
import io.handoff.trigger.TriggerTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs messaging triggers for one event in the order the file declares them (Zendesk runs them
 * "simultaneously"; a declared order makes results reproducible). A trigger sees the tags and the
 * "triggered" flag as earlier triggers left them. After a {@code suspend_user} no later trigger runs.
 * Deterministic and free of I/O: effects are returned for the workflow to execute in order.
 */
public final class MessagingEngine {

  private final MessagingTriggerSet set;

  public MessagingEngine(MessagingTriggerSet set) {
    this.set = set;
  }

  /** Evaluates one event; {@code inputKey} (workflow ID + step) seeds the effects' idempotency keys. */
  public MessagingDecision evaluate(String inputKey, MessagingFacts facts, BusinessCalendar calendar) {
    if (facts.at() == null || facts.event() == null) {
      throw new IllegalArgumentException("messaging facts need an event and its time (at)");
    }
    MessagingState state = new MessagingState(facts, facts.at().atZone(set.timeZone()),
        calendar.isWithinBusinessHours(null, facts.at()));
    Function<String, String> values = set.content().valuesByLanguage(language -> placeholderValues(facts, language),
        io.handoff.trigger.DynamicContent.languages(facts.detectedLanguage(), facts.customerLocale()));
    List<TriggerTrace> traces = new ArrayList<>();
    List<MessagingEffect> effects = new ArrayList<>();
    List<String> ranOnce = new ArrayList<>();
    boolean suspended = false;
    for (MessagingTrigger t : set.triggers()) {
      if (suspended || !t.active() || t.event() != facts.event()) {
        continue;
      }
      if (t.runOncePerConversation() && facts.triggersAlreadyRun().contains(t.title())) {
        traces.add(new TriggerTrace(t.title(), 1, Outcome.SKIPPED_ALREADY_RAN, null, null));
        continue;
      }
      ConditionFailure failure = t.conditions().firstFailure(state);
      if (failure != null) {
        traces.add(new TriggerTrace(t.title(), 1, Outcome.NOT_MATCHED, failure, null));
        continue;
      }
      List<ActionTrace> actions = new ArrayList<>();
      for (int i = 0; i < t.actions().size(); i++) {
        MessagingAction a = t.actions().get(i);
        String key = IdempotencyKeys.forAction(inputKey, t.title(), i);
        effects.add(apply(a, state, t.title(), i, key, values, actions));
        suspended |= a.type() == MessagingActionType.SUSPEND_USER;
      }
      if (t.runOncePerConversation()) {
        ranOnce.add(t.title());
      }
      traces.add(new TriggerTrace(t.title(), 1, Outcome.FIRED, null, actions));
    }
    EvaluationTrace trace = new EvaluationTrace("messaging", set.version(), 1, traces, null);
    return new MessagingDecision(effects, state.tags, state.triggered, ranOnce, suspended, trace);
  }

  private static MessagingEffect apply(MessagingAction a, MessagingState state, String trigger, int index,
      String key, Function<String, String> values, List<ActionTrace> traces) {
    String tagsBefore = String.join(" ", new TreeSet<>(state.tags));
    return switch (a.type()) {
      case SEND_MESSAGE, REQUEST_EMAIL -> {
        String text = Placeholders.render(a.text(), values);
        traces.add(new ActionTrace(index, a.type().wireName(), "conversation", null, text));
        yield new MessagingEffect(a.type(), trigger, index, text, 0, null, null, key);
      }
      case WAIT -> {
        traces.add(new ActionTrace(index, "wait", "timer", null, a.seconds() + "s"));
        yield new MessagingEffect(a.type(), trigger, index, null, a.seconds(), null, null, null);
      }
      case SET_TRIGGERED -> {
        traces.add(new ActionTrace(index, "set_triggered", "customer_triggered",
            Boolean.toString(state.triggered), Boolean.toString(a.flag())));
        state.triggered = a.flag();
        yield new MessagingEffect(a.type(), trigger, index, null, 0, null, a.flag(), null);
      }
      case ADD_TAGS, REMOVE_TAGS -> {
        if (a.type() == MessagingActionType.ADD_TAGS) {
          state.tags.addAll(a.tags());
        } else {
          a.tags().forEach(state.tags::remove);
        }
        traces.add(new ActionTrace(index, a.type().wireName(), "tags", tagsBefore,
            String.join(" ", new TreeSet<>(state.tags))));
        yield new MessagingEffect(a.type(), trigger, index, null, 0, a.tags(), null, null);
      }
      case SUSPEND_USER -> {
        traces.add(new ActionTrace(index, "suspend_user", "customer", "active", "suspended"));
        yield new MessagingEffect(a.type(), trigger, index, null, 0, null, null, key);
      }
    };
  }

  /** "a few" minutes when the wait is unknown, in the language of the text it lands in (null: English). */
  private static final java.util.Map<String, String> A_FEW = java.util.Map.of("fr", "quelques", "es", "unos",
      "de", "wenigen", "pt", "alguns", "it", "alcuni", "nl", "enkele", "ja", "数");

  private static Function<String, String> placeholderValues(MessagingFacts f, String language) {
    return name -> switch (name) {
      case "customer.name" -> f.customerName();
      case "customer.email" -> f.customerEmail();
      case "customer.country" -> f.country();
      case "page_url" -> f.pageUrl();
      case "message" -> f.message();
      case "queue_size" -> Integer.toString(f.queueSize());
      case "estimated_wait" -> f.estimatedWaitMinutes() == null
          ? A_FEW.getOrDefault(language == null ? "en" : language, "a few") : f.estimatedWaitMinutes().toString();
      case "account_status" -> f.accountStatus();
      case "brand" -> f.brand();
      case "group" -> f.group();
      case "conversation.id" -> f.conversationId();
      case "detected_language" -> f.detectedLanguage() == null ? "" : f.detectedLanguage().toLowerCase(Locale.ROOT);
      default -> "";
    };
  }
}
