package io.handoff.privacy;

import java.util.regex.Pattern;

/**
 * Redaction for texts that end up in exception messages, which the Temporal SDK logs at WARN and
 * stores in the workflow history: e-mail addresses are replaced and third-party replies are cut short.
 */
public final class Redact {
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final int REPLY_CHARS = 200;

  private Redact() {}

  /** The text with every e-mail address replaced by {@code <e-mail>}. */
  public static String emails(String text) {
    return text == null ? null : EMAIL.matcher(text).replaceAll("<e-mail>");
  }

  /** A third-party reply fit for an error message: e-mail addresses redacted, at most 200 characters. */
  public static String reply(String body) {
    if (body == null) {
      return "";
    }
    String r = emails(body);
    return r.length() <= REPLY_CHARS ? r : r.substring(0, REPLY_CHARS) + "…";
  }
}
