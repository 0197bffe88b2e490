package dev.gitopscrew.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of PRODUCT.md section 1, checked on the compiled classes: modules import only
 * downwards, packages form no cycle, each library stays inside its adapter package, and each
 * module's pom declares exactly the modules it imports.
 */
class ArchitectureTest {

  /** Each module and the modules it may import, in the order of the product's module table. */
  static final Map<String, Set<String>> MAY_IMPORT =
      Map.of(
          "orchestrator", Set.of("roles", "release", "incident", "git-workflow"),
          "roles", Set.of("release", "incident", "git-workflow"),
          "release", Set.of("git-workflow"),
          "incident", Set.of("git-workflow"),
          "git-workflow", Set.of());

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the git-workflow test jar (shared test doubles) is test code too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.gitopscrew");
  }

  /** The module a class was compiled in, from where its class file lives. */
  static Optional<String> moduleOf(JavaClass c) {
    return c.getSource()
        .map(s -> s.getUri().toString())
        .flatMap(
            uri -> {
              for (String module : MAY_IMPORT.keySet()) {
                if (uri.contains("/" + module + "/target/")
                    || uri.contains("/" + module + "-0.1.0-SNAPSHOT")) {
                  return Optional.of(module);
                }
              }
              return Optional.empty();
            });
  }

  @Test
  void everyModuleIsFound() {
    Set<String> found = new TreeSet<>();
    classes.forEach(c -> moduleOf(c).ifPresent(found::add));
    Set<String> withCode = new TreeSet<>();
    MAY_IMPORT.keySet().stream()
        .filter(m -> Files.isDirectory(Path.of("..", m, "src/main/java")))
        .forEach(withCode::add);
    assertThat(found).isEqualTo(withCode);
  }

  static final ArchCondition<JavaClass> IMPORT_ONLY_DOWNWARDS =
      new ArchCondition<>("import only modules below their own") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          Optional<String> from = moduleOf(c);
          if (from.isEmpty()) {
            return;
          }
          for (Dependency d : c.getDirectDependenciesFromSelf()) {
            Optional<String> to = moduleOf(d.getTargetClass());
            if (to.isPresent()
                && !to.get().equals(from.get())
                && !MAY_IMPORT.get(from.get()).contains(to.get())) {
              events.add(
                  SimpleConditionEvent.violated(
                      d, from.get() + " imports " + to.get() + ": " + d.getDescription()));
            }
          }
        }
      };

  @Test
  void modulesImportOnlyDownwards() {
    classes().should(IMPORT_ONLY_DOWNWARDS).check(classes);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.gitopscrew.(**)").should().beFreeOfCycles().check(classes);
  }

  /** Issue "The house": an adapter throws no 'unsupported'. */
  @Test
  void noPortAdapterThrowsUnsupportedOperation() {
    PortRules.NO_UNSUPPORTED.check(classes);
  }

  /**
   * Issue "The house": no caller downcasts a port, to its adapter or to another capability. No
   * {@code instanceof} on a port type; only the composition root names an adapter (as a cast must);
   * and one capability per class, so a cast between capabilities cannot succeed.
   */
  @Test
  void noPortIsTestedForItsType() {
    PortRules.NO_INSTANCEOF_ON_PORTS.check(classes);
  }

  @Test
  void onlyTheCompositionRootNamesAnAdapter() {
    PortRules.ADAPTERS_NAMED_ONLY_BY_THE_ROOT.check(classes);
  }

  @Test
  void eachClassImplementsOnePortCapability() {
    PortRules.ONE_CAPABILITY_PER_CLASS.check(classes);
  }

  static final List<ArchRule> CONFINED =
      List.of(
          library("org.kohsuke.github..", "dev.gitopscrew.forge.github.."),
          library("org.eclipse.microprofile.rest.client..", "dev.gitopscrew.forge.azure.."),
          library("io.fabric8..", "dev.gitopscrew.cluster.fabric8.."),
          library("net.dv8tion..", "dev.gitopscrew.channel.discord.."),
          library("org.eclipse.jgit..", "dev.gitopscrew.git.."),
          library("io.modelcontextprotocol..", "dev.gitopscrew.mcp.sdk.."));

  private static ArchRule library(String library, String adapter) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(adapter)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .because(library + " is used behind its adapter in " + adapter + " only");
  }

  @Test
  void librariesStayInsideTheirAdapters() {
    CONFINED.forEach(rule -> rule.check(classes));
  }

  @Test
  void theDomainImportsNoFrameworkOrLibraryTypes() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.gitopscrew.roles..", "dev.gitopscrew.request..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.kohsuke..",
            "io.fabric8..",
            "net.dv8tion..",
            "org.eclipse.jgit..",
            "io.modelcontextprotocol..",
            "io.quarkus..",
            "jakarta.ws.rs..")
        .check(classes);
  }

  /**
   * The store's Jdbi layer: the state store's package (the store, its migrations, the group-commit
   * writer and the stores kept there) and the Jdbi stores kept beside the feature they serve.
   */
  static final String STORE = "dev.gitopscrew.store..";

  static final Set<String> JDBI_STORES =
      Set.of(
          "dev.gitopscrew.session.JdbcSessionRepository",
          "dev.gitopscrew.session.Approvals",
          "dev.gitopscrew.audit.JdbcAuditLog",
          "dev.gitopscrew.audit.ConsoleReads",
          "dev.gitopscrew.channel.ChatRequests",
          "dev.gitopscrew.model.ConversationMemory");

  /** Outside the Jdbi layer on purpose, each with its reason in docs/architecture.md. */
  static final Set<String> JDBC_EXCEPTIONS = Set.of("dev.gitopscrew.gateway.StoreErrors");

  private static boolean inJdbiLayer(JavaClass c) {
    String top = c.getName().replaceFirst("\\$.*", "");
    return c.getPackageName().startsWith("dev.gitopscrew.store")
        || JDBI_STORES.contains(top)
        || JDBC_EXCEPTIONS.contains(top);
  }

  @Test
  void onlyTheStoresJdbiLayerUsesJavaSql() {
    noClasses()
        .that(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are outside the store's Jdbi layer", c -> !inJdbiLayer(c)))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.sql..")
        .because(
            "the database is reached one way, through Jdbi in the store's layer (and the"
                + " group-commit writer's own connection); see docs/architecture.md")
        .check(classes);
  }

  /**
   * The CLI and the gateway get their stores from the composition root ({@code assembly}: {@code
   * Crew}, {@code ReadModels}); they never build one, so there is one place where the object graph
   * is wired.
   */
  @Test
  void theCliAndTheGatewayConstructNoStore() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.gitopscrew.cli..", "dev.gitopscrew.gateway..")
        .should()
        .callConstructorWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a store of the Jdbi layer",
                call -> {
                  JavaClass owner = call.getTargetOwner();
                  return inJdbiLayer(owner)
                      && !JDBC_EXCEPTIONS.contains(owner.getName())
                      && (owner.getSimpleName().startsWith("Jdbc")
                          || JDBI_STORES.contains(owner.getName())
                          || owner.getSimpleName().equals("StateStore"));
                }))
        .because("stores are wired by the composition root (assembly) only")
        .check(classes);
  }

  /**
   * The gateway sees the store only as {@code StoreHealth} (readiness, what a failure means); its
   * data comes through the crew's read models and use cases.
   */
  @Test
  void theGatewayReachesTheStoreOnlyThroughItsHealth() {
    noClasses()
        .that()
        .resideInAPackage("dev.gitopscrew.gateway..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.gitopscrew.store.StateStore")
        .because("the gateway gets the store's health, not the store, from the composition root")
        .check(classes);
  }

  @Test
  void theJdbiLayerNamesOnlyClassesThatExist() {
    Set<String> names = new TreeSet<>();
    classes.forEach(c -> names.add(c.getName()));
    assertThat(names).containsAll(JDBI_STORES).containsAll(JDBC_EXCEPTIONS);
  }

  private static final Pattern MODULE_DEPENDENCY =
      Pattern.compile(
          "<dependency>\\s*<groupId>dev\\.gitopscrew</groupId>\\s*<artifactId>([a-z-]+)</artifactId>"
              + "(?:(?!</dependency>).)*</dependency>",
          Pattern.DOTALL);

  @Test
  void eachPomDeclaresExactlyTheModulesItsCodeImports() throws IOException {
    Map<String, Set<String>> imported = new TreeMap<>();
    MAY_IMPORT.keySet().forEach(m -> imported.put(m, new TreeSet<>()));
    for (JavaClass c : classes) {
      Optional<String> from = moduleOf(c);
      from.ifPresent(
          m ->
              c.getDirectDependenciesFromSelf()
                  .forEach(
                      d ->
                          moduleOf(d.getTargetClass())
                              .filter(to -> !to.equals(m))
                              .ifPresent(imported.get(m)::add)));
    }
    Map<String, Set<String>> declared = new TreeMap<>();
    for (String module : MAY_IMPORT.keySet()) {
      String pom = Files.readString(Path.of("..", module, "pom.xml"));
      Set<String> modules = new TreeSet<>();
      Matcher m = MODULE_DEPENDENCY.matcher(pom);
      while (m.find()) {
        boolean testOnly = m.group().contains("<scope>test</scope>");
        // skills holds SKILL.md resources, not classes: it is declared, never imported
        if (!testOnly && !m.group(1).equals("skills")) {
          modules.add(m.group(1));
        }
      }
      declared.put(module, modules);
    }
    assertThat(declared).isEqualTo(imported);
  }
}
