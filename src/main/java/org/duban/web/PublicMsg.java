package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public side's cities and tasks (issue 14): Chinese here, English in
 * messages/pub_en.properties. A bundle of its own: Quarkus 3.33 generates a broken chained resolve
 * method (a VerifyError at start) once one bundle passes about 300 messages, and {@link Msg} holds
 * 299.
 */
@MessageBundle(value = "pub", locale = "zh")
public interface PublicMsg {
  @Message("各市分解落实情况") String byCity();
  @Message("地区") String colRegion();
  @Message("责任单位") String colUnit();
  @Message("是否延期") String colPostponed();
  @Message("已延期 {n} 次") String postponedTimes(int n);
  @Message("示例数据") String sample();
  @Message("以下为演示用的示例数据，并非真实承诺。") String sampleNote();
  @Message("尚未分解到各市。") String noTasks();
  @Message("各市落实情况") String cities();
  @Message("选择一个市，查看该市（含所辖县区）承担的各项实事任务及其进展。") String citiesIntro();
  @Message("{name} · 政法为民实事落实情况") String regionTitle(String name);
  @Message("本地任务") String regionTasks();
  @Message("该地区暂无分解任务。") String regionNoTasks();
  @Message("上级地区") String parentRegion();
  @Message("下辖地区") String childRegions();
  @Message("任务编号") String colTask();
  @Message("任务总数") String taskCount();
  @Message("逾期任务") String overdueTasks();
  @Message("汇总规则") String rollupTitle();
  @Message("全部市") String allCities();
}
