package io.handoff.trigger;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The subset of Liquid that Zendesk notification texts use, written for Handoff (docs/rules.md,
 * "Liquid"). Tags: {@code if / elsif / else}, {@code unless}, {@code case / when}, {@code for} (with
 * {@code limit:}, {@code offset:}, {@code reversed}, {@code else}, {@code break}, {@code continue},
 * {@code forloop.*}), {@code assign}, {@code capture}, {@code comment}, {@code raw}; whitespace
 * control ({@code {%-}, {@code -%}}, {@code {{-}, {@code -}}}); the filters of {@link #FILTERS}.
 * Anything else is a {@link Problem} naming the tag or filter and its line: {@link #check} lists every
 * one, {@link #parse} refuses a text with any.
 *
 * <p>Values are texts (placeholders), lists (comments, {@code split}) and numbers. Differences from
 * Ruby Liquid, chosen for Handoff's placeholders: an empty text and the text {@code false} are false
 * in conditions (an unset field renders as empty), and {@code ==}, {@code !=} and {@code when}
 * compare texts without regard to case (Handoff renders {@code ticket.status} as {@code solved}
 * where Zendesk renders {@code Solved}).
 */
public final class Liquid {

  /** The tags of the subset (closing and inner tags included). */
  public static final Set<String> TAGS = Set.of("if", "elsif", "else", "endif", "unless", "endunless", "case",
      "when", "endcase", "for", "endfor", "break", "continue", "assign", "capture", "endcapture", "comment",
      "endcomment", "raw", "endraw");

  /** The filters of the subset. */
  public static final Set<String> FILTERS = Set.of("upcase", "downcase", "capitalize", "default", "truncate",
      "truncatewords", "date", "split", "first", "last", "join", "size", "strip", "lstrip", "rstrip",
      "strip_newlines", "newline_to_br", "escape", "strip_html", "append", "prepend", "replace", "replace_first",
      "remove", "remove_first", "plus", "minus");

  /** Properties of {@code forloop} inside a {@code for} block. */
  static final Set<String> FORLOOP = Set.of("index", "index0", "rindex", "rindex0", "first", "last", "length");

  /**
   * A construct outside the subset, or a syntax error.
   *
   * @param line the line of the text (1 = first) where it starts
   * @param construct {@code {% name %}} for a tag, {@code | name} for a filter, or null for syntax
   */
  public record Problem(int line, String construct, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /** A text {@link #parse} refuses: its first problem. */
  public static final class LiquidException extends IllegalArgumentException {
    private final transient Problem problem;

    LiquidException(Problem problem) {
      super(problem.toString());
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * What a text reads when it renders.
   *
   * @param values a placeholder's text, null when it has none
   * @param lists a list placeholder's items (each item answers its properties, {@code author.name}), or null
   * @param now the instant {@code 'now'} and {@code 'today'} stand for in {@code date}, or null (then they
   *     render as written)
   */
  public record Scope(Function<String, String> values, Function<String, List<Function<String, String>>> lists,
      Instant now) {
    public Scope {
      lists = lists == null ? name -> null : lists;
    }

    public static Scope of(Function<String, String> values) {
      return new Scope(values, null, null);
    }
  }

  /** A placeholder read by a text, with the line of its first use. */
  public record Reference(String name, int line) {}

  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private Liquid() {}

  /** Every problem of {@code text} (empty when Handoff can render it). */
  public static List<Problem> check(String text) {
    Parser p = new Parser(text);
    p.parseAll();
    return p.problems;
  }

  /** The parsed text; a {@link LiquidException} names the first problem. */
  public static Template parse(String text) {
    Template cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    Parser p = new Parser(text);
    List<Node> nodes = p.parseAll();
    if (!p.problems.isEmpty()) {
      throw new LiquidException(p.problems.get(0));
    }
    Template t = new Template(nodes);
    if (CACHE.size() > 2_000) {
      CACHE.clear();
    }
    CACHE.put(text, t);
    return t;
  }

  /**
   * The placeholders {@code text} reads, in order, each once with its first line. Lenient: it reads tag
   * by tag, so a fragment (one line of a rule file) or a text with problems still gives its names; an
   * output that is not an expression gives its raw content. Variables a text sets ({@code assign},
   * {@code capture}, {@code forloop}) are not placeholders; a property of a loop variable over a list
   * placeholder is named {@code <list>[].<property>} ({@code ticket.comments[].author.name}).
   */
  public static List<Reference> references(String text) {
    List<Token> tokens = tokenize(text, new ArrayList<>());
    Set<String> locals = new LinkedHashSet<>(List.of("forloop"));
    Map<String, String> loops = new HashMap<>();
    for (Token t : tokens) {
      if (t.kind == Token.Kind.TAG) {
        String[] words = t.content.strip().split("\\s+");
        if ((words[0].equals("assign") || words[0].equals("capture")) && words.length > 1) {
          locals.add(words[1].split("=")[0]);
        } else if ((words[0].equals("for") || words[0].equals("tablerow")) && words.length > 3 && words[2].equals("in")) {
          // tablerow is refused by the parser; its variable is still a loop variable, not a placeholder
          loops.put(words[1], words[3]);
        }
      }
    }
    Map<String, Reference> out = new LinkedHashMap<>();
    for (Token t : tokens) {
      if (t.kind == Token.Kind.TEXT) {
        continue;
      }
      List<String> paths = new ArrayList<>();
      try {
        Lexer lx = new Lexer(t.content, t.line);
        if (t.kind == Token.Kind.OUTPUT) {
          Filtered f = lx.filtered();
          paths(f.expr(), paths);
          f.filters().forEach(filter -> filter.args().forEach(a -> paths(a, paths)));
        } else {
          String tag = lx.word();
          if (Set.of("if", "elsif", "unless", "case", "when", "assign", "for", "tablerow").contains(tag)) {
            lx.paths(paths);
          }
        }
      } catch (LiquidException e) {
        if (t.kind == Token.Kind.OUTPUT) {
          paths.add(t.content.strip());
        }
      }
      for (String path : paths) {
        String name = placeholderName(path, locals, loops);
        if (name != null) {
          out.putIfAbsent(name, new Reference(name, t.line));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void paths(Expr e, List<String> out) {
    if (e.path() != null) {
      out.add(e.path());
    }
  }

  private static String placeholderName(String path, Set<String> locals, Map<String, String> loops) {
    String root = path.split("\\.", 2)[0];
    String rest = path.contains(".") ? path.substring(root.length() + 1) : "";
    if (loops.containsKey(root)) {
      String list = loops.get(root);
      if (locals.contains(list.split("\\.", 2)[0]) || loops.containsKey(list.split("\\.", 2)[0]) || rest.isEmpty()) {
        return null;
      }
      return list + "[]." + rest;
    }
    if (locals.contains(root)) {
      return null;
    }
    for (String p : List.of(".size", ".first", ".last")) {
      if (path.endsWith(p)) {
        return path.substring(0, path.length() - p.length());
      }
    }
    return path;
  }

  // ---------------------------------------------------------------- tokens

  private record Token(Kind kind, String content, int line, boolean trimLeft, boolean trimRight) {
    enum Kind { TEXT, OUTPUT, TAG }
  }

  /** Splits text into text, {@code {{ output }}} and {@code {% tag %}} tokens; raw blocks stay text. */
  private static List<Token> tokenize(String text, List<Problem> problems) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      int out1 = text.indexOf("{{", i);
      int tag1 = text.indexOf("{%", i);
      int open = out1 < 0 ? tag1 : tag1 < 0 ? out1 : Math.min(out1, tag1);
      if (open < 0) {
        out.add(new Token(Token.Kind.TEXT, text.substring(i), line, false, false));
        break;
      }
      if (open > i) {
        out.add(new Token(Token.Kind.TEXT, text.substring(i, open), line, false, false));
        line += count(text, i, open);
      }
      boolean isTag = open == tag1;
      String closer = isTag ? "%}" : "}}";
      int close = text.indexOf(closer, open + 2);
      if (close < 0) {
        problems.add(new Problem(line, null, (isTag ? "{%" : "{{") + " is not closed with " + closer));
        out.add(new Token(Token.Kind.TEXT, text.substring(open), line, false, false));
        break;
      }
      String inner = text.substring(open + 2, close);
      boolean trimLeft = inner.startsWith("-");
      boolean trimRight = inner.endsWith("-") && inner.length() > 1;
      inner = inner.substring(trimLeft ? 1 : 0, inner.length() - (trimRight ? 1 : 0));
      out.add(new Token(isTag ? Token.Kind.TAG : Token.Kind.OUTPUT, inner, line, trimLeft, trimRight));
      line += count(text, open, close);
      i = close + 2;
      if (isTag && inner.strip().equals("raw")) {
        int end = findEndRaw(text, i);
        if (end < 0) {
          problems.add(new Problem(line, "{% raw %}", "{% raw %} without {% endraw %}"));
          out.add(new Token(Token.Kind.TEXT, text.substring(i), line, false, false));
          break;
        }
        out.add(new Token(Token.Kind.TEXT, text.substring(i, end), line, false, false));
        line += count(text, i, end);
        i = end;
      }
    }
    return out;
  }

  private static int findEndRaw(String text, int from) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{%-?\\s*endraw\\s*-?%}").matcher(text);
    return m.find(from) ? m.start() : -1;
  }

  private static int count(String text, int from, int to) {
    int c = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        c++;
      }
    }
    return c;
  }

  // ---------------------------------------------------------------- expressions

  /** A value: a literal or a variable path. */
  private record Expr(Object literal, String path) {
    static final Object EMPTY = new Object();
    static final Object BLANK = new Object();
  }

  private record Filter(String name, List<Expr> args) {}

  private record Filtered(Expr expr, List<Filter> filters) {}

  /** {@code a op b}, or {@code a} alone when op is null; joined with and/or right to left. */
  private record Comparison(Expr left, String op, Expr right) {}

  private record Condition(List<Comparison> parts, List<String> joins) {}

  /** Reads the markup inside one tag or output. */
  private static final class Lexer {
    private final String s;
    private final int line;
    private int i;

    Lexer(String s, int line) {
      this.s = s;
      this.line = line;
    }

    LiquidException error(String message) {
      return new LiquidException(new Problem(line, null, message));
    }

    void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    boolean atEnd() {
      skip();
      return i >= s.length();
    }

    boolean peek(String t) {
      skip();
      return s.startsWith(t, i);
    }

    boolean eat(String t) {
      if (peek(t)) {
        i += t.length();
        return true;
      }
      return false;
    }

    /** A bare word ({@code [A-Za-z_][\w-]*}), or null. */
    String word() {
      skip();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
          || (s.charAt(i) == '-' && i > start) || (s.charAt(i) == '?' && i > start))) {
        i++;
      }
      return i == start ? null : s.substring(start, i);
    }

    boolean eatWord(String w) {
      skip();
      int save = i;
      String got = word();
      if (w.equals(got)) {
        return true;
      }
      i = save;
      return false;
    }

    Expr expr() {
      skip();
      if (i >= s.length()) {
        throw error("a value is missing");
      }
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw error("text " + s.substring(i) + " is not closed with " + c);
        }
        String v = s.substring(i + 1, end);
        i = end + 1;
        return new Expr(v, null);
      }
      if (c == '(') {
        throw error("ranges ((1..5)) are not supported");
      }
      if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int start = i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || (s.charAt(i) == '.'
            && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))))) {
          i++;
        }
        return new Expr(new BigDecimal(s.substring(start, i)), null);
      }
      StringBuilder path = new StringBuilder();
      String w = word();
      if (w == null) {
        throw error("unexpected \"" + s.substring(i) + "\"");
      }
      path.append(w);
      while (i < s.length()) {
        if (s.charAt(i) == '.' && i + 1 < s.length() && s.charAt(i + 1) != '.') {
          i++;
          String next = word();
          if (next == null) {
            throw error("a name is missing after \"" + path + ".\"");
          }
          path.append('.').append(next);
        } else if (s.charAt(i) == '[') {
          int end = s.indexOf(']', i);
          if (end < 0) {
            throw error("[ is not closed in \"" + s + "\"");
          }
          String key = s.substring(i + 1, end).strip().replaceAll("^['\"]|['\"]$", "");
          path.append('.').append(key);
          i = end + 1;
        } else {
          break;
        }
      }
      String p = path.toString();
      return switch (p) {
        case "true" -> new Expr(Boolean.TRUE, null);
        case "false" -> new Expr(Boolean.FALSE, null);
        case "nil", "null" -> new Expr(null, null);
        case "empty" -> new Expr(Expr.EMPTY, null);
        case "blank" -> new Expr(Expr.BLANK, null);
        default -> new Expr(null, p);
      };
    }

    /** {@code expr | filter: arg, arg | ...}; filter names are checked by the parser. */
    Filtered filtered() {
      Expr e = expr();
      List<Filter> filters = new ArrayList<>();
      while (eat("|")) {
        String name = word();
        if (name == null) {
          throw error("a filter name is missing after |");
        }
        List<Expr> args = new ArrayList<>();
        if (eat(":")) {
          args.add(expr());
          while (eat(",")) {
            args.add(expr());
          }
        }
        filters.add(new Filter(name, args));
      }
      if (!atEnd()) {
        throw error("unexpected \"" + s.substring(i).strip() + "\"");
      }
      return new Filtered(e, filters);
    }

    Condition condition() {
      List<Comparison> parts = new ArrayList<>();
      List<String> joins = new ArrayList<>();
      parts.add(comparison());
      while (!atEnd()) {
        if (eatWord("and")) {
          joins.add("and");
        } else if (eatWord("or")) {
          joins.add("or");
        } else {
          throw error("unexpected \"" + s.substring(i).strip() + "\" in a condition");
        }
        parts.add(comparison());
      }
      return new Condition(parts, joins);
    }

    private Comparison comparison() {
      Expr left = expr();
      for (String op : List.of("==", "!=", "<>", "<=", ">=", "<", ">")) {
        if (eat(op)) {
          return new Comparison(left, op.equals("<>") ? "!=" : op, expr());
        }
      }
      if (eatWord("contains")) {
        return new Comparison(left, "contains", expr());
      }
      return new Comparison(left, null, null);
    }

    /** Every variable path of the markup (lenient: for {@link #references}). */
    void paths(List<String> out) {
      while (!atEnd()) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"' || Character.isDigit(c) || c == '(') {
          Expr e = c == '(' ? null : expr();
          if (e == null) {
            i++;
          }
          continue;
        }
        if (Character.isLetter(c) || c == '_') {
          int save = i;
          String w = word();
          if (Set.of("and", "or", "contains", "in", "reversed", "limit", "offset", "true", "false", "nil", "null",
              "empty", "blank", "else").contains(w)) {
            continue;
          }
          if (s.startsWith(":", i) || isFilterName(save)) {
            continue;
          }
          i = save;
          Expr e = expr();
          if (e.path() != null) {
            out.add(e.path());
          }
          continue;
        }
        i++;
      }
    }

    /** True when the word starting at {@code at} follows a {@code |} (a filter name) or is an assigned name. */
    private boolean isFilterName(int at) {
      int j = at - 1;
      while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
        j--;
      }
      if (j >= 0 && s.charAt(j) == '|') {
        return true;
      }
      if (j < 0) {
        // first word of a tag's markup is the tag; of an assign, the variable (followed by =)
        int k = i;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
          k++;
        }
        return k < s.length() && s.charAt(k) == '=' && !(k + 1 < s.length() && s.charAt(k + 1) == '=');
      }
      return false;
    }
  }

  // ---------------------------------------------------------------- nodes and parser

  private interface Node {}

  private record Text(String text) implements Node {}

  private record Output(Filtered value) implements Node {}

  private record Branch(Condition condition, boolean negate, List<Node> body) {}

  private record If(List<Branch> branches, List<Node> otherwise) implements Node {}

  private record When(List<Expr> values, List<Node> body) {}

  private record Case(Expr subject, List<When> whens, List<Node> otherwise) implements Node {}

  private record For(String variable, Expr collection, Expr limit, Expr offset, boolean reversed, List<Node> body,
      List<Node> otherwise) implements Node {}

  private record Assign(String variable, Filtered value) implements Node {}

  private record Capture(String variable, List<Node> body) implements Node {}

  private record Jump(boolean isBreak) implements Node {}

  /** Recursive descent over the tokens, collecting every problem. */
  private static final class Parser {
    final List<Problem> problems = new ArrayList<>();
    private final List<Token> tokens;
    private int pos;
    private int loops;

    Parser(String text) {
      tokens = trimmed(tokenize(text == null ? "" : text, problems));
    }

    /** Applies whitespace control: {@code -} strips the whitespace on its side of the neighbouring text. */
    private static List<Token> trimmed(List<Token> in) {
      List<Token> out = new ArrayList<>(in);
      for (int i = 0; i < out.size(); i++) {
        Token t = out.get(i);
        if (t.kind() == Token.Kind.TEXT) {
          continue;
        }
        if (t.trimLeft() && i > 0 && out.get(i - 1).kind() == Token.Kind.TEXT) {
          Token p = out.get(i - 1);
          out.set(i - 1, new Token(Token.Kind.TEXT, p.content().stripTrailing(), p.line(), false, false));
        }
        if (t.trimRight() && i + 1 < out.size() && out.get(i + 1).kind() == Token.Kind.TEXT) {
          Token nx = out.get(i + 1);
          out.set(i + 1, new Token(Token.Kind.TEXT, nx.content().stripLeading(), nx.line(), false, false));
        }
      }
      return out;
    }

    List<Node> parseAll() {
      List<Node> nodes = block(Set.of(), null);
      if (pos < tokens.size()) {
        Token t = tokens.get(pos);
        problems.add(new Problem(t.line(), null, "unexpected {% " + t.content().strip() + " %}"));
      }
      return nodes;
    }

    /** Nodes up to one of {@code enders} (left unread), or the end. */
    private List<Node> block(Set<String> enders, Token opener) {
      List<Node> nodes = new ArrayList<>();
      while (pos < tokens.size()) {
        Token t = tokens.get(pos);
        switch (t.kind()) {
          case TEXT -> {
            nodes.add(new Text(t.content()));
            pos++;
          }
          case OUTPUT -> {
            pos++;
            Filtered f = filtered(t);
            if (f != null) {
              nodes.add(new Output(f));
            }
          }
          case TAG -> {
            String name = tagName(t);
            if (enders.contains(name)) {
              return nodes;
            }
            pos++;
            Node n = tag(t, name);
            if (n != null) {
              nodes.add(n);
            }
          }
        }
      }
      if (opener != null) {
        String name = tagName(opener);
        problems.add(new Problem(opener.line(), "{% " + name + " %}", "{% " + name + " %} is not closed (no {% "
            + String.join(" %} / {% ", enders.stream().filter(e -> e.startsWith("end")).toList()) + " %})"));
      }
      return nodes;
    }

    private static String tagName(Token t) {
      String c = t.content().strip();
      int sp = 0;
      while (sp < c.length() && !Character.isWhitespace(c.charAt(sp))) {
        sp++;
      }
      return c.substring(0, sp);
    }

    private static String markup(Token t) {
      String c = t.content().strip();
      return c.substring(tagName(t).length()).strip();
    }

    private Filtered filtered(Token t) {
      try {
        Filtered f = new Lexer(t.kind() == Token.Kind.TAG ? markupAfterAssign(t) : t.content(), t.line()).filtered();
        for (Filter filter : f.filters()) {
          if (!FILTERS.contains(filter.name())) {
            problems.add(new Problem(t.line(), "| " + filter.name(), "Liquid filter \"" + filter.name()
                + "\" is not supported (Handoff runs: " + String.join(", ", new java.util.TreeSet<>(FILTERS)) + ")"));
          }
          if (filter.name().equals("date") && !filter.args().isEmpty() && filter.args().get(0).literal() instanceof String fmt) {
            String bad = Strftime.unsupported(fmt);
            if (bad != null) {
              problems.add(new Problem(t.line(), "| date", "date format directive " + bad + " is not supported"));
            }
          }
        }
        return f;
      } catch (LiquidException e) {
        problems.add(e.problem());
        return null;
      }
    }

    private static String markupAfterAssign(Token t) {
      String m = markup(t);
      int eq = m.indexOf('=');
      return eq < 0 ? m : m.substring(eq + 1);
    }

    private Node tag(Token t, String name) {
      try {
        return switch (name) {
          case "if", "unless" -> ifTag(t, name);
          case "case" -> caseTag(t);
          case "for" -> forTag(t);
          case "assign" -> assign(t);
          case "capture" -> capture(t);
          case "comment" -> {
            skipUntil(t, "endcomment");
            yield null;
          }
          case "raw" -> {
            // the raw text is the next token; its end tag follows
            List<Node> body = block(Set.of("endraw"), t);
            pos++;
            yield body.isEmpty() ? null : body.get(0);
          }
          case "break", "continue" -> {
            if (loops == 0) {
              problems.add(new Problem(t.line(), "{% " + name + " %}", "{% " + name + " %} outside a {% for %} loop"));
              yield null;
            }
            yield new Jump(name.equals("break"));
          }
          case "elsif", "else", "endif", "endunless", "when", "endcase", "endfor", "endcapture", "endcomment",
              "endraw" -> {
            problems.add(new Problem(t.line(), "{% " + name + " %}", "{% " + name + " %} without its opening tag"));
            yield null;
          }
          default -> {
            problems.add(new Problem(t.line(), "{% " + name + " %}", "Liquid tag {% " + name
                + " %} is not supported (Handoff runs: if, unless, case, for, assign, capture, comment, raw)"));
            yield null;
          }
        };
      } catch (LiquidException e) {
        problems.add(new Problem(t.line(), "{% " + name + " %}", "{% " + name + " " + markup(t) + " %}: "
            + e.getMessage().replaceFirst("^line \\d+: ", "")));
        return null;
      }
    }

    private void skipUntil(Token opener, String end) {
      int depth = 0;
      while (pos < tokens.size()) {
        Token t = tokens.get(pos++);
        if (t.kind() == Token.Kind.TAG && tagName(t).equals("comment")) {
          depth++;
        } else if (t.kind() == Token.Kind.TAG && tagName(t).equals(end)) {
          if (depth-- == 0) {
            return;
          }
        }
      }
      problems.add(new Problem(opener.line(), "{% comment %}", "{% comment %} is not closed (no {% endcomment %})"));
    }

    private Condition condition(Token t) {
      String m = markup(t);
      if (m.isEmpty()) {
        throw new Lexer(m, t.line()).error("a condition is missing");
      }
      return new Lexer(m, t.line()).condition();
    }

    private Node ifTag(Token t, String name) {
      String end = "end" + name;
      List<Branch> branches = new ArrayList<>();
      Condition c = condition(t);
      List<Node> body = block(Set.of("elsif", "else", end), t);
      branches.add(new Branch(c, name.equals("unless"), body));
      List<Node> otherwise = List.of();
      while (pos < tokens.size()) {
        Token next = tokens.get(pos++);
        String n = tagName(next);
        if (n.equals(end)) {
          return new If(branches, otherwise);
        }
        if (n.equals("elsif")) {
          Condition ec;
          try {
            ec = condition(next);
          } catch (LiquidException e) {
            problems.add(new Problem(next.line(), "{% elsif %}", "{% elsif " + markup(next) + " %}: "
                + e.getMessage().replaceFirst("^line \\d+: ", "")));
            ec = null;
          }
          List<Node> b = block(Set.of("elsif", "else", end), t);
          if (ec != null) {
            branches.add(new Branch(ec, false, b));
          }
        } else {
          otherwise = block(Set.of(end), t);
        }
      }
      return new If(branches, otherwise);
    }

    private Node caseTag(Token t) {
      Lexer lx = new Lexer(markup(t), t.line());
      Expr subject = lx.expr();
      if (!lx.atEnd()) {
        throw lx.error("unexpected text after the value");
      }
      List<Node> before = block(Set.of("when", "else", "endcase"), t);
      if (before.stream().anyMatch(n -> !(n instanceof Text tx) || !tx.text().isBlank())) {
        problems.add(new Problem(t.line(), "{% case %}", "only blank text may stand between {% case %} and {% when %}"));
      }
      List<When> whens = new ArrayList<>();
      List<Node> otherwise = List.of();
      while (pos < tokens.size()) {
        Token next = tokens.get(pos++);
        String n = tagName(next);
        if (n.equals("endcase")) {
          return new Case(subject, whens, otherwise);
        }
        if (n.equals("when")) {
          Lexer wl = new Lexer(markup(next), next.line());
          List<Expr> values = new ArrayList<>();
          values.add(wl.expr());
          while (wl.eat(",") || wl.eatWord("or")) {
            values.add(wl.expr());
          }
          if (!wl.atEnd()) {
            throw wl.error("unexpected text in {% when %}");
          }
          whens.add(new When(values, block(Set.of("when", "else", "endcase"), t)));
        } else {
          otherwise = block(Set.of("endcase"), t);
        }
      }
      return new Case(subject, whens, otherwise);
    }

    private Node forTag(Token t) {
      Lexer lx = new Lexer(markup(t), t.line());
      String var = lx.word();
      if (var == null || !lx.eatWord("in")) {
        throw lx.error("expected {% for <name> in <list> %}");
      }
      Expr collection = lx.expr();
      Expr limit = null;
      Expr offset = null;
      boolean reversed = false;
      while (!lx.atEnd()) {
        if (lx.eatWord("reversed")) {
          reversed = true;
        } else if (lx.eatWord("limit") && lx.eat(":")) {
          limit = lx.expr();
        } else if (lx.eatWord("offset") && lx.eat(":")) {
          offset = lx.expr();
        } else {
          throw lx.error("unexpected text (for takes limit:, offset: and reversed)");
        }
      }
      loops++;
      List<Node> body = block(Set.of("else", "endfor"), t);
      loops--;
      List<Node> otherwise = List.of();
      if (pos < tokens.size() && tagName(tokens.get(pos)).equals("else")) {
        pos++;
        otherwise = block(Set.of("endfor"), t);
      }
      if (pos < tokens.size()) {
        pos++;
      }
      return new For(var, collection, limit, offset, reversed, body, otherwise);
    }

    private Node assign(Token t) {
      String m = markup(t);
      int eq = m.indexOf('=');
      String var = eq < 0 ? "" : m.substring(0, eq).strip();
      if (!var.matches("[A-Za-z_][\\w-]*")) {
        throw new Lexer(m, t.line()).error("expected {% assign <name> = <value> %}");
      }
      Filtered f = filtered(t);
      return f == null ? null : new Assign(var, f);
    }

    private Node capture(Token t) {
      String var = markup(t);
      if (!var.matches("[A-Za-z_][\\w-]*")) {
        throw new Lexer(var, t.line()).error("expected {% capture <name> %}");
      }
      List<Node> body = block(Set.of("endcapture"), t);
      if (pos < tokens.size()) {
        pos++;
      }
      return new Capture(var, body);
    }
  }

  // ---------------------------------------------------------------- rendering

  /** A parsed text. */
  public static final class Template {
    private final List<Node> nodes;

    private Template(List<Node> nodes) {
      this.nodes = nodes;
    }

    /** The text for {@code scope}; with {@code json}, each output is escaped for a JSON string. */
    public String render(Scope scope, boolean json) {
      StringBuilder out = new StringBuilder();
      new Renderer(scope, json).nodes(nodes, out);
      return out.toString();
    }
  }

  private static final class JumpSignal extends RuntimeException {
    final boolean isBreak;

    JumpSignal(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private static final class Renderer {
    private final Scope scope;
    private final boolean json;
    private final Map<String, Object> locals = new HashMap<>();

    Renderer(Scope scope, boolean json) {
      this.scope = scope;
      this.json = json;
    }

    void nodes(List<Node> nodes, StringBuilder out) {
      for (Node n : nodes) {
        node(n, out);
      }
    }

    private void node(Node n, StringBuilder out) {
      if (n instanceof Text t) {
        out.append(t.text());
      } else if (n instanceof Output o) {
        String s = text(value(o.value()));
        out.append(json ? new String(JsonStringEncoder.getInstance().quoteAsString(s)) : s);
      } else if (n instanceof If f) {
        for (Branch b : f.branches()) {
          if (truthy(b.condition()) != b.negate()) {
            nodes(b.body(), out);
            return;
          }
        }
        nodes(f.otherwise(), out);
      } else if (n instanceof Case c) {
        Object subject = eval(c.subject());
        boolean any = false;
        for (When w : c.whens()) {
          if (w.values().stream().anyMatch(v -> equal(subject, eval(v)))) {
            nodes(w.body(), out);
            any = true;
          }
        }
        if (!any) {
          nodes(c.otherwise(), out);
        }
      } else if (n instanceof For f) {
        loop(f, out);
      } else if (n instanceof Assign a) {
        locals.put(a.variable(), value(a.value()));
      } else if (n instanceof Capture c) {
        StringBuilder s = new StringBuilder();
        nodes(c.body(), s);
        locals.put(c.variable(), s.toString());
      } else if (n instanceof Jump j) {
        throw new JumpSignal(j.isBreak());
      }
    }

    private void loop(For f, StringBuilder out) {
      List<Object> items = list(eval(f.collection()));
      int offset = f.offset() == null ? 0 : Math.max(0, number(eval(f.offset())).intValue());
      items = offset >= items.size() ? List.of() : items.subList(offset, items.size());
      if (f.limit() != null) {
        items = items.subList(0, Math.max(0, Math.min(items.size(), number(eval(f.limit())).intValue())));
      }
      if (f.reversed()) {
        items = new ArrayList<>(items);
        Collections.reverse(items);
      }
      if (items.isEmpty()) {
        nodes(f.otherwise(), out);
        return;
      }
      Object savedVar = locals.get(f.variable());
      Object savedLoop = locals.get("forloop");
      try {
        for (int i = 0; i < items.size(); i++) {
          locals.put(f.variable(), items.get(i));
          Map<String, Object> forloop = new HashMap<>();
          forloop.put("index", BigDecimal.valueOf(i + 1L));
          forloop.put("index0", BigDecimal.valueOf(i));
          forloop.put("rindex", BigDecimal.valueOf(items.size() - (long) i));
          forloop.put("rindex0", BigDecimal.valueOf(items.size() - 1L - i));
          forloop.put("first", i == 0);
          forloop.put("last", i == items.size() - 1);
          forloop.put("length", BigDecimal.valueOf(items.size()));
          locals.put("forloop", forloop);
          try {
            nodes(f.body(), out);
          } catch (JumpSignal j) {
            if (j.isBreak) {
              break;
            }
          }
        }
      } finally {
        locals.put(f.variable(), savedVar);
        locals.put("forloop", savedLoop);
      }
    }

    private Object value(Filtered f) {
      Object v = eval(f.expr());
      for (Filter filter : f.filters()) {
        List<Object> args = new ArrayList<>();
        filter.args().forEach(a -> args.add(eval(a)));
        v = Filters.apply(filter.name(), v, args, scope.now());
      }
      return v;
    }

    private boolean truthy(Condition c) {
      // Liquid evaluates and / or from right to left
      int last = c.parts().size() - 1;
      boolean acc = truthy(c.parts().get(last));
      for (int i = last - 1; i >= 0; i--) {
        boolean left = truthy(c.parts().get(i));
        acc = c.joins().get(i).equals("and") ? left && acc : left || acc;
      }
      return acc;
    }

    private boolean truthy(Comparison c) {
      Object a = eval(c.left());
      if (c.op() == null) {
        return Liquid.truthy(a);
      }
      Object b = eval(c.right());
      return switch (c.op()) {
        case "==" -> equal(a, b);
        case "!=" -> !equal(a, b);
        case "contains" -> contains(a, b);
        default -> compare(a, b, c.op());
      };
    }

    private Object eval(Expr e) {
      if (e.path() == null) {
        return e.literal();
      }
      return lookup(e.path());
    }

    private Object lookup(String path) {
      String[] parts = path.split("\\.");
      if (locals.containsKey(parts[0]) && locals.get(parts[0]) != null) {
        Object v = locals.get(parts[0]);
        for (int i = 1; i < parts.length && v != null; i++) {
          if (v instanceof Item item) {
            return item.get(String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length)));
          }
          v = property(v, parts[i]);
        }
        return v instanceof Item item ? item.get("value") : v;
      }
      for (String suffix : List.of("size", "first", "last")) {
        if (path.endsWith("." + suffix)) {
          List<Function<String, String>> items = scope.lists().apply(path.substring(0, path.length() - suffix.length() - 1));
          if (items != null) {
            return property(wrap(items), suffix);
          }
        }
      }
      List<Function<String, String>> items = scope.lists().apply(path);
      if (items != null) {
        return wrap(items);
      }
      return scope.values().apply(path);
    }

    private static List<Object> wrap(List<Function<String, String>> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(i -> out.add(new Item(i)));
      return out;
    }

    @SuppressWarnings("unchecked")
    private static Object property(Object v, String name) {
      if (v instanceof Map<?, ?> m) {
        return ((Map<String, Object>) m).get(name);
      }
      if (v instanceof List<?> l) {
        return switch (name) {
          case "size" -> BigDecimal.valueOf(l.size());
          case "first" -> l.isEmpty() ? null : l.get(0);
          case "last" -> l.isEmpty() ? null : l.get(l.size() - 1);
          default -> name.matches("\\d+") && Integer.parseInt(name) < l.size() ? l.get(Integer.parseInt(name)) : null;
        };
      }
      if (v instanceof String s && name.equals("size")) {
        return BigDecimal.valueOf(s.length());
      }
      return null;
    }
  }

  /** One item of a list placeholder (a comment): its properties by name. */
  private record Item(Function<String, String> properties) {
    String get(String name) {
      return properties.apply(name);
    }

    @Override
    public String toString() {
      String v = properties.apply("value");
      return v == null ? "" : v;
    }
  }

  static boolean truthy(Object v) {
    if (v == null || Boolean.FALSE.equals(v)) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty() && !s.equals("false");
    }
    return true;
  }

  static boolean equal(Object a, Object b) {
    if (b == Expr.EMPTY || b == Expr.BLANK) {
      return isEmpty(a, b == Expr.BLANK);
    }
    if (a == Expr.EMPTY || a == Expr.BLANK) {
      return isEmpty(b, a == Expr.BLANK);
    }
    if (a == null || b == null) {
      return a == null && b == null;
    }
    BigDecimal na = numberOrNull(a);
    BigDecimal nb = numberOrNull(b);
    if (na != null && nb != null) {
      return na.compareTo(nb) == 0;
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      return text(a).equalsIgnoreCase(text(b));
    }
    if (a instanceof List<?> || b instanceof List<?>) {
      return a.equals(b);
    }
    return text(a).equalsIgnoreCase(text(b));
  }

  private static boolean isEmpty(Object v, boolean blank) {
    if (v == null || Boolean.FALSE.equals(v)) {
      return blank;
    }
    if (v instanceof String s) {
      return blank ? s.isBlank() : s.isEmpty();
    }
    return v instanceof List<?> l && l.isEmpty();
  }

  private static boolean contains(Object a, Object b) {
    if (a instanceof List<?> l) {
      return l.stream().anyMatch(x -> text(x).equals(text(b)));
    }
    return a != null && b != null && text(a).contains(text(b));
  }

  private static boolean compare(Object a, Object b, String op) {
    BigDecimal na = numberOrNull(a);
    BigDecimal nb = numberOrNull(b);
    int c;
    if (na != null && nb != null) {
      c = na.compareTo(nb);
    } else if (a instanceof String && b instanceof String) {
      c = ((String) a).compareTo((String) b);
    } else {
      return false;
    }
    return switch (op) {
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      default -> c >= 0;
    };
  }

  static BigDecimal numberOrNull(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(s.strip());
    }
    return null;
  }

  static BigDecimal number(Object v) {
    BigDecimal d = numberOrNull(v);
    return d == null ? BigDecimal.ZERO : d;
  }

  /** How a value renders: lists concatenated, numbers without trailing zeros. */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof List<?> l) {
      StringBuilder s = new StringBuilder();
      l.forEach(x -> s.append(text(x)));
      return s.toString();
    }
    return v.toString();
  }

  static List<Object> list(Object v) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v == null || (v instanceof String s && s.isEmpty())) {
      return List.of();
    }
    return List.of(v);
  }

  // ---------------------------------------------------------------- filters

  static final class Filters {
    private Filters() {}

    static Object apply(String name, Object v, List<Object> args, Instant now) {
      String s = text(v);
      return switch (name) {
        case "upcase" -> s.toUpperCase(Locale.ROOT);
        case "downcase" -> s.toLowerCase(Locale.ROOT);
        case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        case "default" -> v == null || Boolean.FALSE.equals(v) || s.isEmpty() || (v instanceof List<?> l && l.isEmpty())
            ? arg(args, 0) : v;
        case "truncate" -> truncate(s, args.isEmpty() ? 50 : number(args.get(0)).intValue(),
            args.size() > 1 ? text(args.get(1)) : "...");
        case "truncatewords" -> truncateWords(s, args.isEmpty() ? 15 : number(args.get(0)).intValue(),
            args.size() > 1 ? text(args.get(1)) : "...");
        case "date" -> date(v, args.isEmpty() ? null : text(args.get(0)), now);
        case "split" -> split(s, text(arg(args, 0)));
        case "first" -> v instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : s.isEmpty() ? "" : s.substring(0, 1);
        case "last" -> v instanceof List<?> l ? (l.isEmpty() ? null : l.get(l.size() - 1))
            : s.isEmpty() ? "" : s.substring(s.length() - 1);
        case "join" -> join(list(v), args.isEmpty() ? " " : text(args.get(0)));
        case "size" -> BigDecimal.valueOf(v instanceof List<?> l ? l.size() : s.length());
        case "strip" -> s.strip();
        case "lstrip" -> s.stripLeading();
        case "rstrip" -> s.stripTrailing();
        case "strip_newlines" -> s.replace("\r", "").replace("\n", "");
        case "newline_to_br" -> s.replace("\r\n", "\n").replace("\n", "<br />\n");
        case "escape" -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#39;");
        case "strip_html" -> s.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->|<[^>]*>", "");
        case "append" -> s + text(arg(args, 0));
        case "prepend" -> text(arg(args, 0)) + s;
        case "replace" -> s.replace(text(arg(args, 0)), text(arg(args, 1)));
        case "replace_first" -> replaceFirst(s, text(arg(args, 0)), text(arg(args, 1)));
        case "remove" -> s.replace(text(arg(args, 0)), "");
        case "remove_first" -> replaceFirst(s, text(arg(args, 0)), "");
        case "plus" -> number(v).add(number(arg(args, 0)));
        case "minus" -> number(v).subtract(number(arg(args, 0)));
        default -> throw new IllegalStateException("filter " + name + " passed the check but has no implementation");
      };
    }

    private static Object arg(List<Object> args, int i) {
      return i < args.size() ? args.get(i) : null;
    }

    private static String truncate(String s, int length, String ellipsis) {
      if (s.length() <= length) {
        return s;
      }
      int keep = Math.max(0, length - ellipsis.length());
      return s.substring(0, keep) + ellipsis;
    }

    private static String truncateWords(String s, int words, String ellipsis) {
      String[] w = s.strip().split("\\s+");
      if (w.length <= Math.max(1, words)) {
        return s;
      }
      return String.join(" ", java.util.Arrays.copyOf(w, Math.max(1, words))) + ellipsis;
    }

    private static List<Object> split(String s, String sep) {
      List<Object> out = new ArrayList<>();
      if (s.isEmpty()) {
        return out;
      }
      if (sep.equals(" ")) {
        for (String p : s.strip().split("\\s+")) {
          out.add(p);
        }
        return out;
      }
      if (sep.isEmpty()) {
        s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        return out;
      }
      out.addAll(List.of(s.split(java.util.regex.Pattern.quote(sep), -1)));
      while (!out.isEmpty() && text(out.get(out.size() - 1)).isEmpty()) {
        out.remove(out.size() - 1);
      }
      return out;
    }

    private static String join(List<Object> items, String sep) {
      List<String> parts = new ArrayList<>();
      items.forEach(i -> parts.add(text(i)));
      return String.join(sep, parts);
    }

    private static String replaceFirst(String s, String what, String with) {
      int at = what.isEmpty() ? -1 : s.indexOf(what);
      return at < 0 ? s : s.substring(0, at) + with + s.substring(at + what.length());
    }

    /**
     * The value as a time, formatted with {@code format} (strftime directives of {@link Strftime}); the
     * value is an ISO-8601 instant or date, {@code now} / {@code today}; anything else is returned as it is.
     */
    private static Object date(Object v, String format, Instant now) {
      String s = text(v).strip();
      ZonedDateTime t;
      if ((s.equalsIgnoreCase("now") || s.equalsIgnoreCase("today")) && now != null) {
        t = now.atZone(ZoneOffset.UTC);
      } else {
        t = parseTime(s);
      }
      if (t == null || format == null || format.isEmpty()) {
        return v;
      }
      return Strftime.format(t, format);
    }

    static ZonedDateTime parseTime(String s) {
      try {
        return OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // next shape
      }
      try {
        return Instant.parse(s).atZone(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // next shape
      }
      try {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  /** strftime directives for the {@code date} filter, in English, in UTC. */
  static final class Strftime {
    private static final String DIRECTIVES = "YmdHMSbBaAyeIlpjZzuw%";

    private Strftime() {}

    /** The first directive of {@code format} this subset lacks ({@code %x}), or null. */
    static String unsupported(String format) {
      for (int i = 0; i < format.length(); i++) {
        if (format.charAt(i) == '%') {
          int j = i + 1;
          if (j < format.length() && format.charAt(j) == '-') {
            j++;
          }
          if (j >= format.length() || DIRECTIVES.indexOf(format.charAt(j)) < 0) {
            return "%" + format.substring(i + 1, Math.min(format.length(), j + 1));
          }
          i = j;
        }
      }
      return null;
    }

    static String format(ZonedDateTime t, String format) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < format.length(); i++) {
        char c = format.charAt(i);
        if (c != '%' || i + 1 >= format.length()) {
          out.append(c);
          continue;
        }
        boolean noPad = format.charAt(i + 1) == '-' && i + 2 < format.length();
        char d = format.charAt(noPad ? i + 2 : i + 1);
        i += noPad ? 2 : 1;
        out.append(switch (d) {
          case 'Y' -> String.valueOf(t.getYear());
          case 'y' -> pad(t.getYear() % 100, noPad);
          case 'm' -> pad(t.getMonthValue(), noPad);
          case 'd' -> pad(t.getDayOfMonth(), noPad);
          case 'e' -> noPad ? String.valueOf(t.getDayOfMonth()) : String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
          case 'H' -> pad(t.getHour(), noPad);
          case 'I' -> pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, noPad);
          case 'l' -> String.valueOf(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
          case 'M' -> pad(t.getMinute(), noPad);
          case 'S' -> pad(t.getSecond(), noPad);
          case 'p' -> t.getHour() < 12 ? "AM" : "PM";
          case 'b' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
          case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
          case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
          case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
          case 'j' -> noPad ? String.valueOf(t.getDayOfYear()) : String.format(Locale.ROOT, "%03d", t.getDayOfYear());
          case 'Z' -> "UTC";
          case 'z' -> "+0000";
          case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
          case 'w' -> String.valueOf(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
          case '%' -> "%";
          default -> "%" + d;
        });
      }
      return out.toString();
    }

    private static String pad(int v, boolean noPad) {
      return noPad ? String.valueOf(v) : String.format(Locale.ROOT, "%02d", v);
    }
  }
}
