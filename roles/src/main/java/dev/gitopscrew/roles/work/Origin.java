package dev.gitopscrew.roles.work;

/**
 * Where a request came from: the channel ({@code cli}, {@code api}, {@code discord}, ...) and who
 * asked, as that channel knows them. A request's child sessions share it.
 */
public record Origin(String channel, String requester) {

  /** The channel of a person at the command line of this machine. */
  public static final String COMMAND_LINE = "cli";

  public Origin {
    channel = channel == null || channel.isBlank() ? "unknown" : channel;
    requester = requester == null || requester.isBlank() ? "unknown" : requester;
  }
}
