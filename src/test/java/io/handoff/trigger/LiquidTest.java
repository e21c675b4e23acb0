package io.handoff.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Liquid subset that rule texts run: every tag, every filter, nesting, and what it refuses. */
class LiquidTest {

  private static final Instant NOW = Instant.parse("2026-11-20T14:05:09Z");

  private static final Map<String, String> VALUES = Map.of(
      "ticket.id", "4711",
      "ticket.status", "solved",
      "ticket.priority", "high",
      "ticket.title", "Refund for order 12-34",
      "ticket.requester.name", "rita ORTIZ",
      "ticket.tags", "vip refund",
      "ticket.organization.name", "",
      "created", "2026-03-07T08:09:10Z");

  private static final List<Map<String, String>> COMMENTS = List.of(
      Map.of("value", "Third", "author.name", "Bob", "is_public", "true"),
      Map.of("value", "Second (note)", "author.name", "Alice", "is_public", "false"),
      Map.of("value", "First", "author.name", "Rita", "is_public", "true"));

  private static Liquid.Scope scope() {
    Function<String, List<Function<String, String>>> lists = name -> {
      if (!name.equals("ticket.comments")) {
        return null;
      }
      List<Function<String, String>> out = new ArrayList<>();
      COMMENTS.forEach(c -> out.add(c::get));
      return out;
    };
    return new Liquid.Scope(VALUES::get, lists, NOW);
  }

  private static String render(String text) {
    return Liquid.parse(text).render(scope(), false);
  }

  @Test
  void ifElsifElseTakesTheFirstTrueBranch() {
    String t = "{% if ticket.priority == 'urgent' %}U{% elsif ticket.priority == 'high' %}H{% else %}L{% endif %}";
    assertEquals("H", render(t));
    assertEquals("L", render(t.replace("'high'", "'low'")));
  }

  @Test
  void statusComparesWithZendesksCapitalisedNames() {
    // Zendesk renders ticket.status as "Solved"; Handoff as "solved": == ignores case so both hold.
    assertEquals("done", render("{% if ticket.status == 'Solved' %}done{% endif %}"));
    assertEquals("", render("{% if ticket.status != 'Solved' %}open{% endif %}"));
  }

  @Test
  void andOrAndContainsCombineRightToLeft() {
    assertEquals("yes", render("{% if ticket.tags contains 'vip' and ticket.priority == 'high' %}yes{% endif %}"));
    assertEquals("yes", render("{% if ticket.id == '1' or ticket.tags contains 'refund' %}yes{% endif %}"));
    // false or (true and false) = false
    assertEquals("", render("{% if false or true and false %}yes{% endif %}"));
  }

  @Test
  void anEmptyPlaceholderIsFalseAndComparesToEmptyAndBlank() {
    assertEquals("none", render("{% if ticket.organization.name %}org{% else %}none{% endif %}"));
    assertEquals("e", render("{% if ticket.organization.name == empty %}e{% endif %}"));
    assertEquals("b", render("{% if ticket.organization.name == blank %}b{% endif %}"));
    assertEquals("n", render("{% if ticket.nothing == nil %}n{% endif %}"));
  }

  @Test
  void numbersCompareAsNumbers() {
    assertEquals("big", render("{% if ticket.id > 999 %}big{% endif %}"));
    assertEquals("", render("{% if ticket.id < 10 %}small{% endif %}"));
    assertEquals("ok", render("{% if ticket.id >= 4711 and ticket.id <= 4711 %}ok{% endif %}"));
  }

  @Test
  void unlessRendersWhenTheConditionIsFalse() {
    assertEquals("not urgent", render("{% unless ticket.priority == 'urgent' %}not urgent{% endunless %}"));
    assertEquals("else", render("{% unless ticket.priority == 'high' %}x{% else %}else{% endunless %}"));
  }

  @Test
  void caseWhenMatchesOneOfSeveralValues() {
    String t = "{% case ticket.priority %}{% when 'low', 'normal' %}calm{% when 'high' or 'urgent' %}hurry"
        + "{% else %}?{% endcase %}";
    assertEquals("hurry", render(t));
    assertEquals("?", render(t.replace("ticket.priority", "ticket.status")));
  }

  @Test
  void forIteratesCommentsNewestFirstWithForloop() {
    String t = "{% for comment in ticket.comments %}{{ forloop.index }}:{{ comment.author.name }}={{ comment.value }}"
        + "{% unless forloop.last %}, {% endunless %}{% endfor %}";
    assertEquals("1:Bob=Third, 2:Alice=Second (note), 3:Rita=First", render(t));
  }

