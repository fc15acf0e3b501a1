package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.PatchMeasureRequest;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 400 names the field the way a client wrote it: {@code milestones[1].title}, {@code coUnits[0]},
 * whether Bean Validation or Jackson found the fault (the request's own path, not Java's).
 */
@Tag("unit")
class FieldPathTest {

  static final Validator VALIDATOR =
      Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

  static PatchMeasureRequest patch(List<String> coUnits, List<MilestoneInput> milestones) {
    return new PatchMeasureRequest(null, null, null, null, null, coUnits, null, milestones, null, null, null, null);
  }

  static List<String> fields(Object request) {
    Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
    return violations.stream().map(RequestErrorMappers::fieldOf).sorted().toList();
  }

  @Test
  void aNestedPropertyIsNamedWithItsIndex() {
    List<MilestoneInput> milestones =
        List.of(new MilestoneInput("立项", LocalDate.of(2021, 6, 30), null, null), new MilestoneInput(" ", LocalDate.of(2021, 9, 30), null, null));
    assertThat(fields(patch(null, milestones))).containsExactly("milestones[1].title");
  }

  @Test
  void anElementOfAListOfTextsIsNamedByIndex() {
    List<String> co = new ArrayList<>();
    co.add("fy");
    co.add("");
    assertThat(fields(patch(co, null))).containsExactly("coUnits[1]");
  }

  @Test
  void aTopLevelPropertyIsItsName() {
    PatchMeasureRequest blankTitle = new PatchMeasureRequest(null, "   ", null, null, null, null, null, null, null, null, null, null);
    assertThat(fields(blankTitle)).containsExactly("title");
  }

  @Test
  void jacksonsPathReadsTheSameWay() {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    JsonMappingException e =
        catchThrowableOfType(JsonMappingException.class,
            () -> json.readValue("{\"milestones\":[{\"title\":\"a\"},{\"title\":\"b\",\"dueDate\":\"2021-02-30\"}]}", PatchMeasureRequest.class));
    assertThat(RequestErrorMappers.pathOf(e)).isEqualTo("milestones[1].dueDate");
    JsonMappingException top =
        catchThrowableOfType(JsonMappingException.class, () -> json.readValue("{\"startDate\":\"soon\"}", PatchMeasureRequest.class));
    assertThat(RequestErrorMappers.pathOf(top)).isEqualTo("startDate");
  }
}
