package dev.gitopscrew.gatewayclient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gitopscrew.request.RequestJson;

/**
 * The one JSON mapper of a CLI process: what it sends the gateway, reads from it and prints with
 * {@code --json}. One mapper, because each new one builds its own serializers for every type it
 * meets, and a CLI command lives for a fraction of a second. Built on first use.
 */
public final class ApiJson {

  public static final ObjectMapper MAPPER =
      RequestJson.configure(new ObjectMapper())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ApiJson() {}
}
