/**
 * Personal data (README, "Privacy"): AES-256-GCM encryption of Temporal payloads, redaction of texts that
 * reach exception messages, and the retention purge.
 *
 * <p>Entry points: {@link io.handoff.privacy.PayloadEncryption} with
 * {@link io.handoff.privacy.AesGcmPayloadCodec}, {@link io.handoff.privacy.Redact},
 * {@link io.handoff.privacy.JourneyPurge} and {@link io.handoff.privacy.RetentionScheduler}.
 *
 * <p>Uses {@code config} only.
 */
package io.handoff.privacy;
