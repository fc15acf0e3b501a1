package org.duban.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.duban.architecture.probe.dashboard.UsesAnotherFeature;
import org.duban.architecture.probe.platform.ReachesUp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The floor rules are not vacuous: a class on the platform floor that uses the web floor, and a
 * feature that uses another feature, are each caught. The probes live under the test sources (in
 * packages that the rules map onto the real floors), never in the application.
 */
@Tag("unit")
class ArchitectureRulesCanFailTest {

  @Test
  void anArrowThatRunsBackUpFailsTheFloors() {
    JavaClasses classes = new ClassFileImporter().importClasses(ReachesUp.class, org.duban.architecture.probe.web.SomePage.class);
    assertThatThrownBy(() -> ArchitectureTest.floors("org.duban.architecture.probe").check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ReachesUp");
  }

  @Test
  void aFeatureUsingAnotherFails() {
    JavaClasses classes = new ClassFileImporter().importClasses(UsesAnotherFeature.class, org.duban.architecture.probe.publicapi.Other.class);
    assertThatThrownBy(() -> ArchitectureTest.featuresStandApart("org.duban.architecture.probe").check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesAnotherFeature");
  }
}
