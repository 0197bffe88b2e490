package dev.gitopscrew.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.request.RequestJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The API reads JSON as strictly as a stored request: the request kinds are known, and a number
 * where a string belongs is an error rather than a string.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    RequestJson.configure(mapper);
  }
}
