package io.azureglossary.bench;

/**
 * A deliberately slowed engine, for proving that the performance gate fails when it should:
 * {@code -Dglossary.bench.slowdown.micros=N} makes every measured engine call (search, suggest)
 * spin for N microseconds more. Zero, the default, costs one predictable branch. Baselines and the
 * floor are never slowed, so the ratios they anchor grow as a slower engine's would.
 */
public final class Slowdown {
  /** Microseconds added to each engine call; 0 unless the system property is set. */
  public static final long MICROS = Long.getLong("glossary.bench.slowdown.micros", 0);
  private static final long NANOS = MICROS * 1000;

  private Slowdown() {}

  /** Spins for the configured time, if any. */
  public static void apply() {
    if (NANOS > 0) {
      long until = System.nanoTime() + NANOS;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }
  }
}
