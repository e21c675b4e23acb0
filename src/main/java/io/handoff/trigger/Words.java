package io.handoff.trigger;

/** Whole-word search used by "includes words", without regular expressions (hot path). */
final class Words {

  private Words() {}

  /** True when {@code word} (lower case) occurs in {@code text} (lower case) between non-letters. */
  static boolean containsWord(String text, String word) {
    int from = 0;
    while (true) {
      int at = text.indexOf(word, from);
      if (at < 0) {
        return false;
      }
      int end = at + word.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = at + 1;
    }
  }
}
