package dev.gitopscrew.roles.catalogue;

/**
 * The ways a request reaches the crew. Every door takes its requests from the catalogue; a kind is
 * offered at every door unless its descriptor says why not.
 */
public enum Door {
  COMMAND_LINE("the command line (crew request)", false),
  ASK("crew ask", true),
  CHAT("a chat message", true),
  SLASH("a slash command", false),
  PR_COMMENT("a /crew pull request comment", true),
  API("POST /api/requests", false),
  MODEL("a model's function call", false),
  SCHEDULE("a schedule line", true);

  private final String label;
  private final boolean text;

  Door(String label, boolean text) {
    this.label = label;
    this.text = text;
  }

  public String label() {
    return label;
  }

  /** Whether requests arrive here as one line of words, read by the catalogue's grammar. */
  public boolean isText() {
    return text;
  }
}
