package org.duban.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The bulletin's layout, as offices write one: the title, the issuing office and the date in
 * Chinese, 一、总体进展 (the counts by light and the mean progress, measures and tasks apart), 二、红灯和逾期事项
 * (each with its days overdue at the close), 三、未按时报送的单位, 四、逾期整改事项, 五、督办意见 (left
 * empty for the office). Pure: the figures come in, nothing is read here.
 */
final class BulletinDocx {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String FONT = "仿宋";

  private BulletinDocx() {}

  static String chineseDate(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  static void write(BulletinService.Content c, OutputStream out) throws IOException {
    BulletinSql.Round r = c.round();
    try (XWPFDocument doc = new XWPFDocument()) {
      String[] month = r.code().split("-");
      paragraph(doc, "政法为民36件实事推进情况通报" + (r.kept() ? "" : "（草稿）"), 22, true, ParagraphAlignment.CENTER, "title");
      paragraph(doc, "（" + month[0] + "年" + Integer.parseInt(month[1]) + "月调度）", 16, false, ParagraphAlignment.CENTER, "round");
      paragraph(doc, c.issuer() + "　" + chineseDate(r.closesOn()), 16, false, ParagraphAlignment.CENTER, "issuer");
      if (!r.kept()) {
        paragraph(doc, "说明：本轮在停机后的补扫中收口，收口时未留存台账快照；以下数字按收口日（" + chineseDate(r.closesOn())
            + "）的规则由现有数据推算，仅供参考，定稿前请核对。", 14, false, ParagraphAlignment.LEFT, "draft");
      }

      heading(doc, "一、总体进展");
      for (String kind : List.of("MEASURE", "TASK")) {
        List<BulletinSql.Line> lines = c.lines().stream().filter(l -> l.kind().equals(kind)).toList();
        if (lines.isEmpty() && kind.equals("TASK")) {
          continue;
        }
        long red = count(lines, "RED");
        long yellow = count(lines, "YELLOW");
        long green = count(lines, "GREEN");
        long closed = count(lines, "CLOSED");
        long mean = lines.isEmpty() ? 0 : Math.round(lines.stream().mapToInt(BulletinSql.Line::progress).average().orElse(0));
        String what = kind.equals("MEASURE") ? "实事" : "分解任务";
        paragraph(doc, "截至" + chineseDate(r.closesOn()) + "，共跟踪" + what + " " + lines.size() + " 项：红灯 " + red + " 项，黄灯 " + yellow
            + " 项，绿灯 " + green + " 项，已销号 " + closed + " 项；平均完成比例 " + mean + "%。", 16, false, ParagraphAlignment.LEFT,
            "overall-" + kind.toLowerCase());
      }

      heading(doc, "二、红灯和逾期事项");
      List<BulletinSql.Line> reds = c.lines().stream().filter(l -> "RED".equals(l.light())).toList();
      if (reds.isEmpty()) {
        paragraph(doc, "本轮无红灯和逾期事项。", 16, false, ParagraphAlignment.LEFT, "no-red");
      } else {
        XWPFTable t = table(doc, List.of("编号", "名称", "责任单位", "时限", "逾期天数", "完成比例"));
        for (BulletinSql.Line l : reds) {
          long days = Math.max(0, ChronoUnit.DAYS.between(l.deadline(), r.closesOn()));
          row(t, List.of(l.code(), l.title(), l.unit() + (l.region() == null ? "" : "（" + l.region() + "）"), l.deadline().toString(),
              String.valueOf(days), l.progress() + "%"));
        }
      }

      heading(doc, "三、未按时报送的单位");
      if (c.missed().isEmpty()) {
        paragraph(doc, "本轮各单位均按时报送。", 16, false, ParagraphAlignment.LEFT, "no-missed");
      } else {
        XWPFTable t = table(doc, List.of("单位", "未报送事项数"));
        for (BulletinSql.Missed m : c.missed()) {
          row(t, List.of(m.name(), String.valueOf(m.items())));
        }
      }

      heading(doc, "四、逾期整改事项");
      if (c.rectifications().isEmpty()) {
        paragraph(doc, "本轮无逾期整改事项。", 16, false, ParagraphAlignment.LEFT, "no-rectification");
      } else {
        XWPFTable t = table(doc, List.of("编号", "整改事项", "责任单位", "时限", "逾期天数"));
        for (BulletinSql.OverdueItem o : c.rectifications()) {
          row(t, List.of(o.code(), o.title(), o.unit(), o.deadline().toString(), String.valueOf(o.days())));
        }
      }

      heading(doc, "五、督办意见");
      for (int i = 0; i < 4; i++) {
        paragraph(doc, "", 16, false, ParagraphAlignment.LEFT, null);
      }
      doc.write(out);
    }
  }

  private static long count(List<BulletinSql.Line> lines, String light) {
    return lines.stream().filter(l -> light.equals(l.light())).count();
  }

  private static void heading(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("Heading2");
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(true);
    run.setFontSize(16);
    run.setFontFamily("黑体");
  }

  private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align, String tag) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(bold);
    run.setFontFamily(FONT);
  }

  private static XWPFTable table(XWPFDocument doc, List<String> headings) {
    XWPFTable t = doc.createTable(1, headings.size());
    t.setWidth("100%");
    XWPFTableRow head = t.getRow(0);
    for (int i = 0; i < headings.size(); i++) {
      head.getCell(i).setText(headings.get(i));
    }
    head.setRepeatHeader(true);
    return t;
  }

  private static void row(XWPFTable t, List<String> cells) {
    XWPFTableRow row = t.createRow();
    for (int i = 0; i < cells.size(); i++) {
      row.getCell(i).setText(cells.get(i));
    }
  }
}
