package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per rule under {@code src/test/resources/fixtures}: each {@code fail*.yaml}, scanned
 * alone, draws the rule on exactly its lines marked {@code # expect}; each {@code pass*.yaml} draws
 * it nowhere. The fixtures are written from what the rule means (Polaris, kube-linter, kubescape,
 * the Pod Security Standards), including the cases those scanners agree on and we used to miss.
 */
class RuleFixturesTest {

  private static Path fixtures() {
    try {
      return Path.of(RuleFixturesTest.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyRuleHasAFailingAndAPassingFixture() throws IOException {
    for (Rule rule : Rule.values()) {
      Path dir = fixtures().resolve(rule.id());
      assertThat(dir).as(rule.id()).isDirectory();
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertThat(names).as(rule.id()).anyMatch(n -> n.startsWith("fail"));
        assertThat(names).as(rule.id()).anyMatch(n -> n.startsWith("pass"));
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> eachFixtureDrawsItsRuleExactlyOnItsMarkedLines() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      Path dir = fixtures().resolve(rule.id());
      if (!Files.isDirectory(dir)) {
        continue; // everyRuleHasAFailingAndAPassingFixture reports it
      }
      try (Stream<Path> files = Files.list(dir).sorted()) {
        for (Path file : files.toList()) {
          tests.add(
              DynamicTest.dynamicTest(
                  rule.id() + "/" + file.getFileName(), () -> check(rule, file)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(Rule rule, Path file) throws IOException {
    String text = Files.readString(file);
    String name = file.getFileName().toString();
    List<Integer> expected = new ArrayList<>();
    List<String> lines = Arrays.asList(text.split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("# expect")) {
        expected.add(i + 1);
      }
    }
    ScanReport report = Scanner.scan(ManifestTree.read(TreeFiles.of(name, text)), null);
    List<Integer> found =
        report.findings().stream()
            .filter(f -> f.rule().equals(rule.id()))
            .map(ScanFinding::line)
            .toList();
    assertThat(report.unreadable()).isEmpty();
    if (name.startsWith("fail")) {
      assertThat(expected).as("a failing fixture marks its lines").isNotEmpty();
      assertThat(found).as(rule.id() + " in " + name).containsExactlyInAnyOrderElementsOf(expected);
    } else {
      assertThat(expected).isEmpty();
      assertThat(found).as(rule.id() + " in " + name).isEmpty();
    }
  }
}
