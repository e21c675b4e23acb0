package io.handoff.api;

import java.util.List;

/** Thrown anywhere in the REST layer to answer with a problem+json response. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(Problem.of(404, "Not found", what));
  }

  public Problem problem() {
    return problem;
  }
}
