package org.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The password rules: length, three kinds of characters, not a common password, not the user name. */
@Tag("unit")
class PasswordPolicyTest {

  final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void aLongMixedPasswordPasses() {
    assertThat(policy.problems("office", "test-Passw0rd!")).isEmpty();
    assertThat(policy.problems("office", "川流不息-Harbour-2021")).isEmpty();
  }

  @Test
  void theLengthIsCheckedFirstAndAlone() {
    assertThat(policy.problems("office", "aB1!aB1!aB1")).containsExactly("must be at least 12 characters");
    assertThat(policy.problems("office", null)).containsExactly("must be at least 12 characters");
    assertThat(policy.problems("office", "aB1!".repeat(32))).isEmpty(); // 128
    assertThat(policy.problems("office", "aB1!".repeat(32) + "x")).containsExactly("must be at most 128 characters");
  }

  @Test
  void twoKindsOfCharactersAreNotEnough() {
    assertThat(policy.problems("office", "lowercaseandupper".toLowerCase() + "ABC"))
        .containsExactly("must mix at least 3 of: lower-case letters, upper-case letters, digits, other characters");
    assertThat(policy.problems("office", "abcdefgh1234xyz")).hasSize(1);
    assertThat(policy.problems("office", "abcdefgh1234xyZ")).isEmpty();
  }

  @Test
  void aCommonPasswordIsRefusedUnderItsDecorations() {
    assertThat(policy.problems("office", "Password1234!")).containsExactly("is too common");
    assertThat(policy.problems("office", "2021!Qwertyuiop")).containsExactly("is too common");
  }

  @Test
  void theUserNameInsideIsRefusedWhateverItsCase() {
    assertThat(policy.problems("zhangwei", "My-ZhangWei-2021")).containsExactly("must not contain the user name");
    assertThat(policy.problems("li", "My-Li-2021-pass")).isEmpty(); // names under 3 characters are not looked for
  }
}
