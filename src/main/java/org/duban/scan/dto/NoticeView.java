package org.duban.scan.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Notice")
public record NoticeView(
    @Schema(example = "311") long id,
    @Schema(example = "J05", description = "the measure or task; null for a leadership digest") String measure,
    @Schema(example = "URGING") String level,
    @Schema(example = "deadline:2021-12-31") String occasion,
    @Schema(example = "duban@fy.example.gov.cn") String recipient,
    @Schema(example = "【催办】J05 方便人民群众就近诉讼 已逾期") String subject,
    @Schema(example = "SENT") String state,
    @Schema(example = "SMTP") String channel,
    @Schema(example = "1") int attempts,
    @Schema(example = "null") String lastError,
    @Schema(example = "2022-01-01T00:05:00Z") Instant createdAt,
    @Schema(example = "2022-01-01T00:05:02Z") Instant sentAt,
    @Schema(example = "null", description = "a 通报 (BULLETIN) of one item: the leadership digest it went out in (its state, channel,"
        + " attempts, lastError and sentAt are the digest's); null otherwise") Long digestId,
    @Schema(example = "null", description = "a leadership digest (measure null): how many items it lists (GET /notices?digest={id}"
        + " lists them); null otherwise") Integer itemCount) {}
