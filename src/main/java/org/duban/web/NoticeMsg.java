package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The notice page's words for the leadership digest (issue 15, point 7): Chinese here, English in
 * messages/nmsg_en.properties. A bundle of its own, as {@link Msg} is near the 300 messages past
 * which Quarkus 3.33 fails at start.
 */
@MessageBundle(value = "nmsg", locale = "zh")
public interface NoticeMsg {

  @Message("汇总通报") String digestLabel();
  @Message("汇总通报，列 {count} 项") String digestItems(Integer count);
  @Message("查看所列事项") String digestShowItems();
  @Message("已并入汇总通报 #{id}") String inDigest(Long id);
  @Message("汇总通报 #{id} 所列事项（发送状态为该汇总通报的状态）") String digestHeading(Long id);
  @Message("全部通知") String allNotices();
}
