/** Joins the site's base path (BASE_URL, with a trailing slash) and a path inside the site. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith("/")
    ? import.meta.env.BASE_URL
    : `${import.meta.env.BASE_URL}/`;
  return base + path.replace(/^\//, "");
}

export function chapterHref(id: string): string {
  return withBase(`chapters/${id}/`);
}
