package org.duban.measure;

import java.util.regex.Pattern;

/**
 * What a tracked item is. A task's code is {measure}-{region} (J05-370100), a measure's never ends
 * in a dash and six digits: the code alone tells them apart (the table checks it too).
 */
public enum ItemKind {
  MEASURE,
  TASK;

  private static final Pattern TASK_CODE = Pattern.compile("^[A-Z][A-Z0-9-]{1,15}-[0-9]{6}$");

  public static ItemKind ofCode(String code) {
    return code != null && TASK_CODE.matcher(code).matches() ? TASK : MEASURE;
  }

  public static String taskCode(String measureCode, String regionCode) {
    return measureCode + "-" + regionCode;
  }
}
