package io.handoff.privacy;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Handoff's Temporal data converter from the {@code handoff.temporal.payload-encryption.*}
 * settings. It always decodes through {@link AesGcmPayloadCodec}, so an encrypted payload met without
 * its key fails naming the missing key rather than as an unknown encoding; it encrypts only when a key
 * is set.
 */
public final class PayloadEncryption {
  static final String PREFIX = "handoff.temporal.payload-encryption.";

  private PayloadEncryption() {}

  /**
   * The codec for these settings.
   *
   * @param key base64 of the 32-byte key that encrypts new payloads; empty = no encryption
   * @param keyId id of that key
   * @param oldKeys older keys by id (base64), used only to decrypt
   * @throws IllegalArgumentException naming the setting when a key is not base64 of 32 bytes or ids clash
   */
  public static AesGcmPayloadCodec codec(Optional<String> key, String keyId, Map<String, String> oldKeys) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    oldKeys.forEach((id, value) -> keys.put(id, decode(PREFIX + "old-keys." + id, value)));
    String active = null;
    if (key.isPresent() && !key.get().isBlank()) {
      if (keyId == null || keyId.isBlank()) {
        throw new IllegalArgumentException(PREFIX + "key-id must not be blank when a key is set");
      }
      if (oldKeys.containsKey(keyId)) {
        throw new IllegalArgumentException(PREFIX + "old-keys." + keyId + " reuses the active key id '" + keyId
            + "': give each key its own id");
      }
      keys.put(keyId, decode(PREFIX + "key", key.get()));
      active = keyId;
    }
    return new AesGcmPayloadCodec(active, keys);
  }

  /**
   * Temporal's default converter wrapped with the codec. When the codec encrypts, failure messages and
   * stack traces are moved into the encoded attributes too, since an exception message can quote
   * customer data.
   */
  public static DataConverter dataConverter(AesGcmPayloadCodec codec) {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), codec.encrypts());
  }

  /** A new random key, base64: what {@code key} expects. */
  public static String newKey() {
    byte[] k = new byte[AesGcmPayloadCodec.KEY_BYTES];
    new java.security.SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  private static byte[] decode(String setting, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " is not valid base64: " + e.getMessage());
    }
    if (bytes.length != AesGcmPayloadCodec.KEY_BYTES) {
      throw new IllegalArgumentException(setting + " decodes to " + bytes.length + " bytes; AES-256 needs exactly "
          + AesGcmPayloadCodec.KEY_BYTES + " (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
    }
    return bytes;
  }
}
