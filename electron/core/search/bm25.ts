// Lunr's BM25 field weights, computed directly. lunr.Builder computes them through
// an object per posting (invertedIndex[term][field][doc]) and a lunr.Vector per
// field, which dominated the build on a large corpus; these are the same formulas
// (lunr.Builder#createFieldVectors, lunr.idf, Lunr's defaults k1 = 1.2, b = 0.75,
// no boosts) with the same floating-point operations in the same order, so every
// weight is bit for bit what Lunr stores. A unit test compares with lunr.Builder.

/** Lunr's defaults (lunr.Builder#k1, #b). */
export const LUNR_K1 = 1.2;
export const LUNR_B = 0.75;

/**
 * lunr.idf: `documentsWithTerm` counts (field, document) pairs that contain the term
 * (Lunr sums the documents of every field of the posting).
 */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/**
 * The weight Lunr stores in a field vector, in thousandths: Lunr keeps
 * `Math.round(score * 1000) / 1000`, which is exactly `lunrWeightThousandths(…) / 1000`.
 */
export function lunrWeightThousandths(
  idf: number,
  tf: number,
  fieldLength: number,
  averageFieldLength: number,
): number {
  const score =
    (idf * ((LUNR_K1 + 1) * tf)) /
    (LUNR_K1 * (1 - LUNR_B + LUNR_B * (fieldLength / averageFieldLength)) + tf);
  return Math.round(score * 1000);
}
