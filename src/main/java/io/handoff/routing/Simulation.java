package io.handoff.routing;

import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.ConversationMessage;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.IntentActivitiesImpl;
import io.handoff.intent.IntentFiles;
import io.handoff.intent.IntentService;
import io.handoff.intent.RoutingDecision;
import io.handoff.messaging.MessagingDecision;
import io.handoff.messaging.MessagingEngine;
import io.handoff.messaging.MessagingEvent;
import io.handoff.messaging.MessagingFacts;
import io.handoff.rules.RuleSetLoad;
import io.handoff.rules.RuleSetLoader;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replays recorded conversations through both routers (issue 7, simulation): the messaging triggers
 * add their tags message by message, then the rules router and the offline AI classifier decide, with
 * the handoff policy, as a journey would. Nothing is sent or saved: only the pure engines run, with no
 * database, helpdesk, channel or notification client in reach.
 */
public final class Simulation {

  /** A rule and prompt directory, loaded and validated. */
  public record Setup(Path workflows, Path prompts, String ruleSetVersion, MessagingEngine messaging,
      IntentService intent, io.handoff.intent.replies.AiReplies replies) {

    /** Loads both directories; invalid files fail with every error, as {@code validate} prints them. */
    public static Setup load(Path workflows, Path prompts) {
      List<RuleFileError> errors = new ArrayList<>();
      if (!Files.isDirectory(workflows) || !Files.isDirectory(prompts)) {
        errors.add(RuleFileError.error(Files.isDirectory(workflows) ? prompts.toString() : workflows.toString(), 0,
            null, "directory not found"));
        throw new InvalidSetupException(errors);
      }
      RuleSetLoad load = RuleSetLoader.load(workflows);
      errors.addAll(load.errors());
      IntentFiles.validate(prompts, workflows).stream()
          .filter(p -> p.severity() == RuleFileError.Severity.ERROR).forEach(errors::add);
      if (!errors.isEmpty()) {
        throw new InvalidSetupException(errors);
      }
      var rules = load.ruleSet();
      return new Setup(workflows, prompts, rules.version(), new MessagingEngine(rules.messaging()),
          IntentActivitiesImpl.create("offline", null, prompts, workflows),
          io.handoff.intent.replies.AiRepliesLoader.forPrompts(prompts));
    }
  }

  /** The files of a setup have errors. */
  public static final class InvalidSetupException extends RuntimeException {
    private final transient List<RuleFileError> errors;

    InvalidSetupException(List<RuleFileError> errors) {
      super(errors.size() + " error(s) in the rule or prompt files");
      this.errors = List.copyOf(errors);
    }

    public List<RuleFileError> errors() {
      return errors;
    }
  }

  private final BusinessCalendar calendar;

