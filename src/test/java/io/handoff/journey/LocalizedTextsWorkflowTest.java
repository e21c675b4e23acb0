package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.Customer;
import io.handoff.model.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Texts in the customer's language (workflows/dynamic-content.yaml): the inactivity reminders and the
 * agent-reply e-mail reach a French and a Japanese customer in their language, and a customer whose
 * language has no text gets the fallback (English), through the real journey and activities.
 */
@Timeout(120)
class LocalizedTextsWorkflowTest {
  JourneyTestEnv t;

  @BeforeEach
  void start() {
    t = JourneyTestEnv.withDefaults();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** Runs a ticketed journey for {@code customer}, an agent reply, then the whole inactivity ladder. */
  private JourneyView ladder(String conversation, Customer customer, String firstMessage) {
    t.send(t.event(conversation, EventType.CONVERSATION_STARTED, null, customer));
    t.send(t.event(conversation, EventType.MESSAGE_RECEIVED, firstMessage, customer));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view(conversation).ticket().id();
    t.command(conversation, CustomerJourneyWorkflowTest.comment(ticketId, "Could you send us a screenshot?"));
    t.env.sleep(Duration.ofMinutes(22));
    return t.view(conversation);
  }

  private static List<String> reminders(JourneyView v) {
    return v.timeline().stream().filter(e -> e.step().equals("message.sent") && e.trace() != null
        && e.trace().toString().contains("reminder")).map(TimelineEntry::text).toList();
  }

  private List<String> requesterEmails(String conversation) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = t.db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT body FROM outbox_notification WHERE recipient_type = 'requester_id' AND idempotency_key LIKE ?"
            + " ORDER BY created_at")) {
      ps.setString(1, JourneyIds.journeyId(conversation) + "/%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Test
  void aFrenchCustomerGetsTheRemindersAndTheAgentReplyEmailInFrench() throws Exception {
    Customer luc = new Customer("u-fr", "Luc Martin", "luc@example.com", "fr-FR", "enterprise", Map.of());
    JourneyView v = ladder("loc-fr", luc, "Mon application plante avec une erreur quand je me connecte");
    assertThat(v.language()).isEqualTo("fr");
    assertThat(reminders(v)).containsExactly(
        "Êtes-vous toujours là ? Répondez ici et nous reprendrons là où nous nous étions arrêtés.",
        "Petit rappel : avez-vous toujours besoin d'aide à ce sujet ?",
        "Sans réponse de votre part, nous clôturons cette conversation. Écrivez-nous à tout moment pour la rouvrir.");
    assertThat(requesterEmails("loc-fr")).singleElement().asString()
        .startsWith("Bonjour Luc Martin, ").contains("a répondu à votre demande :\n\nCould you send us a screenshot?");
  }

  @Test
  void aJapaneseCustomerGetsTheirTextsInJapanese() throws Exception {
    Customer yuki = new Customer("u-ja", "山田 由紀", "yuki@example.com", "ja-JP", "enterprise", Map.of());
    JourneyView v = ladder("loc-ja", yuki, "ログインするとアプリがエラーで落ちます。助けてください。");
    assertThat(reminders(v)).containsExactly(
        "まだいらっしゃいますか？こちらにご返信いただければ、続きから対応いたします。",
        "念のためご確認です。この件について、まだサポートが必要でしょうか？",
        "ご返信がなかったため、この会話を終了いたします。再開をご希望の場合は、いつでもメッセージをお送りください。");
    assertThat(requesterEmails("loc-ja")).singleElement().asString()
        .startsWith("山田 由紀様").contains("お問い合わせに").contains("Could you send us a screenshot?");
  }

  @Test
  void aCustomerWhoseLanguageHasNoTextGetsTheFallback() throws Exception {
    // Korean: neither detected language nor locale has a text, so the item's fallback (en) is sent.
    Customer minji = new Customer("u-ko", "Kim Minji", "minji@example.com", "ko-KR", "enterprise", Map.of());
    JourneyView v = ladder("loc-ko", minji, "로그인하면 앱이 오류로 종료됩니다. 도와주세요.");
    assertThat(reminders(v)).containsExactly(
        "Are you still there? Reply here and we'll pick up where we left off.",
        "Just checking in: do you still need help with this?",
        "We haven't heard back, so we're closing this conversation. Write to us any time to reopen it.");
    assertThat(requesterEmails("loc-ko")).singleElement().asString()
        .startsWith("Hi Kim Minji, ").contains("replied to your request:");
  }
}
