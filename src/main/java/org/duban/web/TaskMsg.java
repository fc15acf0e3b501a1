package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the task pages and the tasks sheet (issue 14), {@code {tmsg:...}} in a template:
 * Chinese here, English in messages/tmsg_en.properties. A bundle of its own because Quarkus 3.33
 * generates broken bytecode (VerifyError at start) for a bundle past 300 messages, and {@link Msg}
 * holds 300.
 */
@MessageBundle(value = "tmsg", locale = "zh")
public interface TaskMsg {

  @Message("任务分解") String navTasks();
  @Message("分解任务") String tasksTitle();
  @Message("地区") String colRegion();
  @Message("所属实事") String colMeasure();
  @Message("上级") String colParent();
  @Message("分解指标") String colShare();
  @Message("实际值") String colActual();
  @Message("共 {total} 项任务：红灯 {red} 项，黄灯 {yellow} 项，绿灯 {green} 项，已销号 {closed} 项") String taskTally(long total, long red, long yellow, long green, long closed);
  @Message("尚未分解到地方。") String noTasks();
  @Message("没有符合条件的任务。") String noTasksFound();
  @Message("本事项已分解为地方任务：由最低一级的任务报送进展，进度按规则逐级汇总。") String tasksTakeReports();
  @Message("新增地方任务") String addTask();
  @Message("地方任务已新增。") String taskAdded();
  @Message("责任单位（代码，须为该地区的单位）") String fieldTaskUnit();
  @Message("指标分解（按量化指标顺序填写，用 | 分隔，可留空）") String fieldTargetShares();
  @Message("尚有未销号的任务，核验理由（不公开）") String fieldOpenTasksReason();
  @Message("示例数据") String sampleData();
  @Message("任务分解表") String tasksSheetHeading();
  @Message("每行一项任务，列名：measure（实事编号）、region（地区代码或名称）、unit（责任单位代码或名称）、deadline（时限）、targetShares（按量化指标顺序的分解值，用 | 分隔）。已有任务只更新责任单位和分解指标；时限只能通过延期变更。全部行无误才导入。") String tasksSheetHint();
  @Message("任务分解表文件（CSV 或 Excel）") String fieldTasksFile();
  @Message("上传") String tasksUpload();
  @Message("下载任务分解表（CSV）") String tasksExportCsv();
  @Message("下载任务分解表（Excel）") String tasksExportXlsx();
  @Message("已导入：共 {rows} 行，新增 {created} 项，更新 {updated} 项，未变 {unchanged} 项。") String tasksImported(int rows, int created, int updated, int unchanged);
  @Message("试导入：共 {rows} 行，将新增 {created} 项，更新 {updated} 项，未变 {unchanged} 项。未写入任何内容；取消勾选“仅试导入”后再次上传即正式导入。") String tasksDryRun(int rows, int created, int updated, int unchanged);
}
