/**
 * The timeline's sentences for the reader. They live beside the timeline, not in the widget's
 * table (`../strings.ts`), because that table loads with every page and these are needed only
 * once a timeline is drawn: the page's JS before interaction stays within its budget.
 */
const EN = {
  recorded: "CPython's run (recorded)",
  "show-table": "Show as table",
  "show-timeline": "Show as timeline",
  "zoom-in": "Zoom in",
  "zoom-out": "Zoom out",
  fit: "Fit to activity",
  "zoom-help":
    "Zoom: Ctrl + wheel or pinch over the plot, or + and − with the timeline focused; arrow keys pan; 0 fits",
} as const;

/**
 * The pre-run drawing's title: which CPython's recorded run it is.
 * @example
 * recordedTitle("3.13"); // "CPython 3.13's run (recorded)"
 */
export function recordedTitle(version: string): string {
  return version ? `CPython ${version}'s run (recorded)` : EN.recorded;
}

/**
 * The timeline's text for `key`.
 * @example
 * tl("show-table"); // "Show as table"
 */
export function tl(key: keyof typeof EN): string {
  return EN[key];
}