  public Simulation(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** Runs every conversation under {@code current} and, when not null, {@code candidate}. */
  public SimulationReport run(List<SimulatedConversation> conversations, Setup current, Setup candidate) {
    List<SimulationReport.Result> results = new ArrayList<>();
    List<ComparisonRow> currentRows = new ArrayList<>();
    List<ComparisonRow> candidateRows = new ArrayList<>();
    int changed = 0;
    for (SimulatedConversation c : conversations) {
      SimulationReport.Outcome now = outcome(c, current);
      currentRows.add(row(c, now));
      SimulationReport.Outcome next = candidate == null ? null : outcome(c, candidate);
      boolean differs = next != null && !sameDecisions(now, next);
      if (next != null) {
        candidateRows.add(row(c, next));
        changed += differs ? 1 : 0;
      }
      results.add(new SimulationReport.Result(c.conversationId(), c.finalGroup(), now, next, differs));
    }
    return new SimulationReport(conversations.size(), side(current, currentRows),
        candidate == null ? null : side(candidate, candidateRows), changed, results);
  }

  /** The outcome of one conversation under one setup. */
  public SimulationReport.Outcome outcome(SimulatedConversation c, Setup setup) {
    Session session = new Session();
    Instant at = c.startedAt();
    messaging(c, setup, MessagingEvent.CONVERSATION_STARTED, null, at, session);
    List<ConversationMessage> messages = new ArrayList<>();
    RoutingDecision rules = null;
    RoutingDecision ai = null;
    int decidedAt = 0;
    for (String text : c.messages()) {
      at = at.plusSeconds(20);
      messaging(c, setup, MessagingEvent.MESSAGE_SENT, text, at, session);
      messages.add(ConversationMessage.fromCustomer(text, at));
      ClassificationRequest request = new ClassificationRequest(c.conversationId(), messages, c.channel(),
          c.customer(), List.copyOf(session.tags));
      rules = setup.intent().classifyRules(request);
      ai = setup.intent().classifyAi(request, true);
      session.language = ai.classification().language();
      decidedAt++;
      if (ai.handoff() == HandoffDecision.HANDOFF_TO_HUMAN || rules.handoff() == HandoffDecision.HANDOFF_TO_HUMAN) {
        break;
      }
    }
    ComparisonRow.Decision r = decision(rules);
    ComparisonRow.Decision a = decision(ai);
    boolean agree = Objects.equals(r.intent(), a.intent()) && Objects.equals(r.group(), a.group());
    // What the AI would say when it keeps the conversation (the AI router acts in a simulation).
    String reply = setup.replies().reply(ai.handoff(), ai.intent(), session.language)
        .map(io.handoff.intent.replies.AiReplies.Reply::text).orElse(null);
    return new SimulationReport.Outcome(List.copyOf(session.tags), session.language, r, a, agree, decidedAt, reply);
  }

  /** What the journey carries from one messaging evaluation to the next. */
  private static final class Session {
    final Set<String> tags = new LinkedHashSet<>();
    final Set<String> ranOnce = new HashSet<>();
    boolean triggered;
    String language;
  }

  private void messaging(SimulatedConversation c, Setup setup, MessagingEvent event, String text, Instant at,
      Session session) {
    MessagingFacts.Builder facts = MessagingFacts.builder(c.conversationId(), event, at).channel(c.channel())
        .pageUrl(c.pageUrl()).tags(Set.copyOf(session.tags)).language(session.language)
        .customerTriggered(session.triggered).alreadyRun(Set.copyOf(session.ranOnce));
    if (c.customer() != null) {
      facts.customer(c.customer().name(), c.customer().email()).attributes(c.customer().attributes());
    }
    if (text != null) {
      facts.message(text).sender("customer");
    }
    MessagingDecision d = setup.messaging().evaluate("simulate/" + c.conversationId(), facts.build(), calendar);
    session.tags.clear();
    session.tags.addAll(new java.util.TreeSet<>(d.tags()));
    session.triggered = d.customerTriggered();
    session.ranOnce.addAll(d.ranOnce());
  }

  private static ComparisonRow.Decision decision(RoutingDecision d) {
    return new ComparisonRow.Decision(d.intent(), d.group(), d.handoff().name());
  }

  private static boolean sameDecisions(SimulationReport.Outcome a, SimulationReport.Outcome b) {
    return a.tags().equals(b.tags()) && a.rules().equals(b.rules()) && a.ai().equals(b.ai())
        && Objects.equals(a.aiReply(), b.aiReply());
  }

  private static ComparisonRow row(SimulatedConversation c, SimulationReport.Outcome o) {
    boolean handedOff = HandoffDecision.HANDOFF_TO_HUMAN.name().equals(o.ai().handoff());
    return new ComparisonRow(c.conversationId(), o.language(), c.channel() == null ? null : c.channel().wireName(),
        c.startedAt(), RoutingAssignment.AI, o.rules(), o.ai(), c.finalGroup(), handedOff, null, false);
  }

  private static SimulationReport.Side side(Setup s, List<ComparisonRow> rows) {
    return new SimulationReport.Side(s.workflows().toString(), s.prompts().toString(), s.ruleSetVersion(),
        ComparisonCalculator.compute(rows));
  }
}
