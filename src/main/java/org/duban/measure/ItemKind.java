package org.duban.measure;

import java.util.regex.Pattern;

/**
 * What a tracked item is. A task's code is {measure}-{region} (J05-370100), a measure's never ends
 * in a dash and six digits: the code alone tells them apart (the table checks it too).
 */
public enum ItemKind {
  MEASURE,
  TASK,
  /** 整改事项: born from an inspection's or a visit's finding; addressed by its number, coded ZG and the number (ZG17). */
  RECTIFICATION;

  private static final Pattern TASK_CODE = Pattern.compile("^[A-Z][A-Z0-9-]{1,15}-[0-9]{6}$");
  private static final Pattern RECTIFICATION_CODE = Pattern.compile("^ZG[0-9]+$");

  public static ItemKind ofCode(String code) {
    if (code != null && TASK_CODE.matcher(code).matches()) {
      return TASK;
    }
    return code != null && RECTIFICATION_CODE.matcher(code).matches() ? RECTIFICATION : MEASURE;
  }

  /** The code of rectification item number n. */
  public static String rectificationCode(long number) {
    return "ZG" + number;
  }

  public static String taskCode(String measureCode, String regionCode) {
    return measureCode + "-" + regionCode;
  }
}
