package io.handoff.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The metrics token file ({@code handoff.auth.metrics-token-file}): a bearer token that grants only the
 * metrics scope, so Prometheus can scrape {@code /q/metrics} (its {@code authorization.credentials_file})
 * without a key that reads journeys. When the file is missing, Handoff writes a random token into it
 * (mode 0644, so a Prometheus container running as another user can read it from a shared volume).
 */
public final class MetricsToken {
  static final String PREFIX = "hm_";
  static final int MIN_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MetricsToken() {}

  /** Why the file cannot serve as the metrics token. */
  public static class InvalidTokenFile extends RuntimeException {
    InvalidTokenFile(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The SHA-256 (hex) of the token in {@code file}, writing a new random token there first when it is missing. */
  public static String loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String token = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (token.length() < MIN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
        throw new InvalidTokenFile("handoff.auth.metrics-token-file: " + file + " must hold one token of at least "
            + MIN_LENGTH + " characters without spaces (delete the file to have Handoff write a random one)", null);
      }
      return ApiKeyTokens.sha256(token);
    } catch (IOException e) {
      throw new InvalidTokenFile("handoff.auth.metrics-token-file: cannot read or create " + file + ": " + e, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".metrics-token", ".tmp");
    try {
      Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the platform's default permissions apply.
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file);
      }
    } catch (FileAlreadyExistsException e) {
      // Another instance wrote it first: use theirs.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
