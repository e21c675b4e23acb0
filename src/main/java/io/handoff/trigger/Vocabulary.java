package io.handoff.trigger;

import java.util.Set;

/** One engine's closed vocabulary: the condition fields and placeholders its rule files may use. */
public interface Vocabulary<F> {

  /** Resolves a condition field name, or returns null when the engine has no such field. */
  FieldRef<F> field(String name);

  /** The placeholder names (without braces) texts of this engine may use. */
  Set<String> placeholders();

  /**
   * Rewrites a parsed condition whose Zendesk spelling means something else (for example
   * {@code comment_is_public is not_relevant}, which means "a comment is present"). Default: unchanged.
   */
  default Condition<F> normalise(Condition<F> condition) {
    return condition;
  }
}
