package io.handoff.problem;

/** Thrown anywhere in the REST layer to answer with a problem+json response ({@code api.ProblemMappers}). */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(Problem.invalid(field, message));
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(Problem.notFound(what));
  }

  public Problem problem() {
    return problem;
  }
}
