package org.duban.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The feed's text filter on its own: what XML 1.0 forbids goes, everything else stays. */
@Tag("unit")
class PublicFeedsTest {

  @Test
  void charactersXmlForbidsAreDroppedAndTheRestKept() {
    String planted = "a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ufffeh\uffffi\ud800j\udc00k";
    assertThat(PublicFeeds.xmlText(planted)).isEqualTo("abcdefghijk");
    String allowed = "tab\tline\nreturn\r中文 \u007f \ud7ff \ue000 \ufffd 😀 \ud83d\ude00";
    assertThat(PublicFeeds.xmlText(allowed)).isSameAs(allowed);
    assertThat(PublicFeeds.xmlText("落单的高代理项在末尾\ud83d")).isEqualTo("落单的高代理项在末尾");
    assertThat(PublicFeeds.xmlText(null)).isEmpty();
  }

  @Test
  void whatTheWriterWritesFromAFilteredTextParses() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("summary");
    xml.writeCharacters(PublicFeeds.xmlText("进展\u0002\u001b[31m\ufffe\ud800完成"));
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("进展[31m完成");
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("\u0002");
  }
}
