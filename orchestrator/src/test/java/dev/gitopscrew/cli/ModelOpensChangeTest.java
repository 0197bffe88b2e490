package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.git.DemoRepository;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 20's acceptance: against an OpenAI-compatible double speaking chat completions, "update the
 * README of demo to mention the grafana dashboard and open a PR" makes the model read the README,
 * then open one pull request with the agent's footprints through the Git workflow; the audit trail
 * lists the push, the issue, the comment and the pull request with the asker; and a follow-up at
 * the same command line, "label it type:docs", labels that pull request.
 */
class ModelOpensChangeTest {

  static final String PATH = OpenRouterCrew.PATH;
  static final String ASK =
      "update the README of demo to mention the grafana dashboard and open a PR";
  static final String FOLLOW_UP = "label it type:docs";
  static final String DASHBOARD_LINE =
      "- The Grafana dashboard (`k8s/apps/grafana/`) shows the homelab's health at a glance.";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final OpenRouterCrew model = new OpenRouterCrew();

  @Test
  void theModelReadsTheReadmeOpensOnePullRequestAndAFollowUpLabelsIt() throws Exception {
    String readme = seededReadme();
    String updated =
        readme.replace(
            "- `k8s/apps/<name>/` holds each application's Kustomize base.\n",
            "- `k8s/apps/<name>/` holds each application's Kustomize base.\n"
                + DASHBOARD_LINE
                + "\n");
    assertThat(updated).isNotEqualTo(readme);
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing(ASK))
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                completion(
                    toolCalls(
                        "gen-1733300001-readme",
                        1864,
                        41,
                        "call_read_readme_01",
                        "read_file",
                        args(Map.of("repository", "demo", "path", "README.md"))))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_read_readme_01"))
            .withRequestBody(notContaining("call_change_readme_02"))
            .willReturn(
                completion(
                    toolCalls(
                        "gen-1733300002-change",
                        2412,
                        388,
                        "call_change_readme_02",
                        "change",
                        args(
                            Map.of(
                                "repository",
                                "demo",
                                "title",
                                "Mention the Grafana dashboard in the README",
                                "files",
                                Map.of("README.md", updated),
                                "type",
                                "docs",
                                "summary",
                                "The README now points readers at the Grafana dashboard."))))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_change_readme_02"))
            .willReturn(
                completion(
                    words(
                        "gen-1733300003-done",
                        "I read demo's README and opened a pull request that mentions the Grafana"
                            + " dashboard."))));

    CliRun first = model.crew("ask", ASK);

    assertThat(first.status()).as(first.all()).isZero();
    List<LoggedRequest> sent = model.requests();
    assertThat(sent).as(first.all()).hasSize(3);
    sent.forEach(
        r ->
            assertThat(r.getHeader("Authorization"))
                .isEqualTo("Bearer " + ModelAskTest.OPENROUTER_KEY));
    assertThat(sent.get(0).getBodyAsString())
        .contains("\"name\":\"read_file\"")
        .contains("\"name\":\"change\"")
        .contains("\"name\":\"label\"")
        .contains(ASK)
        .doesNotContain("Kustomize base");
    String round2 = sent.get(1).getBodyAsString();
    assertThat(round2)
        .contains("\"tool_call_id\":\"call_read_readme_01\"")
        .contains("succeeded: README.md of demo at main (")
        .contains(JSON.writeValueAsString(readme).replaceAll("^\"|\"$", ""));
    assertThat(sent.get(2).getBodyAsString())
        .contains("\"tool_call_id\":\"call_change_readme_02\"")
        .contains("succeeded (change demo");
    assertThat(first.out())
        .contains("I read demo's README and opened a pull request")
        .contains("- read_file succeeded: README.md of demo at main (")
        .contains("- change → ")
        .containsPattern("(?m)^  #2 software-engineer \\[succeeded\\] change demo");

