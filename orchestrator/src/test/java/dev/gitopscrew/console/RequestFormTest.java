package dev.gitopscrew.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.request.Drill;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A console form's values become the request the catalogue's typed door builds, and what a person
 * typed wrong is the catalogue's own words; the login sends a browser back inside the console only.
 */
class RequestFormTest {

  private static final RequestCatalogue CATALOGUE = RequestCatalogue.standard();

  private static MultivaluedMap<String, String> form(String... pairs) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private static Object request(String kind, boolean dryRun, String... pairs) {
    RequestForm f = RequestForm.of(CATALOGUE.kind(kind).orElseThrow(), form(pairs));
    return CATALOGUE.typed(f.kind().name(), f.typed(dryRun), Door.API, Map.of());
  }

  @Test
  void numbersFromTheFormAreTheDrillsNumbersAndBlanksTakeTheDefaults() {
    Drill drill = (Drill) request("drill fanout", false, "f.leaves", "6", "f.work", " 1500 ");
    assertThat(drill.leaves()).isEqualTo(6);
    assertThat(drill.workMs()).isEqualTo(1500);
  }

  @Test
  void aKindWithADryRunRunsItFirstAndForRealWhenAsked() {
    RequestForm scan =
        RequestForm.of(CATALOGUE.kind("scan").orElseThrow(), form("f.repository", "demo"));
    assertThat(scan.hasDryRun()).isTrue();
    assertThat(scan.inputs()).noneMatch(i -> i.name().equals("dryRun"));
    assertThat(((Scan) request("scan", true, "f.repository", "demo")).dryRun()).isTrue();
    assertThat(((Scan) request("scan", false, "f.repository", "demo")).dryRun()).isFalse();
  }

  @Test
  void keyValueLinesAreTheChangesFiles() {
    Change change =
        (Change)
            request(
                "change",
                false,
                "f.repository",
                "demo",
                "f.type",
                "fix",
                "f.title",
                "Run two whoami replicas",
                "f.files",
                "k8s/apps/whoami/replicas.yaml=replicas: 2\nk8s/apps/whoami/note.txt=a b c");
    assertThat(change.files())
        .containsOnlyKeys("k8s/apps/whoami/replicas.yaml", "k8s/apps/whoami/note.txt");
    assertThat(new String(change.files().get("k8s/apps/whoami/replicas.yaml"), UTF_8))
        .isEqualTo("replicas: 2");
    assertThat(new String(change.files().get("k8s/apps/whoami/note.txt"), UTF_8))
        .isEqualTo("a b c");
  }

  @Test
  void whatAPersonTypedWrongIsTheCataloguesOwnWords() {
    assertThatThrownBy(() -> request("drill fanout", false, "f.leaves", "six"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> request("scan", true))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("scan needs 'repository'");
  }

  @Test
  void theLoginSendsABrowserBackInsideTheConsoleOnly() {
    assertThat(LoginPage.safeNext("/console/audit?agent=qa-tester"))
        .isEqualTo("/console/audit?agent=qa-tester");
    assertThat(LoginPage.safeNext("https://evil.example/")).isEqualTo("/console/");
    assertThat(LoginPage.safeNext("//evil.example/console/")).isEqualTo("/console/");
    assertThat(LoginPage.safeNext("/console/\\\\evil.example")).isEqualTo("/console/");
    assertThat(LoginPage.safeNext("/console/login?next=/x")).isEqualTo("/console/");
    assertThat(LoginPage.safeNext(null)).isEqualTo("/console/");
  }
}
