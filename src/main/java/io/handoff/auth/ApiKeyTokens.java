package io.handoff.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key strings: {@code hk_<id>_<secret>}, a 10-character public id (safe to log and list) and 32
 * random bytes. Only the SHA-256 of the whole string is stored; the string is shown once.
 */
public final class ApiKeyTokens {
  static final String PREFIX = "hk_";
  static final int ID_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyTokens() {}

  /** A new key: its id and the full secret string. */
  public record Minted(String id, String token) {}

  public static Minted mint() {
    byte[] idBytes = new byte[ID_LENGTH / 2];
    RANDOM.nextBytes(idBytes);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String id = HexFormat.of().formatHex(idBytes);
    return new Minted(id, PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The public id of a well-formed key string, or null. */
  public static String idOf(String token) {
    if (token == null || token.length() < PREFIX.length() + ID_LENGTH + 2 || !token.startsWith(PREFIX)
        || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
      return null;
    }
    String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
    return id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) ? id : null;
  }

  /** Lower-case hex SHA-256 of the key string: what the database and the bootstrap setting hold. */
  public static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Compares two hex digests in constant time. */
  public static boolean sameDigest(String a, String b) {
    return a != null && b != null && MessageDigest.isEqual(a.toLowerCase().getBytes(StandardCharsets.US_ASCII),
        b.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
