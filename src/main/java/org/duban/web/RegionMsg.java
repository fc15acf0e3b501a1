package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the region pages and fields (issue 14): Chinese here, English in
 * messages/regionMsg_en.properties. A bundle of its own because Quarkus 3.33 generates a broken
 * resolver (VerifyError at start) for a bundle of more than 300 messages, and {@link Msg} has 298.
 */
@MessageBundle(value = "regionMsg", locale = "zh")
public interface RegionMsg {

  @Message("行政区划") String navRegions();
  @Message("区划代码") String regionCode();
  @Message("名称") String regionName();
  @Message("层级") String regionLevel();
  @Message("{#when level}{#is 1}省{#is 2}市{#is 3}县（市、区）{#else}{level}{/when}") String regionLevelName(int level);
  @Message("上级区划") String regionParent();
  @Message("单位数") String regionUnits();
  @Message("行政区划按 GB/T 2260 六位代码组织，分省、市、县三级；省和 16 个市随系统提供。县（市、区）和名称、隶属的变更通过 CSV 导入（列：code,name,parent；上级可以是文件中的另一行）；已有代码按文件更新名称和上级，其下级随之移动。任何一行有误则全部不导入。") String regionsText();
  @Message("已导入：新增 {created} 个，更新 {updated} 个，{unchanged} 个不变。") String regionsImported(int created, int updated, int unchanged);
  @Message("试导入通过：{rows} 行均可导入（将新增 {created} 个，更新 {updated} 个，{unchanged} 个不变）。取消勾选“仅试导入”后再次提交即正式导入。") String regionsDry(int rows, int created, int updated, int unchanged);
  @Message("所在行政区划") String unitRegion();
  @Message("上级单位（条线）") String unitParent();
  @Message("行政区划") String userRegionColumn();
  @Message("管辖区划（仅督办、领导、填报账号；填报账号默认为其单位所在区划）") String userRegion();
  @Message("全省（不限）") String regionNone();

  // the users page's search (many accounts: a province has ~750 units)
  @Message("查找用户名") String userSearch();
  @Message("查找") String userSearchButton();
}
