package org.duban.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.duban.platform.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bulletin (通报) of a closed dispatch round, a Word document: its figures are the round's
 * snapshot (the ledger kept when it closed: measures and tasks), the units that missed its report
 * and the rectification items overdue at its close. A round closed in a catch-up after downtime kept
 * no snapshot: its bulletin is computed by the rule for its closing day from the items as they are
 * now, and marked 草稿 (draft). Generated when asked, so always the same for a kept round.
 */
@ApplicationScoped
public class BulletinService {

  private final BulletinSql sql;
  private final String issuer;

  public BulletinService(BulletinSql sql, @ConfigProperty(name = "tracker.bulletin.issuer", defaultValue = "督办办公室") String issuer) {
    this.sql = sql;
    this.issuer = issuer;
  }

  /** One closed round's bulletin, as listed. */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Bulletin")
  public record Listed(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "2021-06") String round,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "2021-05-26") java.time.LocalDate opensOn,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "2021-06-25") java.time.LocalDate closesOn,
      java.time.Instant closedAt,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "false", description = "closed in a catch-up without a snapshot: 草稿") boolean draft,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(example = "/api/v1/bulletins/2021-06.docx") String href) {}

  @Transactional
  public List<Listed> list() {
    return sql.closedRounds().stream()
        .map(r -> new Listed(r.code(), r.opensOn(), r.closesOn(), r.closedAt(), !r.kept(), "/api/v1/bulletins/" + r.code() + ".docx"))
        .toList();
  }

  /** The figures of a round's bulletin, read in one transaction. */
  public record Content(BulletinSql.Round round, String issuer, List<BulletinSql.Line> lines, List<BulletinSql.Missed> missed,
      List<BulletinSql.OverdueItem> rectifications) {}

  @Transactional
  public Content content(String code) {
    if (code == null || !code.matches("^\\d{4}-(0[1-9]|1[0-2])$")) {
      throw ProblemException.invalid("round", "must be a month such as 2021-06");
    }
    BulletinSql.Round r = sql.round(code).orElseThrow(() -> ProblemException.notFound("There is no dispatch round " + code + "."));
    if (r.closedAt() == null) {
      throw ProblemException.notFound("Round " + code + " has not closed yet: its bulletin comes when it closes.");
    }
    List<BulletinSql.Line> lines = r.kept() ? sql.keptLines(r.id()) : sql.linesAsOf(r.closesOn());
    return new Content(r, issuer, lines, sql.missed(r.id()), sql.overdueRectifications(r.closesOn(), r.closedAt()));
  }

  /** Writes the document. */
  public void docx(Content c, OutputStream out) throws IOException {
    BulletinDocx.write(c, out);
  }
}
