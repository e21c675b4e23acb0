package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {
  static final String SECRET = "Hola, soy Ana Quintero <ana.quintero@example.com>";
  static final String K1 = PayloadEncryption.newKey();
  static final String K2 = PayloadEncryption.newKey();

  static Payload plain(String text) {
    return DefaultDataConverter.STANDARD_INSTANCE.toPayload(text).orElseThrow();
  }

  static AesGcmPayloadCodec codec(String key, String keyId, Map<String, String> old) {
    return PayloadEncryption.codec(Optional.ofNullable(key), keyId, old);
  }

  @Test
  void roundTripRestoresThePayloadAndHidesItsText() {
    AesGcmPayloadCodec codec = codec(K1, "k1", Map.of());
    Payload original = plain(SECRET);
    Payload sealed = codec.encode(List.of(original)).get(0);

    assertThat(sealed.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(sealed.getMetadataMap().get(AesGcmPayloadCodec.KEY_ID).toStringUtf8()).isEqualTo("k1");
    assertThat(new String(sealed.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("Quintero")
        .doesNotContain("json/plain");
    assertThat(codec.decode(List.of(sealed))).containsExactly(original);
  }

  @Test
  void everyPayloadGetsAFreshNonce() {
    AesGcmPayloadCodec codec = codec(K1, "k1", Map.of());
    Payload original = plain(SECRET);
    ByteString a = codec.encode(List.of(original)).get(0).getData();
    ByteString b = codec.encode(List.of(original)).get(0).getData();
    assertThat(a.substring(0, 12)).isNotEqualTo(b.substring(0, 12));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aTamperedPayloadIsRefused() {
    AesGcmPayloadCodec codec = codec(K1, "k1", Map.of());
    Payload sealed = codec.encode(List.of(plain(SECRET))).get(0);
    byte[] data = sealed.getData().toByteArray();
    data[data.length - 20] ^= 1;
    Payload tampered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();
    assertThatThrownBy(() -> codec.decode(List.of(tampered))).isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("does not authenticate with key 'k1'");
  }

  @Test
  void aPayloadRelabelledToAnotherKeyIdIsRefused() {
    AesGcmPayloadCodec writer = codec(K1, "k1", Map.of());
    Payload sealed = writer.encode(List.of(plain(SECRET))).get(0);
    Payload relabelled = sealed.toBuilder().putMetadata(AesGcmPayloadCodec.KEY_ID, ByteString.copyFromUtf8("k0"))
        .build();
    AesGcmPayloadCodec reader = codec(K1, "k2", Map.of("k0", K1));
    assertThatThrownBy(() -> reader.decode(List.of(relabelled))).isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("does not authenticate with key 'k0'");
  }

  @Test
  void aWrongKeyUnderTheRightIdIsRefused() {
    Payload sealed = codec(K1, "k1", Map.of()).encode(List.of(plain(SECRET))).get(0);
    assertThatThrownBy(() -> codec(K2, "k1", Map.of()).decode(List.of(sealed)))
        .isInstanceOf(PayloadCodecException.class).hasMessageContaining("the key configured under that id is wrong");
  }

  @Test
  void rotationEncryptsWithTheNewKeyAndStillReadsTheOldOne() {
    Payload byOld = codec(K1, "k1", Map.of()).encode(List.of(plain("old"))).get(0);
    AesGcmPayloadCodec rotated = codec(K2, "k2", Map.of("k1", K1));
    Payload byNew = rotated.encode(List.of(plain("new"))).get(0);

    assertThat(byNew.getMetadataMap().get(AesGcmPayloadCodec.KEY_ID).toStringUtf8()).isEqualTo("k2");
    assertThat(rotated.decode(List.of(byOld, byNew))).containsExactly(plain("old"), plain("new"));
    assertThatThrownBy(() -> codec(K1, "k1", Map.of()).decode(List.of(byNew)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("encrypted with key 'k2', which is not configured").hasMessageContaining("known keys: k1");
  }

  @Test
  void withoutAKeyPayloadsPassThroughAndEncryptedOnesNameTheMissingKey() {
    AesGcmPayloadCodec off = codec(null, "k1", Map.of());
    Payload p = plain(SECRET);
    assertThat(off.encrypts()).isFalse();
    assertThat(off.encode(List.of(p))).containsExactly(p);
    assertThat(off.decode(List.of(p))).containsExactly(p);
    Payload sealed = codec(K1, "k1", Map.of()).encode(List.of(p)).get(0);
    DataConverter converter = PayloadEncryption.dataConverter(off);
    assertThatThrownBy(() -> converter.fromPayloads(0, Optional.of(io.temporal.api.common.v1.Payloads.newBuilder()
        .addPayloads(sealed).build()), String.class, String.class))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("no payload encryption key is configured at all");
  }

  @Test
  void decryptOnlyModeReadsOldPayloadsAndWritesPlainOnes() {
    Payload sealed = codec(K1, "k1", Map.of()).encode(List.of(plain(SECRET))).get(0);
    AesGcmPayloadCodec decryptOnly = codec(null, "k1", Map.of("k1", K1));
    assertThat(decryptOnly.decode(List.of(sealed))).containsExactly(plain(SECRET));
    assertThat(decryptOnly.encode(List.of(plain("x")))).containsExactly(plain("x"));
  }

  @Test
  void badKeysAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> codec("c2hvcnQ=", "k1", Map.of())).hasMessage(
        "handoff.temporal.payload-encryption.key decodes to 5 bytes; AES-256 needs exactly 32 (base64 of 32"
            + " random bytes, e.g. `openssl rand -base64 32`)");
    assertThatThrownBy(() -> codec(K1, "k1", Map.of("k0", "not base64!")))
        .hasMessageStartingWith("handoff.temporal.payload-encryption.old-keys.k0 is not valid base64");
    assertThatThrownBy(() -> codec(K1, "k1", Map.of("k1", K2)))
        .hasMessageContaining("old-keys.k1 reuses the active key id 'k1'");
    assertThatThrownBy(() -> codec(K1, " ", Map.of())).hasMessageContaining("key-id must not be blank");
  }

  @Test
  void theDataConverterRoundTripsObjectsThroughEncryption() {
    DataConverter converter = PayloadEncryption.dataConverter(codec(K1, "k1", Map.of()));
    var payloads = converter.toPayloads(SECRET, 42).orElseThrow();
    assertThat(payloads.toString()).doesNotContain("Quintero");
    assertThat(converter.fromPayloads(0, Optional.of(payloads), String.class, String.class)).isEqualTo(SECRET);
    assertThat(converter.fromPayloads(1, Optional.of(payloads), Integer.class, Integer.class)).isEqualTo(42);
  }
}
