package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {
  @Test
  void emailAddressesInServerRepliesAreReplaced() {
    assertThat(Redact.emails("550 5.1.1 <ana.souza+vip@mail.example.com>: Recipient address rejected"))
        .isEqualTo("550 5.1.1 <<e-mail>>: Recipient address rejected");
  }

  @Test
  void longRepliesAreCutAndNullIsEmpty() {
    assertThat(Redact.reply("x".repeat(500))).hasSize(201).endsWith("…");
    assertThat(Redact.reply("{\"errors\":[{\"code\":\"bad_request\"}]}")).isEqualTo("{\"errors\":[{\"code\":\"bad_request\"}]}");
    assertThat(Redact.reply(null)).isEmpty();
  }
}
