package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the staff pages: Chinese here, English in messages/msg_en.properties. */
@MessageBundle(value = "msg", locale = "zh")
public interface Msg {

  @Message("督办 · 政法为民实事") String app();
  @Message("领导驾驶舱") String navDashboard();
  @Message("事项清单") String navMeasures();
  @Message("退出登录") String navLogout();
  @Message("English") String navOtherLanguage();
  @Message("en") String otherLanguage();
  @Message("{#when role}{#is 'OFFICE'}督办办公室{#is 'LEADER'}领导{#is 'REPORTER'}责任单位{#is 'ADMIN'}系统管理员{#is 'SECURITY'}安全管理员{#is 'AUDITOR'}审计管理员{#else}{role}{/when}") String role(String role);
  @Message("公开查询") String navPublic();
  @Message("政法为民36件实事落实情况：每件实事的责任单位、时限、进展、延期和亮灯，向社会公开。") String siteDescription();

  @Message("登录") String loginTitle();
  @Message("用户名") String loginUsername();
  @Message("密码") String loginPassword();
  @Message("登录") String loginSubmit();
  @Message("用户名或密码不正确。") String loginError();
  @Message("督办办公室、领导和责任单位在此登录；公众无需登录即可查询各项实事的进展。") String loginHint();
  @Message("已退出登录。") String loggedOut();

  @Message("领导驾驶舱") String dashTitle();
  @Message("截至 {date}") String asOf(java.time.LocalDate date);
  @Message("事项总数") String total();
  @Message("逾期事项") String overdueCount();
  @Message("各领域亮灯情况") String byArea();
  @Message("亮灯趋势（每日扫描）") String trend();
  @Message("尚无每日扫描记录。") String noTrend();
  @Message("逾期事项（逾期最久的前 20 项）") String overdueTable();
  @Message("没有逾期事项。") String noOverdue();
  @Message("{round} 轮调度报送情况（{opens} 至 {closes}），按单位代码排列，不作排名") String compliance(String round, java.time.LocalDate opens, java.time.LocalDate closes);
  @Message("尚无已截止的调度轮次。") String noCompliance();
  @Message("下载台账（Excel）") String downloadLedger();
  @Message("下载逾期清单（Excel）") String downloadOverdue();
  @Message("各状态事项数") String byStatus();

  @Message("编号") String colCode();
  @Message("事项") String colTitle();
  @Message("领域") String colArea();
  @Message("牵头单位") String colLead();
  @Message("配合单位") String colCoUnits();
  @Message("承诺时限") String colCommitted();
  @Message("当前时限") String colDeadline();
  @Message("逾期天数") String colDaysOverdue();
  @Message("最近报送") String colLastReport();
  @Message("延期次数") String colPostponements();
  @Message("单位") String colUnit();
  @Message("事项数") String colMeasures();
  @Message("已报送") String colReported();
  @Message("未报送") String colMissed();
  @Message("进度") String colProgress();
  @Message("状态") String colStatus();
  @Message("亮灯") String colLight();
  @Message("启动日期") String colStart();

  @Message("{#when light}{#is 'RED'}红灯{#is 'YELLOW'}黄灯{#is 'GREEN'}绿灯{#else}已销号{/when}") String light(String light);
  @Message("{#when status}{#is 'NOT_STARTED'}未启动{#is 'IN_PROGRESS'}推进中{#is 'CLAIMED_DONE'}申请销号{#is 'VERIFIED'}已销号{#is 'SUSPENDED'}暂缓{#else}{status}{/when}") String status(String status);
  @Message("{#when area}{#is 'BUSINESS'}优化营商环境{#is 'STABILITY'}维护社会稳定{#is 'JUSTICE'}严格执法司法{#else}{area}{/when}") String area(String area);
  @Message("{#when state}{#is 'PENDING'}待审核{#is 'ACCEPTED'}已采纳{#is 'RETURNED'}已退回{#else}{state}{/when}") String reportState(String state);

  @Message("全部") String all();
  @Message("筛选") String filter();
  @Message("标题关键词") String keyword();
  @Message("共 {total} 项，第 {page} / {pages} 页") String pageOf(long total, int page, long pages);
  @Message("上一页") String previous();
  @Message("下一页") String next();
  @Message("没有符合条件的事项。") String noMeasures();

