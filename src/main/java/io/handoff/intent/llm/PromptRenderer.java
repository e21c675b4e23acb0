package io.handoff.intent.llm;

import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.ConversationMessage;
import io.handoff.intent.taxonomy.IntentDefinition;
import io.handoff.intent.taxonomy.Taxonomy;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills the prompt templates. Every message is wrapped in a tag naming its author, with its text
 * escaped ({@code <}, {@code >}, {@code &}) so a customer cannot close the tag and speak as the system.
 */
final class PromptRenderer {
  private final PromptTemplates templates;
  private final String system;

  PromptRenderer(PromptTemplates templates, Taxonomy taxonomy) {
    this.templates = templates;
    String intents = taxonomy.intents().stream()
        .map(d -> "- " + d.name() + (d.description().isBlank() ? "" : ": " + d.description()))
        .collect(Collectors.joining("\n"));
    this.system = PromptTemplates.render(templates.system(), Map.of("intents", intents));
  }

  String system() {
    return system;
  }

  String user(ClassificationRequest r) {
    String conversation = r.messages().stream().map(PromptRenderer::tagged).collect(Collectors.joining("\n"));
    return PromptTemplates.render(templates.user(), Map.of(
        "channel", r.channel() == null ? "unknown" : r.channel().wireName(),
        "customer_tier", r.customerTier() == null ? "unknown" : escape(r.customerTier()),
        "tags", r.tags().isEmpty() ? "none" : escape(String.join(", ", r.tags())),
        "conversation", conversation));
  }

  private static String tagged(ConversationMessage m) {
    String tag = switch (m.author()) {
      case CUSTOMER -> "customer_message";
      case AGENT -> "agent_message";
      case BOT -> "bot_message";
    };
    return "<" + tag + ">" + escape(m.text() == null ? "" : m.text()) + "</" + tag + ">";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
