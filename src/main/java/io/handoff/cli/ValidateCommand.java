package io.handoff.cli;

import io.handoff.rules.RuleDirectoryLoader;
import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.RuleFilesWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate [--dir DIR] [--base DIR] [--prompts DIR]}: checks every rule file and prompt; exit 1 on
 * any error. A file missing from {@code --dir} is an error {@code file:0: file not found} unless
 * {@code --base} gives a directory to take it from (an import's output validated over the rules in service).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the rule files in workflows/ and the prompts in prompts/; print every error as file:line: message.")
public class ValidateCommand implements Callable<Integer> {
  @Option(names = "--dir", description = "Rule directory (default: workflows)", defaultValue = "workflows")
  Path dir;

  @Option(names = "--base", description = "Take the files missing from --dir from this directory (e.g. workflows),"
      + " as the service would run with --dir's files copied over it")
  Path base;

  @Option(names = "--prompts", description = "Prompt directory (default: prompts)", defaultValue = "prompts")
  Path prompts;

  @Override
  public Integer call() {
    List<RuleFileError> problems = base == null ? RuleDirectoryLoader.load(dir, prompts).problems() : overBase();
    long errors = problems.stream().filter(p -> p.severity() == RuleFileError.Severity.ERROR).count();
    problems.forEach(p -> (p.severity() == RuleFileError.Severity.ERROR ? System.err : System.out).println(p));
    String what = base == null ? dir + " / " + prompts : dir + " over " + base + " / " + prompts;
    if (errors > 0) {
      System.err.println(errors + " error(s) in " + what);
      return 1;
    }
    System.out.println("valid: " + what + " (" + problems.size() + " warning(s))");
    return 0;
  }

  /** Validates --dir's files staged over --base's (as the REST import's preview does), naming each file's real path. */
  private List<RuleFileError> overBase() {
    if (!Files.isDirectory(dir)) {
      return List.of(RuleFileError.error(dir.toString(), 0, null, "rule directory not found"));
    }
    if (!Files.isDirectory(base)) {
      return List.of(RuleFileError.error(base.toString(), 0, null, "base rule directory not found"));
    }
    Map<String, String> files = new LinkedHashMap<>();
    try (DirectoryStream<Path> own = Files.newDirectoryStream(dir, Files::isRegularFile)) {
      for (Path f : own) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RuleFilesWriter.validate(base, prompts, files).stream()
        .map(e -> new RuleFileError(realPath(e.file(), files), e.line(), e.rule(), e.message(), e.severity()))
        .toList();
  }

  private String realPath(String file, Map<String, String> own) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return file;
    }
    String name = p.getFileName().toString();
    if (own.containsKey(name)) {
      return dir.resolve(file).toString();
    }
    return (Files.exists(base.resolve(name)) || !Files.exists(prompts.resolve(name)) ? base : prompts)
        .resolve(file).toString();
  }
}
