package org.duban.measure.dto;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MilestoneView(
    @Schema(example = "对截至2021年3月31日的终结本次执行案件开展为期6个月的专项清理") String title,
    @Schema(example = "2021-09-30") LocalDate dueDate,
    @Schema(example = "null") LocalDate doneOn,
    @Schema(example = "due date derived: six months counted from 31 March 2021") String assumption) {}