    JsonNode forge = JSON.readTree(model.crew("forge", "list", "--json").out());
    JsonNode pulls = forge.get("pullRequests");
    assertThat(pulls).as(forge.toPrettyString()).hasSize(1);
    JsonNode pull = pulls.get(0);
    int pr = pull.get("number").asInt();
    JsonNode issues = forge.get("issues");
    assertThat(issues).hasSize(1);
    int issue = issues.get(0).get("number").asInt();
    String branch = pull.get("branch").asText();
    assertThat(branch).startsWith("software-engineer/docs/" + issue + "-mention-the-grafana");
    assertThat(pull.get("baseBranch").asText()).isEqualTo("main");
    assertThat(pull.get("state").asText()).isEqualTo("OPEN");
    assertThat(texts(pull.get("labels"))).contains("agent:software-engineer", "type:docs");
    assertThat(pull.get("body").asText())
        .startsWith("Closes #" + issue)
        .endsWith("---\nAgent: software-engineer | GitOps Crew");
    assertThat(readmeOn(branch)).contains(DASHBOARD_LINE).isEqualTo(updated);
    assertThat(readmeOn("main")).isEqualTo(readme);

    CliRun audit = model.crew("audit", "--session", "1");
    assertThat(audit.status()).as(audit.all()).isZero();
    // The command line's channel and its user, as every audit line of this ask names them.
    String user = System.getProperty("user.name");
    String asker = "(cli, " + user + ")";
    assertThat(audit.out())
        .containsPattern(
            "(?m)^.* session #2 software-engineer \\Q"
                + asker
                + "\\E git\\.push demo:"
                + branch
                + " ok")
        .containsPattern(
            "(?m)^.* session #2 software-engineer \\Q"
                + asker
                + "\\E forge\\.issue\\.create demo .* ok -> local://demo/issues/"
                + issue)
        .containsPattern(
            "(?m)^.* session #2 software-engineer \\Q"
                + asker
                + "\\E forge\\.comment\\.create demo#"
                + issue
                + " ")
        .containsPattern(
            "(?m)^.* session #2 software-engineer \\Q"
                + asker
                + "\\E forge\\.pr\\.create demo "
                + branch
                + " -> main ok -> local://demo/pulls/"
                + pr
                + "$");
    assertThat(audit.out().lines())
        .as("one issue, one comment, one push, one pull request")
        .hasSize(4);
    assertThat(audit.out().lines()).allMatch(line -> line.contains(" " + asker + " "));