  @Test
  void forTakesLimitOffsetReversedAndElse() {
    assertEquals("Third", render("{% for c in ticket.comments limit:1 %}{{ c.value }}{% endfor %}"));
    assertEquals("Second (note)", render("{% for c in ticket.comments offset:1 limit:1 %}{{ c.value }}{% endfor %}"));
    assertEquals("FirstSecond (note)Third", render("{% for c in ticket.comments reversed %}{{ c.value }}{% endfor %}"));
    assertEquals("none", render("{% for c in ticket.nothing %}x{% else %}none{% endfor %}"));
    assertEquals("3", render("{{ ticket.comments.size }}"));
  }

  @Test
  void breakAndContinueLeaveOrSkipAnIteration() {
    assertEquals("ThirdFirst", render(
        "{% for c in ticket.comments %}{% if c.is_public == false %}{% continue %}{% endif %}{{ c.value }}{% endfor %}"));
    assertEquals("Third", render(
        "{% for c in ticket.comments %}{% if forloop.index == 2 %}{% break %}{% endif %}{{ c.value }}{% endfor %}"));
  }

  @Test
  void assignAndCaptureSetVariables() {
    assertEquals("RITA ORTIZ", render("{% assign who = ticket.requester.name | upcase %}{{ who }}"));
    assertEquals("Ticket #4711!", render("{% capture line %}Ticket #{{ ticket.id }}{% endcapture %}{{ line }}!"));
  }

  @Test
  void commentAndRawAreNotRun() {
    assertEquals("ab", render("a{% comment %}{{ ticket.id }} {% if %}{% endcomment %}b"));
    assertEquals("{{ ticket.id }} {% if x %}", render("{% raw %}{{ ticket.id }} {% if x %}{% endraw %}"));
  }

  @Test
  void whitespaceControlStripsTheNeighbouringWhitespace() {
    assertEquals("a4711b", render("a  {{- ticket.id -}}  \n b"));
    assertEquals("[x]", render("[\n  {%- if true -%}\n  x\n  {%- endif -%}\n]"));
  }

