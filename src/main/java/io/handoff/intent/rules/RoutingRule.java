package io.handoff.intent.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One keyword / regex / tag rule: it matches when any of its keywords occurs as a whole word, any
 * regex is found in the text, or the conversation carries any of its tags.
 */
public record RoutingRule(String name, String intent, List<Pattern> keywords, List<Pattern> regexes, List<String> tags) {
  public RoutingRule {
    keywords = List.copyOf(keywords);
    regexes = List.copyOf(regexes);
    tags = List.copyOf(tags);
  }

  public boolean matches(String text, List<String> conversationTags) {
    return tags.stream().anyMatch(conversationTags::contains)
        || keywords.stream().anyMatch(p -> p.matcher(text).find())
        || regexes.stream().anyMatch(p -> p.matcher(text).find());
  }
}
