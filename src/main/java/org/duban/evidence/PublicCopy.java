package org.duban.evidence;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The copy of a photo the public may see: the same picture without what it says about where and by
 * whom it was taken. Streamed segment by segment, never decoded: a 20 MB photo decoded by ImageIO
 * would take some hundred MB of pixels (under {@code -Xmx256m}), and re-encoding a JPEG loses
 * quality; dropping the metadata segments loses neither.
 *
 * <ul>
 *   <li>JPEG: every APPn segment goes (APP1 Exif with its GPS position and XMP, APP13 IPTC, maker
 *       notes, ...) but JFIF's APP0, the colour profile (APP2 ICC_PROFILE) and Adobe's APP14 (how
 *       the colours are encoded); comments (COM) go. From the first scan on the data is copied as it
 *       is.
 *   <li>PNG: the critical chunks and those that say how to show the pixels (transparency, gamma,
 *       chromaticity, colour profile, significant bits, background, pixel size, animation) stay;
 *       eXIf, the text chunks (tEXt, zTXt, iTXt), tIME and anything unknown go.
 * </ul>
 *
 * Pure (no CDI), so the unit tier tests it.
 */
public final class PublicCopy {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> PNG_KEPT =
      Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

  private PublicCopy() {}

  /** Copies {@code in} to {@code out} without its metadata; {@code mediaType} is JPEG or PNG. */
  public static void strip(String mediaType, InputStream in, OutputStream out) throws IOException {
    switch (mediaType) {
      case EvidenceTypes.JPEG -> jpeg(new DataInputStream(in), out);
      case EvidenceTypes.PNG -> png(new DataInputStream(in), out);
      default -> throw new IllegalArgumentException("no public copy of " + mediaType);
    }
  }

  static void jpeg(DataInputStream in, OutputStream out) throws IOException {
    if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != 0xD8) {
      throw new IOException("not a JPEG");
    }
    out.write(0xFF);
    out.write(0xD8);
    while (true) {
      int b = in.readUnsignedByte();
      if (b != 0xFF) {
        throw new IOException("a JPEG marker was expected");
      }
      int marker;
      do {
        marker = in.readUnsignedByte();
      } while (marker == 0xFF);
      if (marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        out.write(0xFF);
        out.write(marker);
        if (marker == 0xD9) {
          return;
        }
        continue;
      }
      int length = in.readUnsignedShort();
      if (length < 2) {
        throw new IOException("a JPEG segment is too short");
      }
      byte[] payload = new byte[length - 2];
      in.readFully(payload);
      if (keepJpegSegment(marker, payload)) {
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
      }
      if (marker == 0xDA) {
        in.transferTo(out); // the scans, and whatever follows them, as they are
        return;
      }
    }
  }

  private static boolean keepJpegSegment(int marker, byte[] payload) {
    if (marker == 0xFE) {
      return false; // a comment
    }
    if (marker < 0xE0 || marker > 0xEF) {
      return true; // tables, frame, scan: the picture itself
    }
    return switch (marker) {
      case 0xE0 -> startsWith(payload, "JFIF\0");
      case 0xE2 -> startsWith(payload, "ICC_PROFILE\0");
      case 0xEE -> startsWith(payload, "Adobe");
      default -> false;
    };
  }

  static void png(DataInputStream in, OutputStream out) throws IOException {
    byte[] signature = new byte[8];
    in.readFully(signature);
    if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) {
      throw new IOException("not a PNG");
    }
    out.write(signature);
    byte[] buffer = new byte[64 * 1024];
    while (true) {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException end) {
        return;
      }
      if (length < 0) {
        throw new IOException("a PNG chunk is too long");
      }
      byte[] type = new byte[4];
      in.readFully(type);
      String name = new String(type, StandardCharsets.ISO_8859_1);
      boolean keep = PNG_KEPT.contains(name);
      if (keep) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(type);
      }
      long left = length + 4L; // the data and its CRC
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException("a PNG chunk ends early");
        }
        if (keep) {
          out.write(buffer, 0, n);
        }
        left -= n;
      }
      if ("IEND".equals(name)) {
        return;
      }
    }
  }

  private static boolean startsWith(byte[] payload, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (payload.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (payload[i] != p[i]) {
        return false;
      }
    }
    return true;
  }
}
