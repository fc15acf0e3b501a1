package org.duban.platform;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * How a workbook sheet prints, as an office prints a list for a meeting: each column as wide as its
 * content needs (in characters), A4 landscape, every column on one page's width (as many pages
 * down as it takes), the heading row repeated on each page and frozen on screen.
 */
public final class PrintLayout {

  private PrintLayout() {}

  public static void apply(Sheet sheet, int... widthsInCharacters) {
    for (int i = 0; i < widthsInCharacters.length; i++) {
      sheet.setColumnWidth(i, Math.min(255, widthsInCharacters[i]) * 256);
    }
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    sheet.createFreezePane(0, 1);
  }
}
