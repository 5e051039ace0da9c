package io.azureglossary.bench;

/**
 * A {@code main} that does nothing: the floor of the start-up benchmark, the cost of starting and
 * stopping a JVM with the benchmark's classpath (see {@link StartupBenchmark}).
 */
public final class EmptyMain {
  private EmptyMain() {}

  /** Returns at once. */
  public static void main(String[] args) {}
}
