package org.duban.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units a catalogue file may name, and how a cell names one: by its code ({@code fy}, also typed
 * in full-width letters, {@code ｆｙ}: the cell is NFKC-normalised) or by its exact name
 * ({@code 省法院}; NFKC on both sides, so full-width and half-width brackets are the same name).
 * A text that names no unit, or more than one (two units of one name, or one unit's code that is
 * another's name), is refused with the candidates, never guessed. Codes are case-sensitive, as the
 * API's are: {@code FY} is not {@code fy}, and the refusal says so.
 */
final class CatalogueUnits {

  private final Map<String, String> names = new LinkedHashMap<>(); // code → name

  private CatalogueUnits(Map<String, String> codeToName) {
    names.putAll(codeToName);
  }

  /** The units by code, each with its name. */
  static CatalogueUnits of(Map<String, String> codeToName) {
    return new CatalogueUnits(codeToName);
  }

  /** The code of the unit a cell names; an IllegalArgumentException saying why there is none. */
  String code(String cell) {
    String text = nfkc(cell);
    Set<String> found = new LinkedHashSet<>();
    if (names.containsKey(text)) {
      found.add(text);
    }
    names.forEach((code, name) -> {
      if (nfkc(name).equals(text)) {
        found.add(code);
      }
    });
    if (found.size() == 1) {
      return found.iterator().next();
    }
    if (found.isEmpty()) {
      List<String> sameButCase = new ArrayList<>();
      names.keySet().stream().filter(c -> c.equalsIgnoreCase(text)).forEach(sameButCase::add);
      throw new IllegalArgumentException("no unit has the code or the name '" + cell + "'"
          + (sameButCase.isEmpty() ? "" : " (codes are case-sensitive: did you mean '" + String.join("' or '", sameButCase) + "'?)"));
    }
    List<String> candidates = found.stream().map(c -> c + " " + names.get(c)).toList();
    throw new IllegalArgumentException("'" + cell + "' could be more than one unit (" + String.join(", ", candidates)
        + "); write the unit's code");
  }

  static String nfkc(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
  }
}
