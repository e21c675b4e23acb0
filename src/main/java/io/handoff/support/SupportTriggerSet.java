package io.handoff.support;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded support triggers: the active ones in firing order (category order, then position, then
 * file order) and an index from each condition field to the triggers that read it, so the loop only
 * re-evaluates triggers whose inputs changed.
 */
public final class SupportTriggerSet {

  private final List<SupportTrigger> declared;
  private final List<String> categories;
  private final Map<String, Webhook> webhooks;
  private final String version;
  private final List<SupportTrigger> ordered;
  private final Map<String, BitSet> readers = new HashMap<>();
  private final io.handoff.trigger.DynamicContent content;

  public SupportTriggerSet(
      List<SupportTrigger> declared, List<String> categories, Map<String, Webhook> webhooks, String version) {
    this(declared, categories, webhooks, version, io.handoff.trigger.DynamicContent.NONE);
  }

  /** With the dynamic content the triggers' texts use ({@code {{dc.name}}}). */
  public SupportTriggerSet(List<SupportTrigger> declared, List<String> categories, Map<String, Webhook> webhooks,
      String version, io.handoff.trigger.DynamicContent content) {
    this.content = content == null ? io.handoff.trigger.DynamicContent.NONE : content;
    this.declared = List.copyOf(declared);
    this.categories = List.copyOf(categories);
    this.webhooks = Map.copyOf(webhooks);
    this.version = version;
    List<SupportTrigger> active = new ArrayList<>(declared.stream().filter(SupportTrigger::active).toList());
    // Stable sort: equal category and position keep file order.
    active.sort(Comparator.comparingInt((SupportTrigger t) -> categoryIndex(t.category()))
        .thenComparingInt(SupportTrigger::position));
    this.ordered = List.copyOf(active);
    for (int i = 0; i < ordered.size(); i++) {
      for (String field : ordered.get(i).conditions().fieldsRead()) {
        readers.computeIfAbsent(field, f -> new BitSet()).set(i);
      }
    }
  }

  public static SupportTriggerSet empty(String version) {
    return new SupportTriggerSet(List.of(), List.of(), Map.of(), version);
  }

  private int categoryIndex(String category) {
    int i = category == null ? -1 : categories.indexOf(category);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** Every trigger of the file, active or not, in file order. */
  public List<SupportTrigger> declared() {
    return declared;
  }

  /** Active triggers in firing order. */
  public List<SupportTrigger> ordered() {
    return ordered;
  }

  public Map<String, Webhook> webhooks() {
    return webhooks;
  }

  public String version() {
    return version;
  }

  /** The dynamic content of the rule directory. */
  public io.handoff.trigger.DynamicContent content() {
    return content;
  }

  /** The same triggers with {@code content} for their {@code {{dc.name}}} placeholders. */
  public SupportTriggerSet withContent(io.handoff.trigger.DynamicContent content) {
    return new SupportTriggerSet(declared, categories, webhooks, version, content);
  }

  /** Indices (in {@link #ordered()}) of the triggers reading {@code field}; null when none do. */
  BitSet readersOf(String field) {
    return readers.get(field);
  }
}
