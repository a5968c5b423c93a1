/**
 * Calls `onNear` once, the first time any of `elements` comes within `margin` of the viewport,
 * with that element (at once, with the first, where IntersectionObserver is missing). Returns a
 * function that cancels the watch.
 */
export function whenNear<E extends Element>(
  elements: readonly E[],
  margin: string,
  onNear: (element: E) => void,
): () => void {
  if (typeof IntersectionObserver === "undefined") {
    const first = elements[0];
    if (first) onNear(first);
    return () => {};
  }
  const seen = new IntersectionObserver(
    (entries) => {
      const near = entries.find((e) => e.isIntersecting);
      if (!near) return;
      seen.disconnect();
      onNear(near.target as E);
    },
    { rootMargin: margin },
  );
  for (const element of elements) seen.observe(element);
  return () => seen.disconnect();
}
