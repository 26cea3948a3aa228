/** Order statistics for benchmark samples: nearest-rank percentiles, never interpolated. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Median, p75, p95 and max of a sample, rounded to 0.1. */
export interface Summary {
  n: number;
  median: number;
  p75: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: round(percentile(samples, 50)),
    p75: round(percentile(samples, 75)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    // Not Math.max(...samples): a bare endpoint run yields ~10⁵ samples, past the argument limit.
    max: round(
      samples.length === 0
        ? Number.NaN
        : samples.reduce((max, sample) => Math.max(max, sample), -Infinity),
    ),
  };
}
