package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the supervision pages (督导, issue 15): a leader's desk, rectification items,
 * inspections, guidance groups. Chinese here, English in messages/smsg_en.properties; a bundle of
 * its own, as {@link Msg} is at Quarkus' limit.
 */
@MessageBundle(value = "smsg", locale = "zh")
public interface SupervisionMsg {

  @Message("我的联系事项") String navDesk();
  @Message("我的联系事项") String deskTitle();
  @Message("联系的事项") String deskItems();
  @Message("暂无联系的事项。") String noDeskItems();
  @Message("其中超期 {n} 项") String deskOverdue(long n);
  @Message("事项") String colItem();
  @Message("未销号整改") String colOpen();
  @Message("整改事项") String navRectifications();
  @Message("整改事项") String rectificationsTitle();
  @Message("暂无整改事项。") String noRectifications();
  @Message("问题") String colFinding();
  @Message("整改要求") String colRequired();
  @Message("涉及事项") String colConcerns();
  @Message("地区") String colRegion();
  @Message("来源督导") String colInspection();
  @Message("已销号") String closed();
  @Message("提交进展") String reportTitle();
  @Message("证据材料") String files();
  @Message("申请销号") String claimDone();
  @Message("确认销号") String verify();
  @Message("退回整改") String reopen();
  @Message("已保存。") String saved();
  @Message("督导检查") String navInspections();
  @Message("督导检查") String inspectionsTitle();
  @Message("暂无督导检查。") String noInspections();
  @Message("记录督导检查") String recordInspection();
  @Message("指导组") String colGroup();
  @Message("日期") String colDate();
  @Message("被检查单位代码") String fieldUnit();
  @Message("检查的事项代码（逗号分隔）") String fieldItems();
  @Message("发现的问题") String colFindings();
  @Message("记录人") String colRecordedBy();
  @Message("由此产生的整改事项") String bornItems();
  @Message("转为整改事项") String makeRectification();
  @Message("涉及的事项代码") String fieldConcerns();
  @Message("责任单位代码") String fieldRectUnit();
  @Message("整改期限") String fieldDeadline();
  @Message("标题") String fieldTitle();
  @Message("指导组") String navGroups();
  @Message("省级指导组") String groupsTitle();
  @Message("暂无指导组。") String noGroups();
  @Message("名称") String colName();
  @Message("成员") String colMembers();
  @Message("派驻地区") String colRegions();
  @Message("派驻单位") String colUnits();
  @Message("成员用户名（逗号分隔）") String fieldMembers();
  @Message("地区代码（逗号分隔）") String fieldRegions();
  @Message("单位代码（逗号分隔）") String fieldUnits();
  @Message("设立指导组") String createGroup();
}
