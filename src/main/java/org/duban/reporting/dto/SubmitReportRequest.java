package org.duban.reporting.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/measures/{code}/reports. */
@Schema(name = "SubmitReport")
public record SubmitReportRequest(
    @NotNull @Min(0) @Max(100) @Schema(example = "60", description = "percent done, 0 to 100") Integer progress,
    @Size(max = 20000) @Schema(example = "已完成全省终本案件排查，恢复执行1200件（内部）", description = "internal: the office reviews it; never published")
        String narrative,
    @NotBlank @Size(max = 2000) @Schema(example = "终本案件专项清理已完成排查，正在恢复执行", description = "published once the report is accepted: the public timeline and feed (a returned or pending report's is not)")
        String publicSummary,
    @Size(max = 20)
        @Schema(example = "[\"https://intranet.example/evidence/123\"]", description = "internal: links for the office; never published")
        List<@NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https link") String> evidence) {}
