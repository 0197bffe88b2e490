package dev.gitopscrew.channel.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.settings.Secret;
import dev.gitopscrew.settings.UserAgents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Finds the gateway the way Discord documents it, {@code GET /gateway/bot} on the configured API
 * base, so {@code channels.discord.apiBaseUrl} points JDA's gateway discovery at a proxy or a test
 * double as well as its REST calls (JDA itself would use its built-in gateway address).
 */
final class GatewayDiscovery extends ConcurrentSessionController {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiBaseUrl;
  private final Secret token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  GatewayDiscovery(String apiBaseUrl, Secret token) {
    this.apiBaseUrl = apiBaseUrl;
    this.token = token;
  }

  @Override
  public String getGateway() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(apiBaseUrl + "/gateway/bot"))
                  .timeout(Duration.ofSeconds(15))
                  .header("Authorization", "Bot " + token.reveal())
                  .header("User-Agent", UserAgents.DISCORD)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /gateway/bot answered "
                + response.statusCode()
                + (response.statusCode() == 401 ? " (check DISCORD_BOT_TOKEN)" : ""));
      }
      String url = JSON.readTree(response.body()).path("url").asText("");
      if (url.isEmpty()) {
        throw new IllegalStateException("GET /gateway/bot named no gateway url");
      }
      return url.endsWith("/") ? url : url + "/";
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot reach " + apiBaseUrl + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while finding the Discord gateway");
    }
  }
}
