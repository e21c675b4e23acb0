package io.handoff.rules;

import io.handoff.automation.AutomationActivitiesImpl;
import io.handoff.intent.AiConfig;
import io.handoff.intent.IntentActivitiesImpl;
import io.handoff.intent.IntentService;
import io.handoff.messaging.MessagingActivitiesImpl;
import io.handoff.messaging.MessagingChannelClient;
import io.handoff.metrics.HandoffMetrics;
import io.handoff.sla.DemoClockConfig;
import io.handoff.sla.SlaActivitiesImpl;
import io.handoff.sla.TimeScale;
import io.handoff.support.DirectoryNames;
import io.handoff.support.SupportActivitiesImpl;
import io.handoff.support.WebhookEndpoints;
import io.handoff.ticket.HelpdeskDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Wires the activities that read rules to {@link RuleDirectoryHolder}: each gets a supplier of what it
 * reads, taken from one snapshot per call, so the activity packages need no CDI and no knowledge of the
 * holder, and a reload applies to all of them from their next call.
 */
@ApplicationScoped
public class RuleActivities {

  private static final Logger LOG = Logger.getLogger(RuleActivities.class);

  @Produces
  @Singleton
  MessagingActivitiesImpl messaging(RuleDirectoryHolder rules, MessagingChannelClient channel) {
    return new MessagingActivitiesImpl(() -> {
      RuleDirectory d = rules.current();
      return new MessagingActivitiesImpl.Rules(d.ruleSet().messaging(), d.businessHours(), d.intent().replies());
    }, channel);
  }

  @Produces
  @Singleton
  SupportActivitiesImpl support(RuleDirectoryHolder rules, HelpdeskDirectory directory) {
    return new SupportActivitiesImpl(() -> {
      RuleDirectory d = rules.current();
      return new SupportActivitiesImpl.Rules(d.ruleSet().support(), d.businessHours());
    }, DirectoryNames.of(directory));
  }

  @Produces
  @Singleton
  SlaActivitiesImpl sla(RuleDirectoryHolder rules, DemoClockConfig demo) {
    TimeScale scale = new TimeScale(demo.timeScale());
    if (scale.scaled()) {
      LOG.infof("demo clock: SLA targets and the inactivity ladder run %d times faster (handoff.demo.time-scale),"
          + " SLA targets in calendar time", scale.factor());
    }
    return new SlaActivitiesImpl(rules.view(d -> SlaActivitiesImpl.Rules.of(d.slaPolicies(), d.inactivity())), scale);
  }

  @Produces
  @Singleton
  AutomationActivitiesImpl automations(RuleDirectoryHolder rules, HelpdeskDirectory directory) {
    return new AutomationActivitiesImpl(() -> {
      RuleDirectory d = rules.current();
      return new AutomationActivitiesImpl.Rules(d.automations(), d.businessHours(), null,
          d.ruleSet().support().content());
    }, DirectoryNames.of(directory));
  }

  /**
   * Built at start (a bad classifier setting stops it), then again at its first use after a reload that
   * changed an intent file (building the classifiers can take seconds with MiniLM).
   */
  @Produces
  @Singleton
  IntentActivitiesImpl intent(RuleDirectoryHolder rules, AiConfig ai, HandoffMetrics metrics) {
    Supplier<IntentService> services = rules.view(d -> d.intent().versions(), d -> IntentActivitiesImpl.create(ai.classifier(),
        ai.llmSettings(), ai.offline().embeddings(), d.intent()));
    services.get();
    return new IntentActivitiesImpl(services, metrics);
  }

  /** The webhooks the support rules in use declare, for the notification client. */
  @Produces
  @Singleton
  WebhookEndpoints webhookEndpoints(RuleDirectoryHolder rules) {
    return name -> rules.current().ruleSet().support().webhooks().get(name);
  }
}
