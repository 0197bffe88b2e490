package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.webhook.ArgoApplications;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.ArgoWebhookTest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web console in a real headless Chromium against the packaged gateway, as a person uses it:
 * the login, a drill's tree growing live, a release cut approved and released on the local forge,
 * an incident's step denied, a forged form refused, and every login ended from the command line.
 * Each page is photographed under target/console-screenshots for a reviewer.
 */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  static final String TOKEN = "9d41c7e2b85f4a06a3e1c2d7f6b80e95-console-gateway";
  static final String ARGO_TOKEN = "b3f1c2d4e5a6978812ab34cd56ef7890-argocd-webhook";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  static KubernetesMockServer server;
  static KubernetesClient client;
  @TempDir static Path dir;
  static GatewayProcess gateway;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    browser = Chromium.start(Files.createDirectories(dir.resolve("profile")));
    ClusterFixture.allowAccessReviews(server);
    Path kubeconfig =
        ClusterFixture.kubeconfig(Files.createDirectories(dir.resolve("kube")), client, "kube");
    Path config = Files.writeString(dir.resolve("crew.yaml"), ArgoApplications.APPROVED_RESTART);
    gateway =
        GatewayProcess.start(
            dir.resolve("state"),
            Map.of(
                "CREW_GATEWAY_TOKEN",
                TOKEN,
                ArgoWebhook.TOKEN_VARIABLE,
                ARGO_TOKEN,
                "KUBECONFIG",
                kubeconfig.toString()),
            "--config",
            config.toString());
    assertThat(gateway.awaitReady()).as(gateway.output()).isTrue();
    base = "http://127.0.0.1:" + gateway.port;
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  @Order(1)
  void withoutALoginEveryPageLeadsToTheLoginAndTheTokenLogsIn() throws Exception {
    for (String page :
        List.of(
            "/",
            "/console/",
            "/console/sessions",
            "/console/audit",
            "/console/incidents",
            "/console/approvals",
            "/console/releases",
            "/console/requests",
            "/console/requests/scan",
            "/console/agents")) {
      browser.get(base + page);
      assertThat(browser.getCurrentUrl()).as(page).contains("/console/login");
    }
    Chromium.screenshot(browser, "01-login");

    browser.get(base + "/console/sessions");
    logIn("not-the-token");
    assertThat(browser.getCurrentUrl()).contains("/console/login");
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("not the gateway's token");

    logIn(TOKEN);
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/console/sessions");
    assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("alice");
    org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("crew_console");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getExpiry()).isNotNull();
    browser.get(base + "/console/");
    Chromium.screenshot(browser, "02-overview");
  }

  private void logIn(String token) {
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("as")).sendKeys("alice");
    follow(browser.findElement(By.cssSelector("button[type=submit]")));
  }

  /** Clicks a button or link and waits until the page it leads to has replaced this one. */
  private static void follow(WebElement element) {
    element.click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
  }

  @Test
  @Order(2)
  void aDrillsSessionTreeGrowsLiveToItsEnd() throws Exception {
    browser.get(base + "/console/requests/drill-fanout");
    Chromium.screenshot(browser, "03-request-form");
    fill("in-leaves", "6");
    fill("in-fail", "0");
    fill("in-timeout", "0");
    fill("in-work", "1500");
    follow(browser.findElement(By.cssSelector("button[value=run]")));
    assertThat(browser.getCurrentUrl()).matches(".*/console/sessions/\\d+");
    ((JavascriptExecutor) browser).executeScript("window.stayed = true;");

    // what the page shows, seen every 100 ms without reloading it
    List<Long> leavesDone = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              // ended is read first: the last redraw may land between two reads
              boolean ended =
                  "true".equals(browser.findElement(By.id("tree")).getDomAttribute("data-ended"));
              long done = leavesDone();
              if (leavesDone.isEmpty() || leavesDone.get(leavesDone.size() - 1) != done) {
                leavesDone.add(done);
              }
              return ended;
            });

    assertThat(leavesDone).as("the leaves done as the page showed them").hasSizeGreaterThan(1);
    assertThat(leavesDone.get(leavesDone.size() - 1)).isEqualTo(6);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.stayed === true"))
        .as("the tree was redrawn in place, the page never reloaded")
        .isEqualTo(true);
    assertThat(browser.findElement(By.id("session-state")).getText()).isEqualTo("succeeded");
    WebElement root = browser.findElement(By.cssSelector("#tree > ul.tree > li"));
    assertThat(root.getDomAttribute("data-state")).isEqualTo("succeeded");
    assertThat(root.getText()).contains("homelab-admin").contains("drill fanout 6");
    assertThat(browser.findElements(By.xpath("//li[contains(., 'drill leaf')]/strong")))
        .extracting(WebElement::getText)
        .contains("qa-tester");
    Chromium.screenshot(browser, "04-session-tree");

    browser.get(base + "/console/sessions?agent=homelab-admin");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("drill fanout 6")
        .contains("console:alice");
    Chromium.screenshot(browser, "05-sessions");
  }

  private static long leavesDone() {
    return browser
        .findElements(
            By.xpath("//li[@data-state='succeeded'][not(.//li)][contains(., 'drill leaf')]"))
        .size();
  }

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  @Order(3)
  void anApprovedReleaseCutIsReleasedOnTheLocalForge() throws Exception {
    JsonNode edit = api("edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4");
    Matcher pr = Pattern.compile("local://demo/pulls/(\\d+)").matcher(edit.toString());
    assertThat(pr.find()).as(edit.toString()).isTrue();
    api("merge demo#" + pr.group(1));

    browser.get(base + "/console/releases");
    assertThat(browser.findElement(By.id("release-demo")).getText()).contains("ready to cut");
    Chromium.screenshot(browser, "06-releases");
    follow(browser.findElement(By.cssSelector("form[action='/console/releases/demo/cut'] button")));
    assertThat(browser.getCurrentUrl()).matches(".*/console/sessions/\\d+");
    // the tree is redrawn live until the cut parks for its approval
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> browser.findElements(By.cssSelector("#approval .state-pending")).size() == 1);
    assertThat(tags()).isEmpty();

    browser.get(base + "/console/approvals");
    WebElement approval =
        browser.findElement(By.xpath("//section[contains(., 'release cut demo')]"));
    assertThat(approval.findElement(By.tagName("pre")).getText()).isNotBlank();
    Chromium.screenshot(browser, "07-approvals");
    approval.findElement(By.tagName("textarea")).sendKeys("ship it");
    follow(approval.findElement(By.cssSelector("button[value=approve]")));

    String session = browser.getCurrentUrl();
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              browser.get(session);
              return browser.findElement(By.cssSelector("h1 .state")).getText();
            },
            state -> !state.equals("running") && !state.equals("queued"));
    assertThat(browser.findElement(By.cssSelector("h1 .state")).getText()).isEqualTo("succeeded");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("approved")
        .contains("console:alice");
    assertThat(tags()).singleElement().asString().startsWith("refs/tags/");

    String tag = tags().get(0).substring("refs/tags/".length());
    browser.get(base + "/console/releases");
    assertThat(browser.findElement(By.id("release-demo")).getText())
        .contains("since " + tag + " (released)");
    browser.get(base + "/console/audit?agent=homelab-admin");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("console:alice");
    Chromium.screenshot(browser, "08-audit");
  }

  private static List<String> tags() throws Exception {
    return Git.lsRemoteRepository()
        .setRemote(dir.resolve("state/repositories/demo.git").toUri().toString())
        .setTags(true)
        .call()
        .stream()
        .map(org.eclipse.jgit.lib.Ref::getName)
        .toList();
  }

  @Test
  @Order(4)
  void aDeniedIncidentStepIsWhatTheIncidentSays() throws Exception {
    ArgoApplications apps =
        new ArgoApplications(client, dir.resolve("state/repositories/demo.git").toUri().toString());
    apps.application("whoami", "Degraded", "Synced", "Succeeded");
    apps.crashingWorkload("whoami");
    HttpResponse<String> delivered =
        gateway.post(
            "/webhooks/argocd",
            ArgoWebhookTest.body(
                    "on-health-degraded",
                    "whoami",
                    "Degraded",
                    "9f2c1e7a4b",
                    "2026-11-30T18:40:09Z")
                .getBytes(StandardCharsets.UTF_8),
            Map.of("Authorization", "Bearer " + ARGO_TOKEN, "Content-Type", "application/json"));
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> gateway.get("/api/approvals", TOKEN).body(), b -> b.contains("restart"));

    browser.get(base + "/console/incidents");
    Chromium.screenshot(browser, "09-incidents");
    browser.get(base + "/console/approvals");
    WebElement approval = browser.findElement(By.xpath("//section[contains(., 'restart')]"));
    approval.findElement(By.tagName("textarea")).sendKeys("not during the backup");
    follow(approval.findElement(By.cssSelector("button[value=deny]")));
    assertThat(browser.findElement(By.cssSelector("h1 .state")).getText()).isEqualTo("cancelled");

    browser.get(base + "/console/incidents");
    follow(browser.findElement(By.cssSelector("main table a[href^='/console/incidents/']")));
    assertThat(browser.findElement(By.id("incident-summary")).getText())
        .isEqualTo("runbook step denied by console:alice: not during the backup; nothing was run");
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("denied by console:alice: not during the backup");
    assertThat(browser.findElement(By.id("incident-state")).getText()).isEqualTo("open");
    Chromium.screenshot(browser, "10-incident");
    assertThat(gateway.get("/api/audit?limit=1000", TOKEN).body())
        .as("the restart itself never ran, only its dry run for the approval")
        .doesNotContain(
            "\"kind\":\"cluster.patch\",\"target\":\"deployment/whoami in apps\",\"artifact\":null,\"dryRun\":false");
  }

  @Test
  @Order(5)
  void aForgedPostWithoutTheCsrfTokenIsRefusedAndRunsNothing() throws Exception {
    String cookie = browser.manage().getCookieNamed("crew_console").getValue();
    int before = sessions();
    for (String body : List.of("f.leaves=3&mode=run", "csrf=0123abcd&f.leaves=3&mode=run")) {
      HttpResponse<String> forged = form("/console/requests/drill-fanout", body, cookie);
      assertThat(forged.statusCode()).as(body).isEqualTo(403);
      assertThat(forged.body()).contains("CSRF");
    }
    String approvals = "/console/approvals/abcdefgh";
    assertThat(form(approvals, "decision=approve", cookie).statusCode()).isEqualTo(403);
    assertThat(form("/console/releases/demo/cut", "", null).statusCode()).isEqualTo(401);
    assertThat(sessions()).isEqualTo(before);

    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/console/"))
                .header("Cookie", "crew_console=" + cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain(TOKEN);

    browser.get(base + "/console/sessions/999999");
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
        .isEqualTo("There is no session 999999.");
    browser.get(base + "/console/agents");
    Chromium.screenshot(browser, "11-agents");
    browser.get(base + "/console/requests");
    Chromium.screenshot(browser, "12-requests");
  }

  private int sessions() throws Exception {
    return JSON.readTree(gateway.get("/api/sessions?all=true&limit=1000", TOKEN).body()).size();
  }

  private HttpResponse<String> form(String path, String body, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", "crew_console=" + cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(6)
  void logoutAllFromTheCommandLineEndsEveryLogin() throws Exception {
    Path log = dir.resolve("logout.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                "java",
                "-jar",
                GatewayProcess.JAR.toString(),
                "console",
                "logout-all",
                "--state-dir",
                dir.resolve("state").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("CREW_GATEWAY_TOKEN", TOKEN);
    pb.environment().remove("CREW_CONFIG");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).contains("Ended 1 console login(s).");

    browser.get(base + "/console/approvals");
    assertThat(browser.getCurrentUrl()).contains("/console/login");
  }

  @Test
  @Order(7)
  void withoutAGatewayTokenTheConsoleIsReadOnlyOnLoopback() throws Exception {
    Path state = dir.resolve("read-only/state");
    Files.createDirectories(state.getParent());
    try (GatewayProcess open = GatewayProcess.start(state, Map.of())) {
      assertThat(open.awaitReady()).as(open.output()).isTrue();
      String at = "http://127.0.0.1:" + open.port;
      browser.get(at + "/console/sessions");
      assertThat(browser.getCurrentUrl()).isEqualTo(at + "/console/sessions");
      assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("read-only");
      browser.get(at + "/console/requests/drill-fanout");
      assertThat(browser.findElements(By.tagName("form"))).isEmpty();
      HttpResponse<String> post =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(at + "/console/requests/drill-fanout"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("f.leaves=3&mode=run"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(403);
      assertThat(post.body()).contains("read-only");
      assertThat(open.get("/api/sessions?all=true", null).body()).isEqualTo("[]");
    }
  }

  /** Runs one request through the API, as the CLI would, and answers its JSON. */
  private JsonNode api(String text) throws Exception {
    HttpResponse<String> answer =
        gateway.post("/api/requests", JSON.writeValueAsString(Map.of("text", text)), TOKEN);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
