package io.handoff.privacy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts every Temporal payload with AES-256-GCM (JDK crypto only). Each payload gets a fresh random
 * 12-byte nonce; the whole original payload (metadata and data) is the plaintext, and the key id is both
 * written in the new payload's metadata and bound as additional authenticated data, so a payload cannot
 * be relabelled to another key. One key encrypts; older keys are kept only to decrypt, which is how keys
 * rotate. Payloads that are not encrypted pass through both ways, so history written before encryption
 * was switched on stays readable.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  /** Metadata {@code encoding} of an encrypted payload (the Temporal convention). */
  public static final String ENCODING = "binary/encrypted";
  /** Metadata key naming the key that encrypted the payload. */
  public static final String KEY_ID = "encryption-key-id";
  /** Metadata key naming the cipher, so a later format can be told apart. */
  public static final String CIPHER = "encryption-cipher";
  static final String CIPHER_NAME = "AES-256-GCM";
  static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String activeKeyId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param activeKeyId id of the key that encrypts new payloads, or null to encrypt nothing (decrypt only)
   * @param keys every known key by id (the active one included), each exactly 32 bytes
   */
  public AesGcmPayloadCodec(String activeKeyId, Map<String, byte[]> keys) {
    Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
    keys.forEach((id, bytes) -> {
      if (bytes.length != KEY_BYTES) {
        throw new IllegalArgumentException("payload encryption key '" + id + "' has " + bytes.length
            + " bytes; AES-256 needs exactly " + KEY_BYTES);
      }
      specs.put(id, new SecretKeySpec(bytes, "AES"));
    });
    if (activeKeyId != null && !specs.containsKey(activeKeyId)) {
      throw new IllegalArgumentException("no key with the active key id '" + activeKeyId + "'");
    }
    this.activeKeyId = activeKeyId;
    this.keys = Map.copyOf(specs);
  }

  /** True when new payloads are encrypted (an active key is set). */
  public boolean encrypts() {
    return activeKeyId != null;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    if (activeKeyId == null) {
      return payloads;
    }
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(encrypt(p));
    }
    return out;
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(isEncrypted(p) ? decrypt(p) : p);
    }
    return out;
  }

  /** True when the payload carries this codec's encoding. */
  public static boolean isEncrypted(Payload p) {
    return Optional.ofNullable(p.getMetadataMap().get("encoding"))
        .map(b -> b.toStringUtf8().equals(ENCODING)).orElse(false);
  }

  private Payload encrypt(Payload p) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, activeKeyId);
      byte[] sealed = cipher.doFinal(p.toByteArray());
      byte[] data = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, data, NONCE_BYTES, sealed.length);
      return Payload.newBuilder()
          .putMetadata("encoding", utf8(ENCODING))
          .putMetadata(CIPHER, utf8(CIPHER_NAME))
          .putMetadata(KEY_ID, utf8(activeKeyId))
          .setData(ByteString.copyFrom(data))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("encrypting a payload with key '" + activeKeyId + "' failed: " + e, e);
    }
  }

  private Payload decrypt(Payload p) {
    ByteString id = p.getMetadataMap().get(KEY_ID);
    if (id == null) {
      throw new PayloadCodecException("encrypted payload has no " + KEY_ID + " metadata");
    }
    String keyId = id.toStringUtf8();
    ByteString cipherName = p.getMetadataMap().get(CIPHER);
    if (cipherName != null && !CIPHER_NAME.equals(cipherName.toStringUtf8())) {
      throw new PayloadCodecException("encrypted payload uses cipher '" + cipherName.toStringUtf8()
          + "'; only " + CIPHER_NAME + " is supported");
    }
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new PayloadCodecException("payload is encrypted with key '" + keyId + "', which is not configured: set"
          + " handoff.temporal.payload-encryption.key (with key-id '" + keyId + "') or old-keys." + keyId
          + (keys.isEmpty() ? " (no payload encryption key is configured at all)" : " (known keys: "
              + String.join(", ", keys.keySet()) + ")"));
    }
    byte[] data = p.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("encrypted payload (key '" + keyId + "') is truncated: " + data.length
          + " bytes");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, NONCE_BYTES), keyId);
      return Payload.parseFrom(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES));
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException("encrypted payload does not authenticate with key '" + keyId
          + "': the key configured under that id is wrong, or the payload was altered", e);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("decrypting a payload with key '" + keyId + "' failed: " + e, e);
    }
  }

  private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String keyId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }
}
