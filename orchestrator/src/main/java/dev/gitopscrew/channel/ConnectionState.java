package dev.gitopscrew.channel;

import java.time.Instant;

/**
 * How a chat channel's connection stands, for {@code crew doctor} and {@code /api/status}.
 *
 * @param status {@code off}, {@code connecting}, {@code connected}, {@code reconnecting}, {@code
 *     failed}
 * @param detail one line: why it is off or failed, or what it is connected as
 * @param since when the status last changed
 * @param reconnects how many times the connection was lost and made again
 */
public record ConnectionState(String status, String detail, Instant since, int reconnects) {

  public static ConnectionState off(String why) {
    return new ConnectionState("off", why, Instant.now(), 0);
  }

  public boolean connected() {
    return status.equals("connected");
  }
}
