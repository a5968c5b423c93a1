/**
 * Python's `==` for the values tests compare (`assertEqual`, a mock's recorded arguments):
 * primitives by value, arrays and plain objects element by element, anything else by identity.
 * @example
 * pyEquals([1, { a: "x" }], [1, { a: "x" }]); // true, as [1, {"a": "x"}] == [1, {"a": "x"}]
 */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (Object.getPrototypeOf(a) !== Object.prototype) return false;
  if (Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return (
    keys.length === Object.keys(rb).length && keys.every((k) => k in rb && pyEquals(ra[k], rb[k]))
  );
}
