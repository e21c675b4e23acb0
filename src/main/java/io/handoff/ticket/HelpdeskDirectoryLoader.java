package io.handoff.ticket;

import io.handoff.ticket.HelpdeskDirectory.AgentEntry;
import io.handoff.ticket.HelpdeskDirectory.Group;
import io.handoff.ticket.HelpdeskDirectory.OnlineStatus;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code helpdesk.yaml} (groups and agents) and reports every problem at once as
 * {@code file:line: message}. The YAML node API is used instead of data binding so each error can
 * point at its line.
 */
public final class HelpdeskDirectoryLoader {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> GROUP_KEYS = Set.of("id", "name", "zendeskId");
  private static final Set<String> AGENT_KEYS =
      Set.of("id", "name", "email", "groups", "status", "zendeskId");

  private final YamlReader r;

  private HelpdeskDirectoryLoader(YamlReader r) {
    this.r = r;
  }

  /** Loads a file; a missing or unreadable file is reported as an error at line 0 (the whole file). */
  public static Loaded<HelpdeskDirectory> load(Path path) {
    YamlReader r = new YamlReader(path.toString());
    return new HelpdeskDirectoryLoader(r).parse(r.read(path));
  }

  /** Loads YAML text; {@code fileName} is used in error messages only. */
  public static Loaded<HelpdeskDirectory> load(String fileName, String yaml) {
    YamlReader r = new YamlReader(fileName);
    return new HelpdeskDirectoryLoader(r).parse(r.parse(yaml));
  }

  private Loaded<HelpdeskDirectory> parse(Node root) {
    if (r.hasErrors()) {
      return new Loaded<>(null, r.errors());
    }
    if (!(root instanceof MappingNode top)) {
      error(line(root), "expected a mapping with 'groups' and 'agents'");
      return new Loaded<>(null, r.errors());
    }
    Map<String, Node> fields = fields(top, Set.of("groups", "agents", "account"), "helpdesk file");
    List<Group> groups = groups(fields.get("groups"), line(top));
    Set<String> groupIds = new HashSet<>();
    groups.forEach(g -> groupIds.add(g.id()));
    List<AgentEntry> agents = agents(fields.get("agents"), groupIds);
    HelpdeskDirectory.Account account = account(fields.get("account"));
    return new Loaded<>(r.hasErrors() ? null : new HelpdeskDirectory(groups, agents, account), r.errors());
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
    return r.entries(m, null, what, allowed);
  }

  private List<Node> sequence(Node node, String what) {
    List<Node> items = r.sequence(node, null, what);
    return items == null ? List.of() : items;
  }

  private static String optionalText(Node n) {
    String v = scalar(n);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String scalar(Node n) {
    return YamlReader.scalar(n);
  }

  private static int line(Node n) {
    return YamlReader.line(n);
  }

  private void error(int line, String message) {
    r.problems().error(line, null, message);
  }
}
