package dev.gitopscrew.model;

import dev.gitopscrew.effect.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * What every adapter does on the wire the same way: send a request and type a transport failure
 * (timeout, refused connection), and shorten a provider's message with its key taken out.
 */
public final class ProviderHttp {

  private static final int DETAIL_CHARS = 300;

  private final HttpClient http;
  private final Redactor redactor;
  private final String host;

  public ProviderHttp(HttpClient http, Endpoint endpoint) {
    this.http = http;
    this.redactor =
        Redactor.of(
            endpoint.key().map(k -> java.util.List.of(k.value())).orElse(java.util.List.of()));
    this.host = URI.create(endpoint.baseUrl()).getHost();
  }

  public HttpResponse<String> send(HttpRequest request) throws ModelFailure, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new ModelFailure(ModelFailure.Kind.TIMEOUT, "no answer from " + host + " in time");
    } catch (ConnectException e) {
      throw new ModelFailure(ModelFailure.Kind.UNREACHABLE, "cannot connect to " + host);
    } catch (IOException e) {
      throw new ModelFailure(
          ModelFailure.Kind.UNREACHABLE,
          host + ": " + detail(e.getClass().getSimpleName() + " " + e.getMessage()));
    }
  }

  /** A provider's text, one line, shortened, with the key replaced. */
  public String detail(String text) {
    String clean = redactor.redact(text == null ? "" : text).replaceAll("\\s+", " ").strip();
    return clean.length() > DETAIL_CHARS ? clean.substring(0, DETAIL_CHARS) + "…" : clean;
  }

  public String host() {
    return host;
  }
}
