package io.handoff.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic idempotency keys for effects: the caller's key (workflow ID + step), the trigger and
 * the action index. The same input always yields the same key, so a retried activity never sends twice.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /** {@code <inputKey>/<12 hex of sha256(trigger)>/<actionIndex>}. */
  public static String forAction(String inputKey, String trigger, int actionIndex) {
    return (inputKey == null ? "" : inputKey) + "/" + shortHash(trigger) + "/" + actionIndex;
  }

  /** The first 12 hex digits of SHA-256 of {@code text}. */
  public static String shortHash(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
