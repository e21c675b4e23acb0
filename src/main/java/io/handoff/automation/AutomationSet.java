package io.handoff.automation;

import io.handoff.support.Webhook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The loaded automations: every one in file order, the active ones in firing order (position, then
 * file order), and the webhooks their actions may notify (declared in {@code support-triggers.yaml}).
 */
public final class AutomationSet {
  private final List<Automation> declared;
  private final List<Automation> ordered;
  private final Map<String, Webhook> webhooks;
  private final String version;

  public AutomationSet(List<Automation> declared, Map<String, Webhook> webhooks, String version) {
    this.declared = List.copyOf(declared);
    this.webhooks = Map.copyOf(webhooks);
    this.version = version;
    List<Automation> active = new ArrayList<>(declared.stream().filter(Automation::active).toList());
    active.sort(Comparator.comparingInt(Automation::position));
    this.ordered = List.copyOf(active);
  }

  public static AutomationSet empty() {
    return new AutomationSet(List.of(), Map.of(), "none");
  }

  public List<Automation> declared() {
    return declared;
  }

  /** Active automations in firing order. */
  public List<Automation> ordered() {
    return ordered;
  }

  public Map<String, Webhook> webhooks() {
    return webhooks;
  }

  /** A hash of the file, recorded in every trace. */
  public String version() {
    return version;
  }
}