  @Message("逾期 {days} 天") String overdueDays(long days);
  @Message("内容摘要") String summary();
  @Message("原文摘录") String sourceQuote();
  @Message("牵头单位系推定") String leadInferred();
  @Message("假设说明") String assumptions();
  @Message("节点") String milestones();
  @Message("量化指标") String targets();
  @Message("延期记录") String postponements();
  @Message("{from} → {to}：{reason}（{by} 批准）") String postponementLine(java.time.LocalDate from, java.time.LocalDate to, String reason, String by);
  @Message("进展报告") String reports();
  @Message("暂无进展报告。") String noReports();
  @Message("内部备注") String notes();
  @Message("核验：{by}，{at}") String verified(String by, String at);

  @Message("报送进展") String reportForm();
  @Message("完成比例（0–100）") String fieldProgress();
  @Message("对外公开的进展摘要") String fieldPublicSummary();
  @Message("内部情况说明（不公开）") String fieldNarrative();
  @Message("提交报告") String submitReport();
  @Message("申请销号") String claimDone();
  @Message("牵头单位确认已完成全部承诺内容，申请督办办公室核验销号。") String claimDoneHint();
  @Message("采纳") String accept();
  @Message("退回") String returnReport();
  @Message("退回理由") String fieldReturnReason();
  @Message("核验销号") String verify();
  @Message("退回重办") String reopen();
  @Message("理由") String fieldReason();
  @Message("延期") String postpone();
  @Message("新的时限") String fieldNewDeadline();
  @Message("延期理由（公开）") String fieldPostponeReason();
  @Message("督办办公室操作") String officeActions();

  @Message("{#when done}{#is 'report'}进展报告已提交，等待督办办公室审核。{#is 'accept'}报告已采纳，事项进度已更新。{#is 'return'}报告已退回。{#is 'claim'}已申请销号。{#is 'verify'}事项已核验销号。{#is 'reopen'}事项已退回重办。{#is 'postpone'}延期已记录。{#else}已完成。{/when}") String done(String done);
  @Message("操作未完成：{detail}") String failed(String detail);

  @Message("政法为民36件实事 · 落实情况公开查询") String pubTitle();
  @Message("2021年5月14日，全省政法机关面向社会公开承诺“政法为民36件实事”，接受社会监督。这里公开每件实事的责任单位、承诺时限和当前时限、进展、每次延期及其理由，以及核验销号情况，无需登录。") String pubIntro();
  @Message("亮灯规则") String ruleTitle();
  @Message("以 {zone} 时区的日期为准；当前时限当天24时前申请销号的不算逾期。") String ruleZone(String zone);
  @Message("进展时间线") String timeline();
  @Message("暂无公开进展。") String noTimeline();
  @Message("{#when kind}{#is 'PROGRESS'}进展{#is 'POSTPONED'}延期{#is 'CLAIMED_DONE'}申请销号{#is 'VERIFIED'}核验销号{#is 'REOPENED'}退回继续推进{#is 'SUSPENDED'}暂缓{#is 'RESUMED'}恢复推进{#else}{kind}{/when}") String eventKind(String kind);
  @Message("时限由 {from} 调整为 {to}") String deadlineMoved(java.time.LocalDate from, java.time.LocalDate to);
  @Message("完成 {progress}%") String progressAt(Integer progress);
  @Message("{from} → {to}：{reason}（{at} 批准）") String publicPostponement(java.time.LocalDate from, java.time.LocalDate to, String reason, String at);
  @Message("工作人员登录") String staffLogin();
  @Message("开放数据") String openData();
  @Message("全部实事（CSV，可用 Excel 打开）") String csvLink();
  @Message("进展订阅（Atom）") String feedLink();
  @Message("接口说明") String apiLink();
  @Message("返回清单") String backToList();
  @Message("最近更新") String lastUpdate();
  @Message("是否逾期") String colOverdue();
  @Message("逾期") String yes();
  @Message("否") String no();
  @Message("修改密码") String passwordTitle();
  @Message("密码已过期或已被管理员重置：请先修改密码。") String passwordRequired();
  @Message("密码已修改。") String passwordChanged();
  @Message("当前密码") String currentPassword();
  @Message("新密码") String newPassword();
  @Message("至少12位，包含小写字母、大写字母、数字、其他字符中的至少三类；不能是常见密码，不能包含用户名。") String passwordRules();
  @Message("修改") String passwordSubmit();

