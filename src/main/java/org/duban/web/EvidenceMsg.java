package org.duban.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the evidence files on the report tables (issue 15): Chinese here, English in
 * messages/emsg_en.properties. A bundle of its own, as {@link Msg} is at Quarkus' limit.
 */
@MessageBundle(value = "emsg", locale = "zh")
public interface EvidenceMsg {

  @Message("佐证材料") String colFiles();
  @Message("无") String noFiles();
  @Message("{size} 字节") String size(long size);
  @Message("SHA-256 校验值") String sha256();
  @Message("已公开") String published();
  @Message("上传佐证材料（PDF、JPEG、PNG、DOCX、XLSX，不超过 {mb} MB）") String chooseFile(int mb);
  @Message("上传") String upload();
  @Message("佐证材料已上传。") String uploaded();
}
