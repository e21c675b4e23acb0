package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on rule texts with Liquid: what Handoff runs is valid, anything outside the subset is
 * an error at its {@code file:line} naming the tag or filter, and {@code {{ticket.url}}} without a
 * helpdesk.yaml account is a warning naming the rule.
 */
class ValidateLiquidTest {

  private static final String EXTRA = """

  - title: "Liquid digest"
    category: Notifications
    position: 2
    conditions:
      all:
        - { field: current_tags, operator: includes, value: digest }
    actions:
      - field: notification_user
        value:
          - requester_id
          - "{{ ticket.title | truncate: 20 }}"
          - "{% for c in ticket.public_comments limit:2 %}{{ c.author.name | default: 'Support' }}: {{ c.value }}{% endfor %}{% if ticket.status == 'Solved' %}Done{% endif %}"

  - title: "Table of comments"
    category: Notifications
    position: 3
    conditions:
      all:
        - { field: current_tags, operator: includes, value: table }
    actions:
      - { field: reply_internal, value: "{% tablerow c in ticket.comments %}{{ c.value | md5 }}{% endtablerow %}" }

  - title: "Link for the requester"
    category: Notifications
    position: 4
    conditions:
      all:
        - { field: current_tags, operator: includes, value: link }
    actions:
      - { field: reply_public, value: "See {{ticket.link}}" }
""";

  private static Path dirWith(Path dir, String extra) throws IOException {
    String triggers = Files.readString(Path.of("workflows/support-triggers.yaml")) + extra;
    Files.writeString(dir.resolve("support-triggers.yaml"), triggers);
    return dir;
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void liquidOutsideTheSubsetIsAnErrorAtItsFileAndLineNamingTheTagAndFilter(@TempDir Path dir) throws IOException {
    Path file = dirWith(dir, EXTRA).resolve("support-triggers.yaml");
    ValidatePartialDirectoryTest.Run r = ValidatePartialDirectoryTest.validate("--dir", dir.toString(), "--base",
        "workflows");
    assertThat(r.code()).isEqualTo(1);
    int line = lineOf(file, "tablerow");
    String where = file + ":" + line + ": rule \"Table of comments\": ";
    assertThat(r.err()).contains(where + "Liquid tag {% tablerow %} is not supported")
        .contains(where + "Liquid filter \"md5\" is not supported")
        .contains(where + "Liquid tag {% endtablerow %} is not supported");
    assertThat(r.err()).doesNotContain("Liquid digest");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void theSubsetIsValidAndTicketLinkWithoutAnAccountIsAWarningNamingTheRule(@TempDir Path dir) throws IOException {
    String valid = EXTRA.substring(0, EXTRA.indexOf("  - title: \"Table of comments\""))
        + EXTRA.substring(EXTRA.indexOf("  - title: \"Link for the requester\""));
    Path file = dirWith(dir, valid).resolve("support-triggers.yaml");
    ValidatePartialDirectoryTest.Run r = ValidatePartialDirectoryTest.validate("--dir", dir.toString(), "--base",
        "workflows");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(file + ":" + lineOf(file, "See {{ticket.link}}")
        + ": warning: rule \"Link for the requester\": {{ticket.link}} renders empty: helpdesk.yaml sets no"
        + " account.ticketUrl");
  }

  @Test
  void withAnAccountTicketLinkIsNotWarned(@TempDir Path dir) throws IOException {
    String valid = EXTRA.substring(EXTRA.indexOf("  - title: \"Link for the requester\""));
    dirWith(dir, "\n" + valid);
    String helpdesk = Files.readString(Path.of("workflows/helpdesk.yaml"))
        + "\naccount:\n  name: Example\n  ticketUrl: https://help.example.com/tickets/{id}\n";
    Files.writeString(dir.resolve("helpdesk.yaml"), helpdesk);
    ValidatePartialDirectoryTest.Run r = ValidatePartialDirectoryTest.validate("--dir", dir.toString(), "--base",
        "workflows");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("ticketUrl");
  }
}