  @Test
  void nestedBlocksRender() {
    String t = "{% for c in ticket.comments %}{% if c.is_public == 'true' %}{% case c.author.name %}"
        + "{% when 'Rita' %}R{% else %}{% for d in ticket.comments limit:2 %}{{ d.author.name | downcase }}{% endfor %}"
        + "{% endcase %}{% endif %}{% endfor %}";
    assertEquals("bobaliceR", render(t));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "{{ ticket.requester.name | upcase }} => RITA ORTIZ",
      "{{ ticket.requester.name | downcase }} => rita ortiz",
      "{{ ticket.requester.name | capitalize }} => Rita ortiz",
      "{{ ticket.organization.name | default: 'no company' }} => no company",
      "{{ ticket.id | default: 'x' }} => 4711",
      "{{ ticket.title | truncate: 10 }} => Refund ...",
      "{{ ticket.title | truncate: 9, '~' }} => Refund f~",
      "{{ ticket.title | truncatewords: 2 }} => Refund for...",
      "{{ created | date: '%Y-%m-%d %H:%M:%S' }} => 2026-03-07 08:09:10",
      "{{ created | date: '%b %-d, %Y %I:%M %p (%A, %a, %B, %y, %e, %j, %Z, %z, %u, %w, %l, %%)' }} => Mar 7, 2026 08:09 AM (Saturday, Sat, March, 26,  7, 066, UTC, +0000, 6, 6, 8, %)",
      "{{ 'now' | date: '%d/%m %H:%M' }} => 20/11 14:05",
      "{{ ticket.title | split: ' ' | first }} => Refund",
      "{{ ticket.title | split: ' ' | last }} => 12-34",
      "{{ ticket.title | split: ' ' | join: '+' }} => Refund+for+order+12-34",
      "{{ ticket.title | split: ' ' | size }} => 4",
      "{{ ticket.title | size }} => 22",
      "{{ '  x  ' | strip }} => x",
      "{{ '  x' | lstrip }} => x",
      "{{ 'x  ' | rstrip }} => x",
      "{{ ticket.id | append: '!' }} => 4711!",
      "{{ ticket.id | prepend: '#' }} => #4711",
      "{{ ticket.title | replace: ' ', '_' }} => Refund_for_order_12-34",
      "{{ ticket.title | replace_first: ' ', '_' }} => Refund_for order 12-34",
      "{{ ticket.title | remove: 'Refund ' }} => for order 12-34",
      "{{ ticket.title | remove_first: 'r' }} => Refund fo order 12-34",
      "{{ '<b>&</b>' | escape }} => &lt;b&gt;&amp;&lt;/b&gt;",
      "{{ '<p>Hi <b>you</b></p>' | strip_html }} => Hi you",
      "{{ ticket.id | plus: 1 }} => 4712",
      "{{ ticket.id | minus: 11 }} => 4700",
      "{{ ticket.id | first }} => 4",
      "{{ ticket.id | last }} => 1"})
  void everyFilterRendersAsLiquidDoes(String template, String expected) {
    assertEquals(expected, render(template));
  }

  @Test
  void newlineFiltersTransformLineBreaks() {
    Map<String, String> v = new HashMap<>(VALUES);
    v.put("body", "a\nb");
    Liquid.Scope s = new Liquid.Scope(v::get, null, NOW);
    assertEquals("a<br />\nb", Liquid.parse("{{ body | newline_to_br }}").render(s, false));
    assertEquals("ab", Liquid.parse("{{ body | strip_newlines }}").render(s, false));
  }

  @Test
  void jsonRenderingEscapesEachOutputOnly() {
    Liquid.Scope s = new Liquid.Scope(name -> "say \"hi\"", null, null);
    assertEquals("{\"t\": \"say \\\"hi\\\"\"}", Liquid.parse("{\"t\": \"{{ ticket.title }}\"}").render(s, true));
  }

  @Test
  void anUnknownTagIsReportedWithItsLineAndTheTextIsRefused() {
    String t = "Hello\n{% tablerow c in ticket.comments %}{{ c.value }}{% endtablerow %}";
    List<Liquid.Problem> problems = Liquid.check(t);
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(2, problems.get(0).line());
    assertEquals("{% tablerow %}", problems.get(0).construct());
    assertTrue(problems.get(0).message().contains("Liquid tag {% tablerow %} is not supported"), problems.toString());
    Liquid.LiquidException e = assertThrows(Liquid.LiquidException.class, () -> Liquid.parse(t));
    assertEquals(2, e.problem().line());
  }

  @Test
  void anUnknownFilterIsReportedByName() {
    List<Liquid.Problem> problems = Liquid.check("a\nb\n{{ ticket.title | md5 }}");
    assertEquals(1, problems.size());
    assertEquals(3, problems.get(0).line());
    assertEquals("| md5", problems.get(0).construct());
    assertTrue(problems.get(0).message().startsWith("Liquid filter \"md5\" is not supported"));
  }

  @Test
  void unclosedBlocksStrayEndsAndBreakOutsideALoopAreReported() {
    assertEquals("{% if %} is not closed (no {% endif %})",
        Liquid.check("{% if ticket.id %}x").get(0).message());
    assertTrue(Liquid.check("x{% endfor %}").get(0).message().contains("without its opening tag"));
    assertTrue(Liquid.check("{% break %}").get(0).message().contains("outside a {% for %} loop"));
    assertTrue(Liquid.check("{{ ticket.id").get(0).message().contains("is not closed"));
    assertTrue(Liquid.check("{{ x | date: '%Q' }}").get(0).message().contains("%Q"));
  }

  @Test
  void referencesNameEveryPlaceholderButNotTheTextsOwnVariables() {
    String t = "{% assign n = ticket.requester.name | split: ' ' | first %}{{ n }}\n"
        + "{% for c in ticket.public_comments limit: 2 %}{{ c.author.name }}{{ forloop.index }}{% endfor %}\n"
        + "{% if ticket.status == 'solved' and ticket.tags contains 'vip' %}{{ dc.thanks | upcase }}{% endif %}"
        + "{{ ticket.comments.size }}";
    List<String> names = Liquid.references(t).stream().map(Liquid.Reference::name).toList();
    assertEquals(List.of("ticket.requester.name", "ticket.public_comments", "ticket.public_comments[].author.name",
        "ticket.status", "ticket.tags", "dc.thanks", "ticket.comments"), names);
    assertEquals(3, Liquid.references(t).get(3).line());
  }

  @Test
  void placeholdersRenderPlainTextsAsBeforeAndKeepTextsLiquidRefuses() {
    assertEquals("#4711 high", Placeholders.render("#{{ticket.id}} {{ ticket.priority }}", VALUES::get));
    // a stray "{%" that is not Liquid: placeholders are still filled, nothing is dropped
    assertEquals("50{% off 4711", Placeholders.render("50{% off {{ticket.id}}", VALUES::get));
  }
}
