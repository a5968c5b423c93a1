/**
 * Which section is being read, from where the headings are. Pure (section-links.ts measures).
 *
 * @example
 * currentSection([-500, -20, 300], 60) // 1: the second heading has passed the line
 */
export function currentSection(headingTops: readonly number[], line: number): number {
  let current = 0;
  headingTops.forEach((top, i) => {
    if (top <= line) current = i;
  });
  return current;
}
