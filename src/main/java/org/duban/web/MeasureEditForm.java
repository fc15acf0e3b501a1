package org.duban.web;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.duban.catalogue.CatalogueFormat;
import org.duban.measure.Area;
import org.duban.measure.dto.CreateMeasureRequest;
import org.duban.measure.dto.MeasureView;
import org.duban.measure.dto.MilestoneInput;
import org.duban.measure.dto.PatchMeasureRequest;
import org.duban.measure.dto.TargetInput;
import org.duban.measure.dto.UnitRef;
import org.duban.platform.Problem;

/**
 * The new-measure and edit-measure form: the values as the reader typed them (kept on every
 * refusal), each field's error in the reader's language, and, after a stale save (412), the values
 * someone else saved meanwhile beside the reader's own. Milestones and targets are one line each in
 * the catalogue's line format ({@link CatalogueFormat#milestone}, {@link CatalogueFormat#target}).
 */
@TemplateData
public final class MeasureEditForm {

  static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9-]{1,15}$");
  static final String MILESTONE_SHAPE = "截止日期 | 事项 | 完成日期 | 说明";
  static final String TARGET_SHAPE = "指标 | 目标值 | 单位 | 截止日期 | 实际值 | 说明";
  /** The text fields, in the form's order (coUnits are the checked boxes). */
  static final List<String> FIELDS = List.of("code", "area", "title", "summary", "sourceQuote", "leadUnit", "leadUnitInferred",
      "coUnits", "startDate", "deadline", "milestones", "targets", "assumptions", "notes");

  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> coUnits = new ArrayList<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<String, String> current = new LinkedHashMap<>();
  private String version = "";

  private MeasureEditForm() {}

  /** An empty form for a new measure. */
  static MeasureEditForm empty() {
    MeasureEditForm f = new MeasureEditForm();
    FIELDS.forEach(k -> f.values.put(k, ""));
    return f;
  }

  /** The form as a measure is now. */
  static MeasureEditForm of(MeasureView m) {
    MeasureEditForm f = empty();
    f.values.put("code", m.code());
    f.values.put("area", m.area().name());
    f.values.put("title", nz(m.title()));
    f.values.put("summary", nz(m.summary()));
    f.values.put("sourceQuote", nz(m.sourceQuote()));
    f.values.put("leadUnit", m.leadUnit().code());
    f.values.put("leadUnitInferred", m.leadUnitInferred() ? "true" : "");
    m.coUnits().stream().map(UnitRef::code).sorted().forEach(f.coUnits::add);
    f.values.put("coUnits", String.join("、", f.coUnits));
    f.values.put("startDate", String.valueOf(m.startDate()));
    f.values.put("deadline", String.valueOf(m.deadline()));
    List<String> ms = new ArrayList<>();
    m.milestones().forEach(x -> ms.add(CatalogueFormat.milestoneLine(new MilestoneInput(x.title(), x.dueDate(), x.doneOn(), x.assumption()))));
    f.values.put("milestones", String.join("\n", ms));
    List<String> ts = new ArrayList<>();
    m.targets().forEach(t -> ts.add(CatalogueFormat.targetLine(
        new TargetInput(t.description(), t.targetValue(), t.unitLabel(), t.dueDate(), t.actualValue(), t.assumption()))));
    f.values.put("targets", String.join("\n", ts));
    f.values.put("assumptions", String.join("\n", m.assumptions()));
    f.values.put("notes", nz(m.notes()));
    f.version = Long.toString(m.version());
    return f;
  }

  /** The form as posted (the values kept exactly, so a refusal shows them again). */
  static MeasureEditForm posted(Map<String, List<String>> form) {
    MeasureEditForm f = empty();
    for (String k : FIELDS) {
      List<String> v = form.get(k);
      if (v != null && !v.isEmpty() && !"coUnits".equals(k)) {
        f.values.put(k, nz(v.get(0)).replace("\r\n", "\n"));
      }
    }
    List<String> co = form.get("coUnits");
    if (co != null) {
      co.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().sorted().forEach(f.coUnits::add);
    }
    f.values.put("coUnits", String.join("、", f.coUnits));
    List<String> v = form.get("version");
    f.version = v == null || v.isEmpty() ? "" : nz(v.get(0)).strip();
    return f;
  }

  // ---- what the template reads ----

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public String error(String field) {
    return errors.get(field);
  }

  /** Someone else's value of a field that differs from the reader's (only after a stale save). */
  public String current(String field) {
    return current.get(field);
  }

  public boolean hasCo(String unit) {
    return coUnits.contains(unit);
  }

  public boolean inferred() {
    return !value("leadUnitInferred").isBlank();
  }

  public String version() {
    return version;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public boolean stale() {
    return !current.isEmpty();
  }

  // ---- reading it ----

  void error(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  /** A refusal of the service naming a field ({@code milestones[1].title}) goes next to its field. */
  void errorsOf(List<Problem.FieldError> fieldErrors, Msg msg, Lang l) {
    for (Problem.FieldError e : fieldErrors) {
      String field = e.field() == null ? "" : e.field().split("[\\[.]", 2)[0];
      error(FIELDS.contains(field) ? field : "title", msg.errInvalid(StaffView.text(e.message(), l)));
    }
  }

  /**
   * After a stale save: the measure as it is now; every field where it differs from what the
   * reader sent shows the current value, and the version moves on so that saving again is the
   * reader's deliberate choice.
   */
  void staleAgainst(MeasureView now) {
    MeasureEditForm other = of(now);
    for (String k : FIELDS) {
      if (!"code".equals(k) && !"deadline".equals(k) && !normal(other.value(k)).equals(normal(value(k)))) {
        String shown = other.value(k);
        if ("leadUnitInferred".equals(k)) {
          shown = other.inferred() ? "✓" : "✗";
        }
        current.put(k, shown.isEmpty() ? "—" : shown);
      }
    }
    version = other.version;
  }

  CreateMeasureRequest toCreate(Set<String> units, Msg msg) {
    String code = value("code").strip();
    if (code.isEmpty()) {
      error("code", msg.errRequired());
    } else if (!CODE.matcher(code).matches()) {
      error("code", msg.errCode());
    }
    Common c = common(units, msg);
    LocalDate deadline = date("deadline", true, msg);
    if (c.start != null && deadline != null && deadline.isBefore(c.start)) {
      error("deadline", msg.errBeforeStart());
    }
    if (hasErrors()) {
      return null;
    }
    return new CreateMeasureRequest(code, c.area, c.title, blankToNull(value("summary")), blankToNull(value("sourceQuote")),
        c.lead, List.copyOf(coUnits), c.start, deadline, c.milestones, c.targets, inferred(), c.assumptions,
        blankToNull(value("notes")));
  }

  PatchMeasureRequest toPatch(Set<String> units, Msg msg) {
    Common c = common(units, msg);
    if (hasErrors()) {
      return null;
    }
    return new PatchMeasureRequest(c.area, c.title, value("summary").strip(), value("sourceQuote").strip(), c.lead,
        List.copyOf(coUnits), c.start, c.milestones, c.targets, inferred(), c.assumptions, value("notes").strip());
  }

  private record Common(Area area, String title, String lead, LocalDate start, List<MilestoneInput> milestones,
      List<TargetInput> targets, List<String> assumptions) {}

  private Common common(Set<String> units, Msg msg) {
    Area area = null;
    try {
      area = value("area").isBlank() ? null : Area.valueOf(value("area").strip());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (area == null) {
      error("area", msg.errRequired());
    }
    String title = value("title").strip();
    if (title.isEmpty()) {
      error("title", msg.errRequired());
    }
    length("title", 300, msg);
    length("summary", 4000, msg);
    length("sourceQuote", 4000, msg);
    length("notes", 4000, msg);
    String lead = value("leadUnit").strip();
    if (lead.isEmpty()) {
      error("leadUnit", msg.errRequired());
    } else if (!units.contains(lead)) {
      error("leadUnit", msg.errUnit(lead));
    }
    for (String u : coUnits) {
      if (!units.contains(u)) {
        error("coUnits", msg.errUnit(u));
      } else if (u.equals(lead)) {
        error("coUnits", msg.errLeadIsCo());
      }
    }
    if (coUnits.size() > 20) {
      error("coUnits", msg.errTooMany(20));
    }
    LocalDate start = date("startDate", true, msg);
    List<MilestoneInput> ms = lines("milestones", MILESTONE_SHAPE, CatalogueFormat::milestone, msg);
    for (int i = 0; i < ms.size(); i++) {
      MilestoneInput m = ms.get(i);
      if (m.title() == null || m.title().isBlank() || m.title().length() > 500 || nz(m.assumption()).length() > 1000) {
        error("milestones", msg.errLine(i + 1, MILESTONE_SHAPE));
      }
    }
    List<TargetInput> ts = lines("targets", TARGET_SHAPE, CatalogueFormat::target, msg);
    for (int i = 0; i < ts.size(); i++) {
      TargetInput t = ts.get(i);
      if (t.description() == null || t.description().isBlank() || t.description().length() > 500
          || negative(t.targetValue()) || negative(t.actualValue()) || nz(t.unitLabel()).length() > 32
          || nz(t.assumption()).length() > 1000) {
        error("targets", msg.errLine(i + 1, TARGET_SHAPE));
      }
    }
    List<String> assumptions = value("assumptions").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (assumptions.size() > 20) {
      error("assumptions", msg.errTooMany(20));
    } else if (assumptions.stream().anyMatch(s -> s.length() > 1000)) {
      error("assumptions", msg.errTooLong(1000));
    }
    return new Common(area, title, lead, start, ms, ts, assumptions);
  }

  private <T> List<T> lines(String field, String shape, Function<String, T> parse, Msg msg) {
    List<String> raw = value(field).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    List<T> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(parse.apply(raw.get(i)));
      } catch (IllegalArgumentException e) {
        error(field, msg.errLine(i + 1, shape));
      }
    }
    if (out.size() > 50) {
      error(field, msg.errTooMany(50));
    }
    return out;
  }

  private LocalDate date(String field, boolean required, Msg msg) {
    String text = value(field).strip();
    if (text.isEmpty()) {
      if (required) {
        error(field, msg.errRequired());
      }
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      error(field, msg.errDate());
      return null;
    }
  }

  private void length(String field, int max, Msg msg) {
    if (value(field).strip().length() > max) {
      error(field, msg.errTooLong(max));
    }
  }

  private static boolean negative(BigDecimal n) {
    return n != null && n.signum() < 0;
  }

  private static String normal(String s) {
    return Objects.requireNonNullElse(s, "").strip().replace("\r\n", "\n");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
