package io.handoff.cli;

import io.handoff.rules.RuleFileError;
import io.handoff.rules.RuleSetValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code validate [--dir DIR] [--prompts DIR]}: checks every rule file and prompt; exit 1 on any error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the rule files in workflows/ and the prompts in prompts/; print every error as file:line: message.")
public class ValidateCommand implements Callable<Integer> {
  @Option(names = "--dir", description = "Rule directory (default: workflows)", defaultValue = "workflows")
  Path dir;

  @Option(names = "--prompts", description = "Prompt directory (default: prompts)", defaultValue = "prompts")
  Path prompts;

  @Override
  public Integer call() {
    List<RuleFileError> problems = RuleSetValidator.validate(dir, prompts);
    long errors = problems.stream().filter(p -> p.severity() == RuleFileError.Severity.ERROR).count();
    problems.forEach(p -> (p.severity() == RuleFileError.Severity.ERROR ? System.err : System.out).println(p));
    if (errors > 0) {
      System.err.println(errors + " error(s) in " + dir + " / " + prompts);
      return 1;
    }
    System.out.println("valid: " + dir + " and " + prompts + " (" + problems.size() + " warning(s))");
    return 0;
  }
}
