package io.handoff.journey;

import io.handoff.intent.ConversationMessage;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.RoutingView;
import io.handoff.model.Stage;
import io.handoff.sla.clock.SlaClockView;
import io.handoff.sla.clock.SlaClocksState;
import io.handoff.sla.inactivity.InactivityState;
import io.handoff.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state a journey workflow owns. It is carried across continue-as-new, so every field is
 * a plain Jackson-serialisable value. Only workflow code mutates it.
 */
public class JourneyState {
  public String journeyId;
  public String conversationId;
  public Stage stage = Stage.MESSAGING;
  public Channel channel;
  public String language;
  public Customer customer;
  public String pageUrl;
  /** The conversation's group (messaging) before a ticket exists. */
  public String group;
  /** Conversation tags before the ticket; the ticket's tags after. */
  public Set<String> tags = new LinkedHashSet<>();
  public int messagesSent;
  public int customerMessages;
  public boolean customerTriggered;
  public boolean userSuspended;
  public Set<String> triggersRun = new LinkedHashSet<>();
  /** The conversation so far (bounded), for the classifiers. */
  public List<ConversationMessage> messages = new ArrayList<>();

  public RoutingView routing = RoutingView.NONE;
  public int routingDecisions;
  public String initialGroup;
  public boolean rerouted;
  public boolean reopened;
  public Instant ticketCreatedAt;
  public Instant firstHumanReplyAt;

  /** The journey's ticket without its comments (they live in the helpdesk). */
  public Ticket ticket;
  public SlaClocksState slaClocks;
  public Map<String, SlaClockView> sla = new LinkedHashMap<>();
  public boolean slaBreached;
  public InactivityState inactivity;
  public io.handoff.sla.inactivity.InactivityPolicy inactivityPolicy;
  public String sessionState = "active";
  public Instant solvedAt;
  public Instant closeAt;
  /** When the ticket closed; a customer message until the follow-up window ends starts a follow-up ticket. */
  public Instant closedAt;
  /** True once the follow-up window of a closed journey has ended: the workflow completes. */
  public boolean finished;
  public int followUps;

  /** When the ticket last entered each status (wire name), for automations' hours-since conditions. */
  public Map<String, Instant> statusEnteredAt = new LinkedHashMap<>();
  public Instant ticketUpdatedAt;
  public Instant assignedAt;
  public Instant requesterUpdatedAt;
  public Instant assigneeUpdatedAt;
  /** Counts ticket changes not made by automations; an automation fires once per revision. */
  public long ticketRevision;
  /** Automation title → the ticket revision it last fired at. */
  public Map<String, Long> automationsFired = new LinkedHashMap<>();
  /** Automation title → when it last fired. */
  public Map<String, Instant> automationsLastFiredAt = new LinkedHashMap<>();
  /** The next automation due (its timer) and its title; null when none is planned. */
  public Instant automationDueAt;
  public String automationDue;
  public int automationRuns;

  public Instant startedAt;
  public Instant updatedAt;
  public int runs = 1;
  /** How many times this journey was re-created from the journal after a restart. */
  public int restores;
  public long timelineSeq;
  public long projectedSeq;
  public List<TimelineEntry> timeline = new ArrayList<>();
  /** Recent command ids, so a command re-sent after a continue-as-new is still recognised. */
  public List<String> recentIds = new ArrayList<>();
  /** Ids of the last commands processed (not merely queued), newest last: where a restore resumes. */
  public List<String> processed = new ArrayList<>();

  static JourneyState start(String conversationId) {
    JourneyState s = new JourneyState();
    s.conversationId = conversationId;
    s.journeyId = JourneyIds.journeyId(conversationId);
    return s;
  }

  JourneyView view() {
    TicketView t = ticket == null ? null : new TicketView(ticket.id(), wire(ticket.status()), wire(ticket.priority()),
        ticket.group(), ticket.assignee());
    return new JourneyView(journeyId, conversationId, stage, channel == null ? null : channel.wireName(),
        language, List.copyOf(tags), messagesSent, routing, t, Map.copyOf(sla), sessionState, startedAt,
        updatedAt, runs, restores, List.copyOf(timeline), customerSummary(), subject(), nextClocks());
  }

  private JourneyView.CustomerSummary customerSummary() {
    return customer == null ? null
        : new JourneyView.CustomerSummary(customer.id(), customer.name(), customer.locale(), customer.tier());
  }

  static final int SUBJECT_LENGTH = 120;

  /** The ticket's subject, else the customer's first message, cut to {@link #SUBJECT_LENGTH} characters. */
  private String subject() {
    if (ticket != null && ticket.subject() != null && !ticket.subject().isBlank()) {
      return ticket.subject();
    }
    for (ConversationMessage m : messages) {
      if (m.author() == ConversationMessage.Author.CUSTOMER && m.text() != null && !m.text().isBlank()) {
        String text = m.text().strip().replaceAll("\\s+", " ");
        return text.length() <= SUBJECT_LENGTH ? text : text.substring(0, SUBJECT_LENGTH - 1) + "…";
      }
    }
    return null;
  }

  /** Each running clock's next due instant, earliest first (pure: the trackers are restored copies). */
  private List<JourneyView.NextClock> nextClocks() {
    List<JourneyView.NextClock> out = new ArrayList<>();
    if (slaClocks != null) {
      io.handoff.sla.clock.SlaClocks.restore(slaClocks).nextDeadline()
          .ifPresent(d -> out.add(new JourneyView.NextClock("sla", d.at(), d.timerSummary())));
    }
    if (inactivity != null) {
      io.handoff.sla.inactivity.InactivityTracker.restore(inactivity).nextDeadline()
          .ifPresent(d -> out.add(new JourneyView.NextClock("inactivity", d.at(), d.timerSummary())));
    }
    if (automationDueAt != null) {
      out.add(new JourneyView.NextClock("automation", automationDueAt, AutomationStep.TIMER_PREFIX + automationDue));
    }
    if (closeAt != null) {
      out.add(new JourneyView.NextClock("close", closeAt, "Close solved ticket"));
    }
    out.sort(java.util.Comparator.comparing(JourneyView.NextClock::dueAt));
    return out;
  }

  private static String wire(Object e) {
    if (e == null) {
      return null;
    }
    return e instanceof io.handoff.ticket.TicketStatus s ? s.wireName() : ((io.handoff.ticket.TicketPriority) e).wireName();
  }
}
