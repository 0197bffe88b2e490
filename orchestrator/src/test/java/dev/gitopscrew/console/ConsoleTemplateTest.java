package dev.gitopscrew.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every console template parses (they are parsed when a page first needs them, so a broken one
 * would otherwise show only to the browser), and what a template shows is escaped as HTML.
 */
class ConsoleTemplateTest {

  @Test
  void everyTemplateParses() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/console"))) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(names).contains("base.html", "session.html", "tree.html");
    for (String name : names) {
      assertThat(new ConsoleTemplate("console/" + name).template()).as(name).isNotNull();
    }
  }

  @Test
  void whatAPageShowsIsEscapedAndAMissingValueIsAnError() {
    String page =
        new ConsoleTemplate("console/session-rows")
            .data(
                "rows",
                List.of(
                    new SessionRow(
                        7,
                        7,
                        "devops-sre",
                        "failed",
                        "discord",
                        "<img src=x onerror=alert(1)>",
                        "restart deployment/homepage in apps",
                        "2026-12-07 18:30:00 UTC",
                        "2 s",
                        "")))
            .render();
    assertThat(page)
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<img")
        .contains("href=\"/console/sessions/7\"");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ConsoleTemplate("console/session-rows").data("nothing", 1).render())
        .isInstanceOf(TemplateException.class);
  }
}
