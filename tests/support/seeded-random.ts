/**
 * A seeded pseudo-random generator (a 32-bit linear congruential one): numbers in [0, 1) that
 * look random but are the same on every run with the same seed, for jitter and generated data.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}
