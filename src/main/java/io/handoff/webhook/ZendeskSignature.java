package io.handoff.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk webhook signatures: {@code base64(HMAC-SHA256(secret, timestamp + body))} in
 * {@code X-Zendesk-Webhook-Signature}, the timestamp in {@code X-Zendesk-Webhook-Signature-Timestamp}.
 * The secret keys the HMAC as-is (its UTF-8 bytes, not base64-decoded). Comparison is constant-time.
 */
public final class ZendeskSignature {

  public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
  public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

  /** The verdict on one call. */
  public enum Verdict { VALID, MISSING, STALE, FORGED }

  private final byte[] secret;
  private final Duration tolerance;

  public ZendeskSignature(String secret, Duration tolerance) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
  }

  /** Checks a call's headers and raw body at {@code now}. */
  public Verdict verify(String signature, String timestamp, byte[] body, Instant now) {
    if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      return Verdict.MISSING;
    }
    Instant at;
    try {
      at = Instant.parse(timestamp.trim());
    } catch (DateTimeParseException e) {
      return Verdict.FORGED;
    }
    if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
      return Verdict.STALE;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return Verdict.FORGED;
    }
    return MessageDigest.isEqual(given, sign(timestamp.trim(), body)) ? Verdict.VALID : Verdict.FORGED;
  }

  /** The raw HMAC of timestamp + body (tests and tools base64 it into the header). */
  public byte[] sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
