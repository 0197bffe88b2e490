package dev.gitopscrew.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query strings of the console's links: a filter carried to the next page. */
final class Query {

  private Query() {}

  static void add(StringBuilder query, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
  }
}
