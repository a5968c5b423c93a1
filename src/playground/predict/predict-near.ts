/**
 * Loads the Predict's script (`predict-island.ts`) when a Predict comes within half a screen of
 * the viewport, not with the page: most readers read a long way before reaching one, and the
 * script is part of what a chapter would otherwise load before the reader does anything.
 * Until then the Predict reads as it does without JavaScript (its controls are `data-js-only`),
 * and its example's recorded output is already hidden by CSS.
 */
const predicts = document.querySelectorAll("section[data-predict]");
if (predicts.length > 0) {
  const near = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      void import("./predict-island.ts");
    },
    { rootMargin: "50% 0px" },
  );
  for (const p of predicts) near.observe(p);
}
