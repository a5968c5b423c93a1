/**
 * Calls `onNear` once, the first time any of `elements` comes within `margin` of the viewport
 * (at once where IntersectionObserver is missing). Returns a function that cancels the watch.
 */
export function whenNear(
  elements: readonly Element[],
  margin: string,
  onNear: () => void,
): () => void {
  if (typeof IntersectionObserver === "undefined") {
    onNear();
    return () => {};
  }
  const seen = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      onNear();
    },
    { rootMargin: margin },
  );
  for (const element of elements) seen.observe(element);
  return () => seen.disconnect();
}
