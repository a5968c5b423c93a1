/**
 * The summary band: "concurrency over time" as stacked areas (running, waiting, blocked,
 * ready), one value per two-pixel column, so its cost depends on the width, not on how many
 * tasks there were.
 */
import { binConcurrency, COUNT_KEYS, type ConcurrencySeries } from "./concurrency.ts";
import type { XScale } from "./lane-draw.ts";
import { px, svg } from "./svg.ts";

export const BAND_H = 72;
const COLUMN_PX = 2;

/** Redraws the band into `g` for [0, now]; returns the peak column total it drew to. */
export function drawBand(
  g: SVGGElement,
  series: ConcurrencySeries,
  x: XScale,
  now: number,
): number {
  const x0 = x(0);
  const width = Math.max(0, x(now) - x0);
  const columns = Math.max(1, Math.ceil(width / COLUMN_PX));
  const bins = binConcurrency(series, 0, now, columns);
  const cw = width / columns;
  let peak = 1;
  for (let c = 0; c < columns; c++) {
    let sum = 0;
    for (const k of COUNT_KEYS) sum += bins[k][c]!;
    peak = Math.max(peak, sum);
  }
  const y = (v: number) => BAND_H - (v / peak) * (BAND_H - 4);
  const base = new Float64Array(columns);
  const paths: SVGElement[] = [
    svg("line", { x1: px(x0), x2: px(x0 + width), y1: BAND_H, y2: BAND_H }, "tl-band-base"),
  ];
  for (const k of COUNT_KEYS) {
    const v = bins[k];
    let top = "";
    let bottom = "";
    let any = false;
    for (let c = 0; c < columns; c++) {
      const a = px(x0 + c * cw);
      const b = px(x0 + (c + 1) * cw);
      const lo = base[c]!;
      const hi = lo + v[c]!;
      if (v[c]! > 0) any = true;
      top += `L${a} ${px(y(hi))}L${b} ${px(y(hi))}`;
      bottom = `L${b} ${px(y(lo))}L${a} ${px(y(lo))}${bottom}`;
      base[c] = hi;
    }
    if (!any) continue;
    paths.push(svg("path", { d: `M${top.slice(1)}${bottom}Z` }, `tl-band tl-band-${k}`));
  }
  g.replaceChildren(...paths);
  return peak;
}
