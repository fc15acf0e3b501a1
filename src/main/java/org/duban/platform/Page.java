package org.duban.platform;

import java.util.List;

/** One page of a list: {@code {items, page, size, total}}; pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
}
