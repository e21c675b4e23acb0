package io.handoff.ticket;

import io.handoff.rules.RuleFileError;
import io.handoff.ticket.HelpdeskDirectory.AgentEntry;
import io.handoff.ticket.HelpdeskDirectory.Group;
import io.handoff.ticket.HelpdeskDirectory.OnlineStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code helpdesk.yaml} (groups and agents) and reports every problem at once as
 * {@code file:line: message}. The YAML node API is used instead of data binding so each error can
 * point at its line.
 */
public final class HelpdeskDirectoryLoader {

  /** The directory (null when there were errors) and every error and warning found. */
  public record Result(HelpdeskDirectory directory, List<RuleFileError> errors) {
    public boolean ok() {
      return errors.stream().noneMatch(e -> e.severity() == RuleFileError.Severity.ERROR);
    }
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> GROUP_KEYS = Set.of("id", "name", "zendeskId");
  private static final Set<String> AGENT_KEYS =
      Set.of("id", "name", "email", "groups", "status", "zendeskId");

  private final String file;
  private final List<RuleFileError> errors = new ArrayList<>();

  private HelpdeskDirectoryLoader(String file) {
    this.file = file;
  }

  /** Loads a file; a missing or unreadable file is reported as an error at line 1. */
  public static Result load(Path path) {
    String name = path.toString();
    try (Reader reader = Files.newBufferedReader(path)) {
      return new HelpdeskDirectoryLoader(name).parse(reader);
    } catch (IOException e) {
      return new Result(null, List.of(RuleFileError.error(name, 0, null, e instanceof java.nio.file.NoSuchFileException
          ? "file not found" : "cannot read helpdesk file: " + e.getMessage())));
    }
  }

  /** Loads YAML text; {@code fileName} is used in error messages only. */
  public static Result load(String fileName, String yaml) {
    return new HelpdeskDirectoryLoader(fileName).parse(new StringReader(yaml));
  }

