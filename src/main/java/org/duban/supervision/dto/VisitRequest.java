package org.duban.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A visit to record. */
@Schema(name = "VisitRequest")
public record VisitRequest(
    @NotBlank @Size(max = 24) @Schema(example = "J05", description = "internal: the measure or task visited") String item,
    @NotNull @Schema(example = "2021-08-20") LocalDate date,
    @NotBlank @Size(max = 200) @Schema(example = "济南市中级人民法院", description = "internal: where") String place,
    @NotBlank @Size(max = 2000) @Schema(example = "省法院分管领导、市中院院长", description = "internal: who took part") String participants,
    @NotBlank @Size(max = 10000) @Schema(example = "远程调解平台使用率偏低", description = "internal: what was found") String findings,
    @Size(max = 50) @Schema(description = "internal: what is to follow") List<@NotBlank @Size(max = 2000) String> followUps) {}
