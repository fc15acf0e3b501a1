package org.duban.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The floors of docs/architecture.md, checked on every build: each floor may use the floors below
 * it and never one above; no two packages depend on each other in a circle; one feature never uses
 * another (a feature is changed in its own folder). {@link ArchitectureRulesCanFailTest} shows the
 * rules do catch an arrow that runs back up.
 *
 * <pre>
 *   web                                   pages for people (Qute), uses everything below
 *   catalogue  dashboard  publicapi  reporting  supervision    the features, side by side, never each other
 *   scan                                  the engine: flags, lights, rounds, notices
 *   measure                               what is tracked: its rules (status, light), its life cycle
 *   evidence                              evidence files: the store, the owners' permission hook
 *   identity                              accounts, units, sign-in, sessions, tokens
 *   audit                                 the journal and the audit trail
 *   platform                              configuration, problems, paging, clock, roles, keys
 * </pre>
 */
@AnalyzeClasses(packages = "org.duban", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("unit")
public class ArchitectureTest {

  static final String ROOT = "org.duban";
  static final List<String> FEATURES = List.of("catalogue", "dashboard", "publicapi", "reporting", "supervision");

  /** Every class of the application is on a floor (a new top-level package must be given one). */
  @ArchTest
  static final ArchRule everyClassIsOnAFloor =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
          .that().resideInAPackage("org.duban..")
          .should().resideInAnyPackage(allFloors(ROOT))
          .because("each package is on one floor of docs/architecture.md");

  @ArchTest
  static final ArchRule floorsRunOneWay = floors(ROOT);

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("org.duban.(*)..").should().beFreeOfCycles().because("a circle of packages has no floor");

  @ArchTest
  static final ArchRule featuresStandApart = featuresStandApart(ROOT);

  /** The floors of the packages under {@code root} (the application's, or a probe's in the tests). */
  static ArchRule floors(String root) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("platform").definedBy(root + ".platform..")
        .layer("audit").definedBy(root + ".audit..")
        .layer("identity").definedBy(root + ".identity..")
        .layer("evidence").definedBy(root + ".evidence..")
        .layer("tracked").definedBy(root + ".measure..")
        .layer("engine").definedBy(root + ".scan..")
        .layer("features").definedBy(features(root))
        .layer("web").definedBy(root + ".web..")
        .whereLayer("web").mayNotBeAccessedByAnyLayer()
        .whereLayer("features").mayOnlyBeAccessedByLayers("web")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("features", "web")
        .whereLayer("tracked").mayOnlyBeAccessedByLayers("engine", "features", "web")
        .whereLayer("evidence").mayOnlyBeAccessedByLayers("tracked", "engine", "features", "web")
        .whereLayer("identity").mayOnlyBeAccessedByLayers("evidence", "tracked", "engine", "features", "web")
        .whereLayer("audit").mayOnlyBeAccessedByLayers("identity", "evidence", "tracked", "engine", "features", "web")
        .withOptionalLayers(true)
        .because("a floor uses only the floors below it (docs/architecture.md)");
  }

  static ArchRule featuresStandApart(String root) {
    List<ArchRule> rules =
        FEATURES.stream()
            .map(feature -> (ArchRule) noClasses().that().resideInAPackage(root + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                    FEATURES.stream().filter(other -> !other.equals(feature)).map(other -> root + "." + other + "..").toArray(String[]::new))
                .because("a feature is changed in its own folder; what two features share lives on a floor below")
                .allowEmptyShould(true))
            .toList();
    return CompositeArchRule.of(rules);
  }

  static String[] features(String root) {
    return FEATURES.stream().map(f -> root + "." + f + "..").toArray(String[]::new);
  }

  static String[] allFloors(String root) {
    List<String> floors = new java.util.ArrayList<>();
    for (String floor : List.of("platform", "audit", "identity", "evidence", "measure", "scan", "web")) {
      floors.add(root + "." + floor + "..");
    }
    floors.addAll(List.of(features(root)));
    return floors.toArray(String[]::new);
  }
}
