/**
 * JMH benchmarks of the glossary engine beside a plain-Lucene baseline, at the bundled size and at
 * 10k and 100k synthetic terms, and the tools around them: {@link io.azureglossary.bench.BenchReport}
 * (Markdown table, SVG chart, the CI gate's {@code bench-smoke.json}) and
 * {@link io.azureglossary.bench.MemoryReport}; and the start-up benchmark, fresh processes rather than
 * JMH: {@link io.azureglossary.bench.StartupBenchmark}, {@link io.azureglossary.bench.StartupProbe},
 * {@link io.azureglossary.bench.StartupReport}. Not an API: nothing here is meant to be depended on.
 * See {@code glossary-bench/README.md}.
 */
package io.azureglossary.bench;