  @Message("验证码（已启用两步验证的账号填写）") String loginCode();
  @Message("登录失败次数过多，请10分钟后再试。") String loginThrottled();
  @Message("我的账号") String accountTitle();
  @Message("您的账号须使用两步验证登录：请先绑定身份验证器（手机应用）。") String enrolRequired();
  @Message("仅凭密码不足以使用此账号：请在登录页输入身份验证器上的验证码重新登录。") String secondFactorRequired();
  @Message("两步验证") String secondFactor();
  @Message("请用身份验证器应用（如 FreeOTP、Google 身份验证器、Microsoft Authenticator）扫描下面的二维码，或手动输入密钥，然后输入应用上显示的6位验证码。") String totpScan();
  @Message("密钥：") String totpSecret();
  @Message("6位验证码") String totpCode();
  @Message("确认绑定") String totpConfirm();
  @Message("两步验证已启用：登录时需输入身份验证器上的验证码。") String totpOn();
  @Message("两步验证已绑定。此前在其他地方登录的会话已全部结束。") String totpEnrolled();
  @Message("系统管理员、安全管理员和审计管理员必须使用两步验证（等级保护第三级要求管理员双因素认证）。") String totpRequiredText();
  @Message("您可以启用两步验证：登录时除密码外还需输入手机应用上的验证码。") String totpOptionalText();
  @Message("绑定身份验证器") String totpBegin();
  @Message("当前验证码（更换手机时填写原验证器上的验证码）") String totpCurrentCode();
  @Message("更换身份验证器") String totpReplace();
  @Message("接口令牌") String tokens();
  @Message("脚本和系统对接使用个人接口令牌（请求头 Authorization: Bearer 令牌），代表您本人、以您的角色和范围操作；令牌只在创建时显示一次，可随时吊销。") String tokensText();
  @Message("令牌已创建。请立即复制保存，离开本页后将无法再次查看：") String tokenCreated();
  @Message("尚无令牌。") String noTokens();
  @Message("名称") String tokenName();
  @Message("开头") String tokenHint();
  @Message("创建时间") String tokenCreatedAt();
  @Message("有效期至") String tokenExpires();
  @Message("最近使用") String tokenLastUsed();
  @Message("状态") String tokenState();
  @Message("已吊销") String tokenRevokedState();
  @Message("吊销") String tokenRevoke();
  @Message("令牌已吊销，立即失效。") String tokenRevoked();
  @Message("不填则有效90天，最长365天。") String tokenExpiresHint();
  @Message("创建令牌") String tokenCreate();

  // --- admin-pages: overdue, ledger, units, users, audit pages (issue 13) ---
  @Message("逾期清单") String navOverdue();
  @Message("台账") String navLedger();
  @Message("单位管理") String navUnits();
  @Message("账号管理") String navUsers();
  @Message("审计日志") String navAudit();
  @Message("逾期事项清单") String overdueTitle();
  @Message("单位（牵头或配合）") String overdueUnit();
  @Message("下载逾期清单（CSV）") String downloadOverdueCsv();
  @Message("（点击改为逾期最短的在前）") String sortShortestFirst();
  @Message("（点击改为逾期最久的在前）") String sortLongestFirst();
  @Message("工作推进台账") String ledgerTitle();
  @Message("当日台账") String ledgerToday();
  @Message("{round} 轮截止时的台账") String ledgerOfRound(String round);
  @Message("台账") String ledgerRound();
  @Message("查看") String ledgerShow();
  @Message("尚无保存了台账的已截止调度轮次。") String ledgerNoRounds();
  @Message("序号") String ledgerNo();
  @Message("进展情况") String ledgerProgressText();
}
