/** Python's built-in `AssertionError`, shared by the `unittest` and `unittest.mock` modules. */
import { pyNamed } from "./py-errors.ts";

/**
 * A failed check. Python: `AssertionError` (what `assert`, `self.assertEqual` and a mock's
 * `assert_awaited_once_with` raise).
 * @example
 * if (total !== 3) throw new AssertionError(`${total} != 3`);
 */
export class AssertionError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    pyNamed(this, "AssertionError");
  }
}
