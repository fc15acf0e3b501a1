package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.support.Api;
import org.duban.support.Db;
import org.junit.jupiter.api.Test;

/** The bulletin (通报) of a closed round: read back, every figure checked against the round's kept snapshot. */
@QuarkusTest
class BulletinTest {

  record Doc(String text, List<List<String>> rows) {}

  static Doc read(byte[] docx) throws Exception {
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
      StringBuilder text = new StringBuilder();
      for (XWPFParagraph p : d.getParagraphs()) {
        text.append(p.getText()).append('\n');
      }
      List<List<String>> rows = new ArrayList<>();
      for (XWPFTable t : d.getTables()) {
        for (XWPFTableRow r : t.getRows()) {
          rows.add(r.getTableCells().stream().map(c -> c.getText()).toList());
        }
      }
      return new Doc(text.toString(), rows);
    }
  }

  @Test
  void aKeptRoundsBulletinCarriesItsSnapshotsFigures() throws Exception {
    String month = String.format("%02d", 1 + (int) (System.nanoTime() % 12));
    String round = "1991-" + month;
    String m = Api.createMeasure("fy");
    long measureId = Db.scalar("select id from measure where code = ?", m);
    Db.exec("insert into dispatch_round (code, opens_on, closes_on, closed_at, ledger_rows) values (?, date '1991-01-01', cast(? as date), now(), 3)"
        + " on conflict (code) do nothing", round, "1991-" + month + "-25");
    long id = Db.scalar("select id from dispatch_round where code = ?", round);
    Db.exec("delete from ledger_snapshot where round_id = ?", id);
    Db.exec("delete from ledger_task_snapshot where round_id = ?", id);
    Db.exec("delete from round_result where round_id = ?", id);
    Db.exec("insert into ledger_snapshot (round_id, area, code, title, lead_unit, committed_deadline, deadline, progress, status, light) values"
        + " (?, 'JUSTICE', 'RED" + month + "', '逾期的实事', '省法院', date '1990-12-31', date '1990-12-31', 30, 'IN_PROGRESS', 'RED'),"
        + " (?, 'JUSTICE', 'GRN" + month + "', '正常的实事', '省检察院', date '1992-12-31', date '1992-12-31', 70, 'IN_PROGRESS', 'GREEN')", id, id);
    Db.exec("insert into ledger_task_snapshot (round_id, region_code, region_name, measure_code, code, title, unit, committed_deadline, deadline,"
        + " progress, status, light) values (?, '370100', '济南市', 'RED" + month + "', 'RED" + month + "-370100', '逾期的任务（济南市）',"
        + " '济南市中级人民法院', date '1990-11-30', date '1990-11-30', 20, 'IN_PROGRESS', 'RED')", id);
    Db.exec("insert into round_result (round_id, measure_id, lead_unit_code, reported) values (?, ?, 'fy', false)", id, measureId);

    byte[] docx = as("leader").get("/api/v1/bulletins/" + round + ".docx").then().statusCode(200)
        .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract().asByteArray();
    Doc doc = read(docx);
    assertThat(doc.text()).contains("政法为民36件实事推进情况通报", "1991年" + Integer.parseInt(month) + "月调度", "1991年" + Integer.parseInt(month) + "月25日",
        "一、总体进展", "二、红灯和逾期事项", "三、未按时报送的单位", "四、逾期整改事项", "五、督办意见").doesNotContain("草稿");
    // every figure against the snapshot
    long measures = Db.scalar("select count(*) from ledger_snapshot where round_id = ?", id);
    long red = Db.scalar("select count(*) from ledger_snapshot where round_id = ? and light = 'RED'", id);
    long green = Db.scalar("select count(*) from ledger_snapshot where round_id = ? and light = 'GREEN'", id);
    long mean = Db.scalar("select round(avg(progress)) from ledger_snapshot where round_id = ?", id);
    assertThat(doc.text()).contains("共跟踪实事 " + measures + " 项：红灯 " + red + " 项，黄灯 0 项，绿灯 " + green + " 项，已销号 0 项；平均完成比例 " + mean + "%");
    long tasks = Db.scalar("select count(*) from ledger_task_snapshot where round_id = ?", id);
    assertThat(doc.text()).contains("共跟踪分解任务 " + tasks + " 项：红灯 1 项");
    // the red lines with their days overdue at the round's close
    long days = Db.scalar("select cast(? as date) - date '1990-12-31'", "1991-" + month + "-25");
    long taskDays = Db.scalar("select cast(? as date) - date '1990-11-30'", "1991-" + month + "-25");
    assertThat(doc.rows()).contains(List.of("RED" + month, "逾期的实事", "省法院", "1990-12-31", String.valueOf(days), "30%"));
    assertThat(doc.rows()).contains(List.of("RED" + month + "-370100", "逾期的任务（济南市）", "济南市中级人民法院（济南市）", "1990-11-30",
        String.valueOf(taskDays), "20%"));
    assertThat(doc.rows().stream().map(r -> r.get(0)).toList()).doesNotContain("GRN" + month);
    // the units that missed the round's report, by their names, with the count from round_result
    String fy = Db.text("select name from unit where code = 'fy'");
    assertThat(doc.rows()).contains(List.of(fy, String.valueOf(Db.scalar("select count(*) from round_result where round_id = ? and not reported", id))));

    // listed, not a draft; a catch-up round without a snapshot is a draft
    String draftRound = "1992-" + month;
    Db.exec("insert into dispatch_round (code, opens_on, closes_on, closed_at) values (?, date '1992-01-01', cast(? as date), now()) on conflict (code) do nothing",
        draftRound, "1992-" + month + "-25");
    var list = as("office").get("/api/v1/bulletins").then().statusCode(200).extract().jsonPath();
    assertThat(list.getBoolean("find { it.round == '" + round + "' }.draft")).isFalse();
    assertThat(list.getBoolean("find { it.round == '" + draftRound + "' }.draft")).isTrue();
    Doc draft = read(as("office").get("/api/v1/bulletins/" + draftRound + ".docx").then().statusCode(200).extract().asByteArray());
    assertThat(draft.text()).contains("（草稿）", "未留存台账快照");

    // refusals
    as("office").get("/api/v1/bulletins/June.docx").then().statusCode(400);
    as("office").get("/api/v1/bulletins/1899-01.docx").then().statusCode(404);
    as("reporter-fy").get("/api/v1/bulletins").then().statusCode(403);
    as("reporter-fy").get("/api/v1/bulletins/" + round + ".docx").then().statusCode(403);
  }
}
