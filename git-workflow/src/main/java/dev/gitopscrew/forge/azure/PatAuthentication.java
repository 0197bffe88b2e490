package dev.gitopscrew.forge.azure;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Azure DevOps personal access token as HTTP basic auth with an empty user name. */
final class PatAuthentication implements ClientRequestFilter {

  private final String header;

  PatAuthentication(String pat) {
    this.header =
        "Basic " + Base64.getEncoder().encodeToString((":" + pat).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
  }
}
