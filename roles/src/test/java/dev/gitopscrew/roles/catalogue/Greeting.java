package dev.gitopscrew.roles.catalogue;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;

/**
 * A request kind that lives only in tests: no door's code knows it, so every door that offers it
 * proves the door is derived from the catalogue.
 */
@JsonTypeName("greeting")
public record Greeting(String repository, String who, int times, boolean loud)
    implements Request.Contributed {

  public Greeting {
    if (!who.matches("[a-z]{1,20}")) {
      throw new BadRequestException("who is a lower-case name, got " + who);
    }
  }

  /** Its descriptor: a qa-tester kind with a repository, a name, a count and a flag. */
  public static final RequestKind KIND =
      RequestKind.named("greet", "Greet someone in a repository (a test fixture).")
          .needs("a repository and a name", "greet demo world times 2 loud")
          .fields(
              Field.word("repository", "the repository", "demo").from(Field.Context.REPOSITORY),
              Field.word("who", "whom to greet", "world"),
              Field.number("times", "how often", "2", 1, 5).after("times").optional(),
              Field.flag("loud", "loud", "shout"))
          .owner(KnownAgent.QA_TESTER, Tool.VALIDATE_CHANGE)
          .builds(
              Greeting.class,
              v ->
                  new Greeting(
                      v.text("repository"),
                      v.text("who"),
                      v.optNumber("times") == null ? 1 : v.number("times"),
                      v.flag("loud")));

  @Override
  public String describe() {
    return "greet " + who + " in " + repository + " x" + times + (loud ? " loudly" : "");
  }
}