    // The follow-up: the double answers the second conversation knowing what the first made.
    model.server.resetMappings();
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing(FOLLOW_UP))
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                completion(
                    toolCalls(
                        "gen-1733300004-label",
                        2630,
                        36,
                        "call_label_03",
                        "label",
                        args(
                            Map.of(
                                "repository", "demo", "pullRequest", pr, "label", "type:docs"))))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_label_03"))
            .willReturn(
                completion(
                    words("gen-1733300005-labelled", "Pull request #" + pr + " is labelled."))));

    CliRun second = model.crew("ask", FOLLOW_UP);

    assertThat(second.status()).as(second.all()).isZero();
    List<LoggedRequest> all = model.requests();
    assertThat(all).as(second.all()).hasSize(5);
    String followUp = all.get(3).getBodyAsString();
    assertThat(followUp)
        .contains("{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(ASK) + "}")
        .contains("I read demo's README and opened a pull request")
        .contains("pull request #" + pr + " local://demo/pulls/" + pr + " (opened)")
        .contains("{\"role\":\"user\",\"content\":\"" + FOLLOW_UP + "\"}");
    assertThat(followUp.indexOf("pulls/" + pr)).isLessThan(followUp.indexOf(FOLLOW_UP));
    assertThat(all.get(4).getBodyAsString())
        .contains("\"tool_call_id\":\"call_label_03\"")
        .contains("succeeded (label demo#" + pr + " type:docs");
    assertThat(second.out())
        .contains("Memory: 1 earlier turn(s) of cli:" + user)
        .contains("Pull request #" + pr + " is labelled.")
        .containsPattern("\\[succeeded\\] label demo#" + pr + " type:docs");

    CliRun listed = model.crew("forge", "list");
    assertThat(listed.out())
        .as(listed.all())
        .containsPattern("(?m)^  #" + pr + " \\[open\\] .*  " + branch + " -> main  \\[.*type:docs")
        .contains("Pull requests:");
    JsonNode after = JSON.readTree(model.crew("forge", "list", "--json").out()).get("pullRequests");
    assertThat(after).hasSize(1);
    assertThat(texts(after.get(0).get("labels"))).contains("type:docs", "agent:software-engineer");

    // The footprint of a docs change already carries type:docs, so the label set alone cannot tell
    // the follow-up acted: its audited effect on this pull request does.
    CliRun labelAudit = model.crew("audit");
    assertThat(labelAudit.out())
        .as(labelAudit.all())
        .containsPattern(
            "(?m)^.* request #3 session #4 software-engineer \\Q"
                + asker
                + "\\E forge\\.labels\\.add demo pull request #"
                + pr
                + " \\[type:docs\\] ok");

    for (String out :
        List.of(
            first.all(),
            second.all(),
            audit.all(),
            labelAudit.all(),
            listed.all(),
            model.crew("audit", "--json").all(),
            model.crew("sessions", "show", "1", "--json").all(),
            model.crew("sessions", "show", "3", "--json").all())) {
      assertThat(out).doesNotContain(ModelAskTest.OPENROUTER_KEY);
    }
  }

  static String seededReadme() throws Exception {
    try (InputStream in = DemoRepository.class.getResourceAsStream("demo/README.md")) {
      assertThat(in).as("the seeded demo README").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  String readmeOn(String branch) throws Exception {
    try (Repository repo =
            new FileRepositoryBuilder()
                .setGitDir(model.state().resolve("repositories/demo.git").toFile())
                .setBare()
                .build();
        RevWalk walk = new RevWalk(repo)) {
      ObjectId head = repo.resolve("refs/heads/" + branch);
      assertThat(head).as(branch).isNotNull();
      RevCommit commit = walk.parseCommit(head);
      try (TreeWalk file = TreeWalk.forPath(repo, "README.md", commit.getTree())) {
        assertThat(file).as("README.md on " + branch).isNotNull();
        return new String(repo.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static String args(Map<String, Object> arguments) throws Exception {
    return JSON.writeValueAsString(arguments);
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  /** A complete chat completion whose assistant message calls one function. */
  static String toolCalls(
      String id, int promptTokens, int completionTokens, String callId, String name, String args)
      throws Exception {
    return """
        {
          "id": "%s",
          "provider": "StepFun",
          "model": "stepfun/step-3.5-flash:free",
          "object": "chat.completion",
          "created": 1733300001,
          "system_fingerprint": null,
          "choices": [ {
            "logprobs": null,
            "finish_reason": "tool_calls",
            "native_finish_reason": "tool_calls",
            "index": 0,
            "message": {
              "role": "assistant",
              "content": "",
              "refusal": null,
              "reasoning": null,
              "tool_calls": [ {
                "id": "%s",
                "index": 0,
                "type": "function",
                "function": { "name": "%s", "arguments": %s }
              } ]
            }
          } ],
          "usage": { "prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d }
        }
        """
        .formatted(
            id,
            callId,
            name,
            JSON.writeValueAsString(args),
            promptTokens,
            completionTokens,
            promptTokens + completionTokens);
  }

  /** A complete chat completion that answers in words. */
  static String words(String id, String content) throws Exception {
    return """
        {
          "id": "%s",
          "provider": "StepFun",
          "model": "stepfun/step-3.5-flash:free",
          "object": "chat.completion",
          "created": 1733300009,
          "system_fingerprint": null,
          "choices": [ {
            "logprobs": null,
            "finish_reason": "stop",
            "native_finish_reason": "stop",
            "index": 0,
            "message": { "role": "assistant", "content": %s, "refusal": null, "reasoning": null }
          } ],
          "usage": { "prompt_tokens": 2790, "completion_tokens": 24, "total_tokens": 2814 }
        }
        """
        .formatted(id, JSON.writeValueAsString(content));
  }
}
