/** The middle value of a bench's samples (the upper middle of an even count; NaN if none). */
export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
