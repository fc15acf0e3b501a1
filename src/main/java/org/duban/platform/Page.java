package org.duban.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, page, size, total}}; pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
