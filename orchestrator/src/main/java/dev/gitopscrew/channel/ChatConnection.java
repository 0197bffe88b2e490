package dev.gitopscrew.channel;

/**
 * A chat platform's long-lived connection, started and stopped from one place (the gateway's
 * lifecycle; later only on the leader replica). Reconnects are the adapter's business.
 */
public interface ChatConnection extends AutoCloseable {

  /** Connects in the background; never blocks or fails the caller when the platform is down. */
  void start();

  /** Disconnects; replies not yet sent stay in the store for the next start. */
  @Override
  void close();

  ConnectionState state();

  /** No connection: the bot is not configured (and why). */
  static ChatConnection off(String why) {
    return new ChatConnection() {
      @Override
      public void start() {}

      @Override
      public void close() {}

      @Override
      public ConnectionState state() {
        return ConnectionState.off(why);
      }
    };
  }
}
