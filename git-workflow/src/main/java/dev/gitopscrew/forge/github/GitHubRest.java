package dev.gitopscrew.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.retry.Retries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain REST requests for the release calls, each exactly one HTTP request: hub4j has no call for
 * {@code releases/generate-notes}, reads {@code merge_commit_sha} one pull request at a time (a
 * request each) and renames and closes a milestone in two. Rate limits are waited out as for hub4j
 * ({@link WaitOutLimits}); a read that meets a 5xx or a dropped connection is tried again, a write
 * is not (its caller looks at what exists first).
 */
final class GitHubRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int LIMIT_WAITS = 5;

  private final HttpClient http;
  private final String api;
  private final java.util.function.Supplier<String> authorization;
  private final java.util.function.Function<String, String> redact;
  private final String name;
  private final WaitOutLimits limits;
  private final Duration backoff;

  /**
   * @param authorization the current {@code Authorization} header value (an App's token changes)
   * @param redact removes any token from a text
   */
  GitHubRest(
      String api,
      java.util.function.Supplier<String> authorization,
      java.util.function.Function<String, String> redact,
      String name,
      WaitOutLimits limits,
      Duration backoff) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.api = api.replaceAll("/+$", "");
    this.authorization = authorization;
    this.redact = redact;
    this.name = name;
    this.limits = limits;
    this.backoff = backoff;
  }

  /** GET of one resource. */
  JsonNode get(String what, String path) {
    return send(what, "GET", api + path, null).body;
  }

  /**
   * GET of a list, page by page through the {@code Link: rel="next"} header; {@code more} sees each
   * page and says whether the next one is wanted.
   */
  void pages(String what, String path, Predicate<JsonNode> more) {
    String url = api + path;
    while (url != null) {
      Answer page = send(what, "GET", url, null);
      if (!more.test(page.body)) {
        return;
      }
      url = page.next;
      if (url != null && !url.startsWith(api + "/")) {
        throw new ForgeException(failure(what, "the next page is not on " + api), 0);
      }
    }
  }

  /** A POST, PATCH or PUT with a JSON body. */
  JsonNode write(String what, String method, String path, JsonNode body) {
    return send(what, method, api + path, body).body;
  }

  private record Answer(JsonNode body, String next) {}

  /**
   * One request; a GET that meets a 5xx or a dropped connection is tried again ({@link
   * Retries#forgeRead}), and a rate limit is waited out, {@value #LIMIT_WAITS} times per request at
   * most, without counting as an attempt.
   */
  private Answer send(String what, String method, String url, JsonNode body) {
    int[] waits = {0};
    try {
      if (!method.equals("GET")) {
        return attempt(what, method, url, body, waits);
      }
      return Failsafe.with(Retries.<Answer>forgeRead(backoff, e -> e instanceof Unanswered))
          .get(() -> attempt(what, method, url, body, waits));
    } catch (Unanswered e) {
      throw new ForgeException(e.getMessage(), e.status());
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        // Failsafe has set the interrupt flag again
        throw new ForgeException("interrupted while waiting to retry", 0);
      }
      throw e;
    }
  }

  /** One attempt, rate limits waited out; no answer or a 5xx is {@link Unanswered}. */
  private Answer attempt(String what, String method, String url, JsonNode body, int[] waits) {
    while (true) {
      HttpResponse<String> response;
      try {
        response = http.send(request(method, url, body), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new Unanswered(failure(what, e.toString()), 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForgeException(failure(what, "interrupted"), 0);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Answer(parse(response.body()), next(response));
      }
      if (limited(response) && waits[0] < LIMIT_WAITS) {
        waits[0]++;
        waitOut(what, response);
        continue;
      }
      String failure = failure(what, status + " " + detail(response.body()));
      if (status >= 500) {
        throw new Unanswered(failure, status);
      }
      throw new ForgeException(failure, status);
    }
  }

  /**
   * A dropped connection or a 5xx, which a read tries again; thrown on as a plain {@link
   * ForgeException} with the same message and status.
   */
  private static final class Unanswered extends RuntimeException {
    private final int status;

    Unanswered(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private HttpRequest request(String method, String url, JsonNode body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization.get())
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "gitops-crew");
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  /** A primary (remaining 0) or secondary (Retry-After, or GitHub says so) rate limit. */
  private static boolean limited(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 429) {
      return true;
    }
    if (status != 403) {
      return false;
    }
    return response.headers().firstValue("Retry-After").isPresent()
        || "0".equals(response.headers().firstValue("X-RateLimit-Remaining").orElse(null))
        || response.body().toLowerCase(Locale.ROOT).contains("rate limit");
  }

  private void waitOut(String what, HttpResponse<String> response) {
    String which =
        "0".equals(response.headers().firstValue("X-RateLimit-Remaining").orElse(null))
            ? "rate limit"
            : "secondary rate limit";
    Duration wait = limits.waitFor(h -> response.headers().firstValue(h).orElse(null));
    if (!limits.allows(wait)) {
      throw new ForgeException(failure(what, limits.tooLong(which, wait)), response.statusCode());
    }
    try {
      limits.sleep(wait, which);
    } catch (IOException e) {
      throw new ForgeException(failure(what, e.getMessage()), 0);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ForgeException("GitHub answered something that is not JSON: " + e.getMessage(), 0);
    }
  }

  private static String next(HttpResponse<String> response) {
    String link = response.headers().firstValue("Link").orElse(null);
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  /** GitHub's error message and its error codes ({@code already_exists}, ...). */
  private static String detail(String body) {
    try {
      JsonNode json = JSON.readTree(body == null ? "" : body);
      StringBuilder text = new StringBuilder(json.path("message").asText(""));
      for (JsonNode error : json.path("errors")) {
        text.append(" [")
            .append(error.path("resource").asText(""))
            .append(' ')
            .append(error.path("field").asText(""))
            .append(' ')
            .append(error.path("code").asText(""))
            .append(']');
      }
      return text.toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private String failure(String what, String detail) {
    return redact.apply("GitHub " + name + ": cannot " + what + ": " + detail);
  }
}
