package org.duban.publicapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.duban.measure.MeasureFilter;
import org.duban.measure.dto.UnitRef;
import org.duban.platform.PageRequest;
import org.duban.platform.SpreadsheetCells;
import org.duban.publicapi.dto.PublicMeasure;

/** Open data: the public catalogue as CSV and the public timeline as an Atom 1.0 feed. */
@ApplicationScoped
public class PublicFeeds {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final Map<String, String> KIND =
      Map.of("PROGRESS", "进展", "POSTPONED", "延期", "CLAIMED_DONE", "申请销号", "VERIFIED", "核验销号", "REOPENED", "退回继续推进",
          "SUSPENDED", "暂缓", "RESUMED", "恢复推进");

  private final PublicService service;
  private final PublicSql sql;

  public PublicFeeds(PublicService service, PublicSql sql) {
    this.service = service;
    this.sql = sql;
  }

  /**
   * UTF-8 with BOM so that Excel opens it; the columns of the public view, nothing else. A text cell
   * a spreadsheet would run as a formula gets an apostrophe ({@link SpreadsheetCells}).
   */
  public void catalogueCsv(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\ufeff');
    try (CSVPrinter csv =
        new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(
            "code", "area", "title", "summary", "leadUnit", "leadUnitName", "coUnits", "startDate", "committedDeadline",
            "deadline", "status", "progress", "light", "overdue", "overdueDays", "postponements", "lastUpdate").get())) {
      int page = 0;
      while (true) {
        var items = service.list(MeasureFilter.none(), PageRequest.of(page++, 100)).items();
        for (PublicMeasure m : items) {
          csv.printRecord(
              Stream.of(
                      m.code(), m.area(), m.title(), m.summary(), m.leadUnit().code(), m.leadUnit().name(),
                      m.coUnits().stream().map(UnitRef::code).collect(Collectors.joining(" ")), m.startDate(),
                      m.committedDeadline(), m.deadline(), m.status(), m.progress(), m.light(), m.overdue(),
                      m.overdueDays(), m.postponements().size(), m.lastUpdate())
                  .map(SpreadsheetCells::csvCell)
                  .toList());
        }
        if (items.size() < 100) {
          return;
        }
      }
    }
  }

  /**
   * One entry per public timeline event, newest first (the latest 500). Links start with
   * {@code baseUri} (TRACKER_PUBLIC_BASE_URL, ending in a slash); ids are URNs, so they stay the same
   * when the service moves (RFC 4287: an entry's id never changes).
   */
  @Transactional
  public void atom(OutputStream out, String baseUri) throws IOException {
    List<PublicSql.TimelineEvent> events = sql.timeline(500);
    Instant updated = events.isEmpty() ? Instant.EPOCH : events.get(0).occurredAt();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      element(xml, "id", "urn:duban:public-timeline");
      element(xml, "title", "政法为民36件实事 · 落实进展");
      element(xml, "updated", updated.toString());
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", "督办办公室");
      xml.writeEndElement();
      link(xml, "self", baseUri + "api/v1/public/feed.atom");
      for (PublicSql.TimelineEvent e : events) {
        String kind = e.kind();
        xml.writeStartElement(ATOM, "entry");
        element(xml, "id", "urn:duban:event:" + e.id());
        element(xml, "title", e.code() + " " + titleOf(e) + "：" + KIND.getOrDefault(kind, kind) + (e.sample() ? "（示例数据）" : ""));
        element(xml, "updated", e.occurredAt().toString());
        // a task has no public page of its own: its measure's breakdown by city carries it
        link(xml, "alternate", baseUri + "api/v1/public/measures/" + (e.regionName() == null ? e.code() : e.measure() + "/tasks"));
        StringBuilder summary = new StringBuilder(e.summary() == null ? "" : e.summary());
        if (e.oldDeadline() != null || e.newDeadline() != null) {
          summary.append("（时限 ").append(e.oldDeadline()).append(" → ").append(e.newDeadline()).append("）");
        } else if (e.progress() != null && "PROGRESS".equals(kind)) {
          summary.append("（完成 ").append(e.progress()).append("%）");
        }
        element(xml, "summary", summary.toString());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** A task's title names its city or county (a task made before it did gets the region's name added). */
  static String titleOf(PublicSql.TimelineEvent e) {
    return e.regionName() == null || e.title().contains(e.regionName()) ? e.title() : e.title() + "（" + e.regionName() + "）";
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(ATOM, name);
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
    xml.writeEmptyElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", xmlText(href));
  }

  /**
   * The text without the characters XML 1.0 forbids (C0 controls other than tab, line feed and
   * carriage return; U+FFFE and U+FFFF; surrogates that are not a pair), which the API does not
   * refuse in titles and summaries: the writer would put them out as they are, and no feed reader
   * could parse the feed. Every text the feed writes goes through here.
   */
  static String xmlText(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (allowed && out != null) {
        out.appendCodePoint(c);
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }
}
