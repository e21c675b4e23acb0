package io.handoff.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.webhook.ZendeskSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZendeskSignatureTest {

  /** Zendesk's documented test secret. */
  static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
  static final String TS = "2026-03-02T09:00:00Z";
  static final byte[] BODY = "{\"type\":\"zen:event-type:ticket.status_changed\"}"
      .getBytes(StandardCharsets.UTF_8);
  /** Computed independently: printf '%s' "$TS$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64. */
  static final String EXPECTED = "NodxG+M8z/IXuxAlMN5Ryz0Y6eYT/qhXEPi+4jVXPu4=";

  private final ZendeskSignature signature = new ZendeskSignature(SECRET, Duration.ofMinutes(5));
  private final Instant now = Instant.parse(TS).plusSeconds(30);

  @Test
  void acceptsTheSignatureOpensslComputes() {
    assertEquals(Verdict.VALID, signature.verify(EXPECTED, TS, BODY, now));
  }

  @Test
  void refusesAForgedSignature() {
    String forged = "AodxG+M8z/IXuxAlMN5Ryz0Y6eYT/qhXEPi+4jVXPu4=";
    assertEquals(Verdict.FORGED, signature.verify(forged, TS, BODY, now));
    assertEquals(Verdict.FORGED, signature.verify("not base64!", TS, BODY, now));
  }

  @Test
  void refusesATamperedBodyOrTimestamp() {
    byte[] tampered = "{\"type\":\"zen:event-type:ticket.status_changed\" }".getBytes(StandardCharsets.UTF_8);
    assertEquals(Verdict.FORGED, signature.verify(EXPECTED, TS, tampered, now));
    assertEquals(Verdict.FORGED, signature.verify(EXPECTED, "2026-03-02T09:00:01Z", BODY, now));
  }

  @Test
  void refusesAStaleOrFarFutureTimestamp() {
    assertEquals(Verdict.STALE, signature.verify(EXPECTED, TS, BODY, Instant.parse(TS).plusSeconds(301)));
    assertEquals(Verdict.STALE, signature.verify(EXPECTED, TS, BODY, Instant.parse(TS).minusSeconds(301)));
  }

  @Test
  void reportsMissingHeaders() {
    assertEquals(Verdict.MISSING, signature.verify(null, TS, BODY, now));
    assertEquals(Verdict.MISSING, signature.verify(EXPECTED, null, BODY, now));
    assertEquals(Verdict.MISSING, signature.verify(" ", TS, BODY, now));
  }
}