  private Result parse(Reader reader) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      error(line, "invalid YAML: " + e.getProblem());
      return new Result(null, errors);
    }
    if (!(root instanceof MappingNode top)) {
      error(root == null ? 1 : line(root), "expected a mapping with 'groups' and 'agents'");
      return new Result(null, errors);
    }
    Map<String, Node> fields = fields(top, Set.of("groups", "agents", "account"), "helpdesk file");
    List<Group> groups = groups(fields.get("groups"), line(top));
    Set<String> groupIds = new HashSet<>();
    groups.forEach(g -> groupIds.add(g.id()));
    List<AgentEntry> agents = agents(fields.get("agents"), groupIds);
    boolean ok = errors.stream().noneMatch(e -> e.severity() == RuleFileError.Severity.ERROR);
    HelpdeskDirectory.Account account = account(fields.get("account"));
    return new Result(ok ? new HelpdeskDirectory(groups, agents, account) : null, List.copyOf(errors));
  }

  /** The optional {@code account: {name, ticketUrl}} ({{ticket.account}}, {{ticket.url}}, {{ticket.link}}). */
  private HelpdeskDirectory.Account account(Node node) {
    if (node == null) {
      return HelpdeskDirectory.Account.NONE;
    }
    if (!(node instanceof MappingNode m)) {
      error(line(node), "'account' must be a mapping with 'name' and 'ticketUrl'");
      return HelpdeskDirectory.Account.NONE;
    }
    Map<String, Node> f = fields(m, Set.of("name", "ticketUrl"), "account");
    String url = optionalText(f.get("ticketUrl"));
    if (url != null && !url.matches("https?://\\S+")) {
      error(line(f.get("ticketUrl")), "account ticketUrl must be an http(s) URL (with {id} for the ticket id)");
    }
    return new HelpdeskDirectory.Account(optionalText(f.get("name")), url);
  }

  private List<Group> groups(Node node, int topLine) {
    List<Group> groups = new ArrayList<>();
    if (node == null) {
      error(topLine, "'groups' is required: list at least one group");
      return groups;
    }
    Set<String> seen = new HashSet<>();
    for (Node item : sequence(node, "groups")) {
      if (!(item instanceof MappingNode m)) {
        error(line(item), "a group must be a mapping with 'id' and 'name'");
        continue;
      }
      Map<String, Node> f = fields(m, GROUP_KEYS, "group");
      String id = id(f, m, "group", seen);
      String name = requiredText(f, m, "group", "name");
      if (id != null && name != null) {
        groups.add(new Group(id, name, optionalText(f.get("zendeskId"))));
      }
    }
    return groups;
  }

  private List<AgentEntry> agents(Node node, Set<String> groupIds) {
    List<AgentEntry> agents = new ArrayList<>();
    if (node == null) {
      return agents;
    }
    Set<String> seen = new HashSet<>();
    for (Node item : sequence(node, "agents")) {
      if (!(item instanceof MappingNode m)) {
        error(line(item), "an agent must be a mapping with 'id', 'name', 'email' and 'groups'");
        continue;
      }
      Map<String, Node> f = fields(m, AGENT_KEYS, "agent");
      String id = id(f, m, "agent", seen);
      String name = requiredText(f, m, "agent", "name");
      String email = requiredText(f, m, "agent", "email");
      if (email != null && !EMAIL.matcher(email).matches()) {
        error(line(f.get("email")), "agent \"" + id + "\": invalid e-mail address '" + email + "'");
        email = null;
      }
      Set<String> groups = agentGroups(f.get("groups"), m, id, groupIds);
      OnlineStatus status = status(f.get("status"), id);
      if (id != null && name != null && email != null && groups != null && status != null) {
        agents.add(new AgentEntry(id, name, email, groups, status,
            optionalText(f.get("zendeskId"))));
      }
    }
    return agents;
  }

  private Set<String> agentGroups(Node node, MappingNode agent, String id, Set<String> groupIds) {
    if (node == null) {
      error(line(agent), "agent \"" + id + "\": 'groups' is required (list of group ids)");
      return null;
    }
    Set<String> groups = new LinkedHashSet<>();
    boolean ok = true;
    for (Node g : sequence(node, "agent \"" + id + "\": groups")) {
      String gid = scalar(g);
      if (gid == null || !groupIds.contains(gid)) {
        error(line(g), "agent \"" + id + "\": unknown group '" + gid + "' (known: "
            + String.join(", ", groupIds.stream().sorted().toList()) + ")");
        ok = false;
      } else {
        groups.add(gid);
      }
    }
    return ok ? groups : null;
  }

  private OnlineStatus status(Node node, String agentId) {
    if (node == null) {
      return OnlineStatus.OFFLINE;
    }
    String value = scalar(node);
    for (OnlineStatus s : OnlineStatus.values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(value)) {
        return s;
      }
    }
    error(line(node), "agent \"" + agentId + "\": status must be online, away or offline, not '"
        + value + "'");
    return null;
  }

  private String id(Map<String, Node> f, MappingNode m, String what, Set<String> seen) {
    String id = requiredText(f, m, what, "id");
    if (id == null) {
      return null;
    }
    if (!ID.matcher(id).matches()) {
      error(line(f.get("id")), what + " id '" + id
          + "' must be lower-case letters, digits, '.', '_' or '-'");
      return null;
    }
    if (!seen.add(id)) {
      error(line(f.get("id")), "duplicate " + what + " id '" + id + "'");
      return null;
    }
    return id;
  }

  private String requiredText(Map<String, Node> f, MappingNode m, String what, String key) {
    Node n = f.get(key);
    String v = n == null ? null : scalar(n);
    if (v == null || v.isBlank()) {
      error(n == null ? line(m) : line(n), what + ": '" + key + "' is required");
      return null;
    }
    return v.trim();
  }

  private Map<String, Node> fields(MappingNode m, Set<String> allowed, String what) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode());
      if (!allowed.contains(key)) {
        error(line(t.getKeyNode()), what + ": unknown key '" + key + "' (allowed: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      } else {
        out.put(key, t.getValueNode());
      }
    }
    return out;
  }

  private List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    error(line(node), what + " must be a list");
    return List.of();
  }

  private static String optionalText(Node n) {
    String v = n == null ? null : scalar(n);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }

  private static int line(Node n) {
    return n.getStartMark().getLine() + 1;
  }

  private void error(int line, String message) {
    errors.add(RuleFileError.error(file, line, null, message));
  }
}
