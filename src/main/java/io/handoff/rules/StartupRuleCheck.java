package io.handoff.rules;

import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Validates the rule and prompt directories before the service starts anything (Temporal, the
 * restore of journeys, HTTP): every error is printed as {@code file:line: message}, without a stack
 * trace, and the start stops. The directories are read as Quarkus would: system property, then
 * environment variable, then application.properties, then the default.
 */
public final class StartupRuleCheck {
  private StartupRuleCheck() {}

  /** Prints the errors to {@code err}; true when the rules are valid (warnings are printed too). */
  public static boolean check(Map<String, String> env, Properties system, PrintStream err) {
    Path workflows = Path.of(setting("handoff.workflows-dir", "workflows", env, system));
    Path prompts = Path.of(setting("handoff.prompts-dir", "prompts", env, system));
    List<RuleFileError> errors = RuleDirectoryLoader.load(workflows, prompts).errors();
    if (errors.isEmpty()) {
      return true;
    }
    err.println("Handoff cannot start: " + errors.size() + " error(s) in the rule files (" + workflows + ", "
        + prompts + "):");
    errors.forEach(e -> err.println(e.toString()));
    err.println("Fix them (check with: java -jar target/quarkus-app/quarkus-run.jar validate --dir " + workflows
        + " --prompts " + prompts + ") and start again.");
    return false;
  }

  static String setting(String key, String fallback, Map<String, String> env, Properties system) {
    String v = system.getProperty(key);
    if (v == null) {
      v = env.get(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    if (v == null) {
      Properties app = new Properties();
      try (InputStream in = StartupRuleCheck.class.getClassLoader().getResourceAsStream("application.properties")) {
        if (in != null) {
          app.load(in);
        }
      } catch (IOException e) {
        // the default below
      }
      v = app.getProperty(key);
    }
    return v == null || v.isBlank() || v.contains("${") ? fallback : v.trim();
  }
}
