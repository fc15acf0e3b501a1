package org.duban.measure;

/** The three areas of the 36 measures, 12 each. */
public enum Area {
  BUSINESS("聚焦优化营商环境排民忧", "optimise the business environment", 'B'),
  STABILITY("聚焦维护社会稳定保民安", "maintain social stability", 'S'),
  JUSTICE("聚焦严格执法司法解民难", "strict law enforcement and justice", 'J');

  public final String nameZh;
  public final String nameEn;
  public final char codePrefix;

  Area(String nameZh, String nameEn, char codePrefix) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.codePrefix = codePrefix;
  }
}
