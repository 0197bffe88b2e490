package dev.gitopscrew.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.gitopscrew.channel.ChatChannel;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.Issues;
import dev.gitopscrew.forge.LocalMerges;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.PullRequests;
import dev.gitopscrew.model.ModelProvider;
import java.util.List;

/**
 * The ports (the forge and its capabilities, the chat channel, the cluster, the model provider) and
 * their adapters: an adapter offers what its port promises or leaves the capability out, and no
 * caller looks behind a port for the adapter or for a capability the port does not hand out.
 */
final class PortRules {

  private PortRules() {}

  static final List<Class<?>> PORTS =
      List.of(
          Forge.class,
          Issues.class,
          PullRequests.class,
          MilestonesAndReleases.class,
          LocalMerges.class,
          ChatChannel.class,
          Cluster.class,
          ModelProvider.class);

  /**
   * Where adapters are built by their class: the composition root, and the model providers' factory
   * (one adapter per provider {@code api}, which the root calls).
   */
  static final List<String> COMPOSITION =
      List.of("dev.gitopscrew.assembly", "dev.gitopscrew.model.adapters");

  static boolean portType(JavaClass c) {
    return PORTS.stream().anyMatch(c::isAssignableTo);
  }

  /** A class implementing a port: an adapter, or a decorator in the port's own package. */
  static boolean implementsPort(JavaClass c) {
    return !c.isInterface() && portType(c);
  }

  /** An adapter: implements a port from outside the port's package (decorators live in it). */
  static boolean adapter(JavaClass c) {
    return !c.isInterface()
        && PORTS.stream()
            .anyMatch(
                p -> c.isAssignableTo(p) && !c.getPackageName().equals(p.getPackage().getName()));
  }

  static final DescribedPredicate<JavaClass> PORT_IMPLEMENTATIONS =
      DescribedPredicate.describe(
          "implement a port or are nested in a class that does",
          c ->
              implementsPort(c)
                  || c.getEnclosingClass().map(PortRules::implementsPort).orElse(false));

  /** Rule 1: a missing capability is an empty Optional, not a method that throws. */
  static final ArchRule NO_UNSUPPORTED =
      noClasses()
          .that(PORT_IMPLEMENTATIONS)
          .should()
          .callConstructorWhere(
              DescribedPredicate.describe(
                  "the constructor of UnsupportedOperationException",
                  call ->
                      call.getTargetOwner().isAssignableTo(UnsupportedOperationException.class)))
          .because(
              "a port adapter offers what its port promises; a capability it lacks is an empty"
                  + " Optional (Forge.releases(), Forge.localMerges())");

  /** Rule 2a: no {@code instanceof} (nor pattern match) on a port or an adapter type. */
  static final ArchRule NO_INSTANCEOF_ON_PORTS =
      classes()
          .should(
              new ArchCondition<JavaClass>("test no value for a port or adapter type") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  for (JavaCodeUnit unit : c.getCodeUnits()) {
                    for (InstanceofCheck check : unit.getInstanceofChecks()) {
                      if (portType(check.getRawType())) {
                        events.add(
                            SimpleConditionEvent.violated(
                                check,
                                c.getName()
                                    + " tests for "
                                    + check.getRawType().getName()
                                    + " "
                                    + check.getSourceCodeLocation()
                                    + ": ask the port for the capability instead"));
                      }
                    }
                  }
                }
              });

  /**
   * Rule 2b: an adapter class is named only in its own package and where adapters are built, so no
   * caller can cast a port to it (a cast names its type). ArchUnit does not import casts
   * themselves, and the compiler writes the same cast for every generic call.
   */
  static final ArchRule ADAPTERS_NAMED_ONLY_BY_THE_ROOT =
      classes()
          .should(
              new ArchCondition<JavaClass>(
                  "name an adapter only from its own package or the composition root") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  if (COMPOSITION.contains(c.getPackageName())) {
                    return;
                  }
                  for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (adapter(target) && !target.getPackageName().equals(c.getPackageName())) {
                      events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                  }
                }
              });

  /**
   * Rule 2c: a class implements one port capability (with what it extends), so that a cast from one
   * capability to another cannot succeed: a forge hands out its milestones and releases and its
   * local merges as Optionals, never as another face of itself.
   */
  static final ArchRule ONE_CAPABILITY_PER_CLASS =
      classes()
          .that(DescribedPredicate.describe("implement a port", PortRules::implementsPort))
          .should(
              new ArchCondition<JavaClass>("implement one port capability") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  List<Class<?>> own = PORTS.stream().filter(c::isAssignableTo).toList();
                  List<Class<?>> widest =
                      own.stream()
                          .filter(p -> own.stream().noneMatch(q -> q != p && p.isAssignableFrom(q)))
                          .toList();
                  if (widest.size() > 1) {
                    events.add(
                        SimpleConditionEvent.violated(
                            c, c.getName() + " implements " + widest + ": one capability each"));
                  }
                }
              });
}
