package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the region view and of region= on the dashboard, overdue, ledger and notice pages
 * (issue 14): Chinese here, English in messages/rmsg_en.properties. A bundle of its own beside
 * {@link Msg}: with these 23 more messages (322 in all) the class Qute generates for Msg failed to
 * verify at start (VerifyError in Msg_Bundle.resolve_0); split off, both load.
 */
@MessageBundle(value = "rmsg", locale = "zh")
public interface RegionViewMsg {

  @Message("地区") String regionLabel();
  @Message("全省") String regionWhole();
  @Message("地区：{name}及以下") String regionScope(String name);
  @Message("各地任务亮灯情况") String regionView();
  @Message("各市任务亮灯分布（方块按各市在山东地图上的大致方位排列）") String regionTilesTitle();
  @Message("方块颜色：该地任务中最严重的灯色（红灯＞黄灯＞绿灯＞已销号）；数字：红灯/黄灯/绿灯/已销号") String regionTilesNote();
  @Message("无任务") String regionNoTasks();
  @Message("{r.name}：任务 {r.tasks} 项，红灯 {r.red}，黄灯 {r.yellow}，绿灯 {r.green}，已销号 {r.closed}，逾期 {r.overdue}") String regionTile(org.duban.dashboard.dto.DashboardView.RegionRow r);
  @Message("任务数") String colTasks();
  @Message("逾期") String colOverdueTasks();
  @Message("平均进度") String colProgressMean();
  @Message("逾期任务最多的地区") String regionMostOverdue();
  @Message("各地暂无逾期任务。") String regionNoOverdue();
  @Message("上一轮调度各地报送情况（按责任单位所在地区）") String regionCompliance();
  @Message("应报送") String colDue();
  @Message("类型") String colKind();
  @Message("{#when kind}{#is 'TASK'}任务{#is 'RECTIFICATION'}整改事项{#else}事项{/when}") String itemKind(String kind);
  @Message("任务台账") String ledgerTasks();
  @Message("暂无任务。") String noTasks();
  @Message("任务编号") String colTaskCode();
  @Message("所属事项") String colMeasureOf();
  @Message("责任单位") String colResponsible();
  @Message("查看") String regionShow();

  // supervision (issue 15): rectification items on the dashboard
  @Message("整改事项（按责任单位）") String rectificationsTitle();
  @Message("未销号") String rectOpen();
  @Message("其中逾期") String rectOverdue();
  @Message("已销号") String rectClosed();
}
