/**
 * The dark-mode switch. ThemeInit has already set `data-theme` before paint; this keeps the
 * button in step, stores an explicit choice, and follows the system until the reader chooses.
 */
type Theme = "light" | "dark";

const KEY = "theme";

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.setAttribute("aria-pressed", String(theme === "dark"));
  }
  document.dispatchEvent(new CustomEvent("themechange", { detail: theme }));
}

export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

export function initThemeToggle(): void {
  const media = matchMedia("(prefers-color-scheme: dark)");
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const next: Theme = currentTheme() === "dark" ? "light" : "dark";
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Storage can be off (private mode); the switch still works for this page.
      }
      apply(next);
    });
  }
  media.addEventListener("change", () => {
    if (stored() === null) apply(media.matches ? "dark" : "light");
  });
  apply(currentTheme());
}
