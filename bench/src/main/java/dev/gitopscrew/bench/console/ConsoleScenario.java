package dev.gitopscrew.bench.console;

import dev.gitopscrew.bench.Samples;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console on a busy store: {@link ConsoleSeed#SESSIONS} sessions and {@link
 * ConsoleSeed#AUDIT} audit records seeded into a fresh state directory, a gateway started on it
 * with a token, one login, then every page (and the filters and second pages people use) fetched
 * sequentially: {@link #WARM_UP} times unmeasured, then {@link #TIMED} times measured. Every answer
 * must be a 200 with a page in it. Prints p50 and p99 per page; the last line gives the overall p50
 * and the worst page's p99.
 */
public final class ConsoleScenario implements Scenario {

  static final String TOKEN = "bench-console-gateway-token-7c41d9e2f0";
  static final int WARM_UP = 20;
  static final int TIMED = 100;
  private static final Pattern NEXT = Pattern.compile("before=(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public String name() {
    return "console";
  }

  @Override
  public void run(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench-console");
    long seedStart = System.nanoTime();
    ConsoleSeed.Seeded seeded = ConsoleSeed.seed(dir.resolve("state"));
    System.out.printf(
        "seeded %d sessions, %d audit records, %d approvals waiting in %.1f s%n",
        ConsoleSeed.SESSIONS,
        ConsoleSeed.AUDIT,
        seeded.approvals().size(),
        (System.nanoTime() - seedStart) / 1e9);
    try (GatewayProcess gateway =
        GatewayProcess.startQuiet(dir, Map.of("CREW_GATEWAY_TOKEN", TOKEN))) {
      gateway.awaitReady();
      String base = gateway.baseUrl();
      String cookie = logIn(base);
      Map<String, String> pages = pages(base, cookie, seeded);
      showsTheStore(base, cookie, seeded);
      report(measure(base, cookie, pages), pages);
    }
  }

  /** Per page and over all pages, the times of the timed fetches. */
  private record Timings(Samples perPage, Samples overall) {}

  /** Each page in turn: {@link #WARM_UP} fetches unmeasured, then {@link #TIMED} measured. */
  private Timings measure(String base, String cookie, Map<String, String> pages) throws Exception {
    Samples samples = new Samples();
    Samples overall = new Samples();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      for (int i = 0; i < WARM_UP; i++) {
        get(base, page.getValue(), cookie);
      }
      for (int i = 0; i < TIMED; i++) {
        long start = System.nanoTime();
        get(base, page.getValue(), cookie);
        long took = System.nanoTime() - start;
        samples.add(page.getKey(), took);
        overall.add("all", took);
      }
    }
    return new Timings(samples, overall);
  }

  /** A line per page, then the BENCH line: the overall p50 and the worst page's p99. */
  private static void report(Timings timings, Map<String, String> pages) {
    System.out.printf("%-12s %8s %8s  %s%n", "page", "p50_ms", "p99_ms", "path");
    String worst = null;
    double worstP99 = -1;
    StringBuilder perPage = new StringBuilder();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      String name = page.getKey();
      double p50 = timings.perPage().percentileMs(name, 50);
      double p99 = timings.perPage().percentileMs(name, 99);
      System.out.printf("%-12s %8.1f %8.1f  %s%n", name, p50, p99, page.getValue());
      if (p99 > worstP99) {
        worstP99 = p99;
        worst = name;
      }
      perPage.append(String.format(" %s_p99=%.1f", name, p99));
    }
    System.out.printf(
        "BENCH console sessions=%d audit=%d p50_ms=%.1f p99_ms=%.1f worst=%s%s%n",
        ConsoleSeed.SESSIONS,
        ConsoleSeed.AUDIT,
        timings.overall().percentileMs("all", 50),
        worstP99,
        worst,
        perPage);
  }

  /** The pages measured, by a short shell-safe name. */
  private Map<String, String> pages(String base, String cookie, ConsoleSeed.Seeded seeded)
      throws Exception {
    LocalDateTime from =
        LocalDateTime.ofInstant(seeded.windowFrom(), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES);
    String window =
        "from="
            + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
            + "&to="
            + URLEncoder.encode(from.plusHours(6).toString(), StandardCharsets.UTF_8);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("overview", "/console/");
    pages.put("sessions", "/console/sessions");
    pages.put("sess_page2", "/console/sessions?before=" + next(base, "/console/sessions", cookie));
    pages.put("sess_all", "/console/sessions?all=on");
    pages.put("sess_agent", "/console/sessions?agent=devops-sre");
    pages.put("sess_state", "/console/sessions?state=failed");
    pages.put("sess_ok", "/console/sessions?state=succeeded&all=on");
    pages.put("sess_chan", "/console/sessions?channel=discord&requester=carol");
    pages.put("session", "/console/sessions/" + seeded.treeRoot());
    pages.put("drill", "/console/sessions/" + seeded.drillRoot());
    pages.put("audit", "/console/audit");
    pages.put("aud_page2", "/console/audit?before=" + next(base, "/console/audit", cookie));
    pages.put("aud_agent", "/console/audit?agent=gitops");
    pages.put("aud_kind", "/console/audit?kind=cluster.patch");
    pages.put("aud_target", "/console/audit?target=app-17");
    pages.put("aud_session", "/console/audit?session=" + seeded.drillRoot());
    pages.put("aud_window", "/console/audit?" + window);
    pages.put("incidents", "/console/incidents");
    pages.put("incident", "/console/incidents/" + seeded.incidentWithTimeline());
    pages.put("approvals", "/console/approvals");
    pages.put("releases", "/console/releases");
    pages.put("requests", "/console/requests");
    pages.put("req_scan", "/console/requests/scan");
    pages.put("agents", "/console/agents");
    return pages;
  }

  /**
   * The pages show what was seeded, so the times are of pages with rows in them: the drill's last
   * leaf, the incident's timeline from its audit trail, every approval waiting.
   */
  private void showsTheStore(String base, String cookie, ConsoleSeed.Seeded seeded)
      throws Exception {
    Map<String, String> expect = new LinkedHashMap<>();
    expect.put(
        "/console/sessions/" + seeded.drillRoot(),
        "/console/sessions/" + (seeded.drillRoot() + ConsoleSeed.DRILL - 1));
    expect.put("/console/incidents/" + seeded.incidentWithTimeline(), "@main ok");
    expect.put("/console/audit?kind=forge.pr", "/pull/");
    for (String approval : seeded.approvals()) {
      expect.put("/console/approvals#" + approval, approval);
    }
    if (seeded.approvals().isEmpty()) {
      throw new IllegalStateException("the seed left no approval waiting");
    }
    for (Map.Entry<String, String> e : expect.entrySet()) {
      String path = e.getKey().replaceFirst("#.*", "");
      if (!get(base, path, cookie).contains(e.getValue())) {
        throw new IllegalStateException("GET " + path + " does not show " + e.getValue());
      }
    }
  }

  /** The {@code before} of a page's link to the next one. */
  private String next(String base, String path, String cookie) throws Exception {
    Matcher m = NEXT.matcher(get(base, path, cookie));
    if (!m.find()) {
      throw new IllegalStateException(path + " has no link to a next page");
    }
    return m.group(1);
  }

  /** {@code POST /console/login}: the login cookie's {@code name=value}. */
  private String logIn(String base) throws Exception {
    String form =
        "token="
            + TOKEN
            + "&as=alice&next="
            + URLEncoder.encode("/console/", StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 303) {
      throw new IllegalStateException(
          "POST /console/login answered " + response.statusCode() + ": " + response.body());
    }
    for (String set : response.headers().allValues("Set-Cookie")) {
      if (set.startsWith("crew_console=")) {
        return set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
      }
    }
    throw new IllegalStateException("the login set no crew_console cookie: " + response.headers());
  }

  /** One page; anything but a 200 with a page in it ends the scenario. */
  private String get(String base, String path, String cookie) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Cookie", cookie)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    if (response.statusCode() != 200 || body == null || !body.contains("</html>")) {
      throw new IllegalStateException(
          "GET "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + (body == null ? "" : body.substring(0, Math.min(body.length(), 500))));
    }
    return body;
  }
}
