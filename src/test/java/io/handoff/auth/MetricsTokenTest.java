package io.handoff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** handoff.auth.metrics-token-file: an operator's token is used as written; a missing file gets a random one. */
class MetricsTokenTest {
  @TempDir Path dir;

  @Test
  void aMissingFileGetsARandomTokenReadableByOthersAndStableAcrossStarts() throws Exception {
    Path file = dir.resolve("shared").resolve("metrics-token");
    String digest = MetricsToken.loadOrCreate(file);
    String token = Files.readString(file).trim();
    assertThat(token).startsWith("hm_").hasSize(3 + 43);
    assertThat(digest).isEqualTo(ApiKeyTokens.sha256(token));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    assertThat(MetricsToken.loadOrCreate(file)).isEqualTo(digest);
    assertThat(MetricsToken.loadOrCreate(dir.resolve("other"))).isNotEqualTo(digest);
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void anOperatorsTokenIsUsedAsWrittenWithoutItsLineEnd() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "a-token-chosen-by-the-operator-0123\n");
    assertThat(MetricsToken.loadOrCreate(file)).isEqualTo(ApiKeyTokens.sha256("a-token-chosen-by-the-operator-0123"));
  }

  @Test
  void aBlankShortOrSpacedTokenIsRefusedNamingTheSetting() throws Exception {
    for (String content : new String[] {"", "  \n", "short", "two words that are long enough"}) {
      Path file = Files.writeString(dir.resolve("bad"), content);
      assertThatThrownBy(() -> MetricsToken.loadOrCreate(file)).isInstanceOf(MetricsToken.InvalidTokenFile.class)
          .hasMessageContaining("handoff.auth.metrics-token-file").hasMessageContaining(file.toString());
    }
  }
}
