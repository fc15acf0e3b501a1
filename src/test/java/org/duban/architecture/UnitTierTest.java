package org.duban.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The unit tier ({@code ./mvnw test -Dgroups=unit}) leaves the {@code @QuarkusTest} classes out by
 * their place (pom.xml, profile unit-tier): directly in org.duban, or one named there. A new one
 * elsewhere would make the unit tier build a Quarkus application again; this test says so first.
 */
@Tag("unit")
class UnitTierTest {

  /** The only @QuarkusTest classes outside org.duban itself; each is excluded by name in pom.xml. */
  static final Set<String> EXCLUDED_BY_NAME = Set.of("org.duban.measure.LightRuleSqlAgreementTest", "org.duban.measure.RollupSqlAgreementTest");

  static final JavaClasses TESTS =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("org.duban");

  static boolean isUnit(JavaClass c) {
    return c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals("unit")).orElse(false);
  }

  @Test
  void everyQuarkusTestIsWhereTheUnitTierLeavesItOut() {
    Set<String> elsewhere =
        TESTS.stream()
            .filter(c -> c.isAnnotatedWith(QuarkusTest.class))
            .filter(c -> !c.getPackageName().equals("org.duban"))
            .map(JavaClass::getName)
            .collect(Collectors.toSet());
    assertThat(elsewhere).as("@QuarkusTest classes outside org.duban (add them to the unit-tier excludes in pom.xml)")
        .isSubsetOf(EXCLUDED_BY_NAME);
  }

  @Test
  void noQuarkusTestIsTaggedUnitAndEveryOtherTestClassIs() {
    Set<String> quarkusAndUnit =
        TESTS.stream().filter(c -> c.isAnnotatedWith(QuarkusTest.class) && isUnit(c)).map(JavaClass::getName).collect(Collectors.toSet());
    assertThat(quarkusAndUnit).isEmpty();
    Set<String> untagged =
        TESTS.stream()
            .filter(c -> c.getSimpleName().endsWith("Test") && !c.getPackageName().equals("org.duban"))
            .filter(c -> !c.isAnnotatedWith(QuarkusTest.class) && !isUnit(c))
            .filter(c -> !c.isAnnotatedWith(com.tngtech.archunit.junit.AnalyzeClasses.class))
            .map(JavaClass::getName)
            .collect(Collectors.toSet());
    assertThat(untagged).as("plain test classes outside org.duban without @Tag(\"unit\")").isEmpty();
  }
}
