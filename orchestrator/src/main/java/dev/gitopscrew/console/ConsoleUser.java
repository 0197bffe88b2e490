package dev.gitopscrew.console;

/**
 * Who is looking at the console: the requester named at login and the CSRF token their forms carry,
 * or a reader on loopback when the gateway has no token (read-only: nothing can be started,
 * approved or cut from the browser).
 */
public record ConsoleUser(String requester, String csrf, boolean mayAct) {

  static final ConsoleUser READ_ONLY = new ConsoleUser("console", "", false);

  /** The requester as requests and the audit record it: {@code console:alice}. */
  public String origin() {
    return "console:" + requester;
  }
}
