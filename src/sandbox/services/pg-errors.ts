/** asyncpg's exceptions (`asyncpg.PostgresError` and the subclasses the simulated database raises). */

/**
 * Any error the database reports. Python: `asyncpg.PostgresError` (subclasses by name:
 * `UniqueViolationError`, `UndefinedTableError`, `UndefinedColumnError`, `DuplicateTableError`,
 * `PostgresSyntaxError`).
 * @example
 * catch (e) { if (e instanceof asyncpg.UniqueViolationError) print("taken"); }
 */
export class PostgresError extends Error {
  override name = "PostgresError";
}
/** Python: `asyncpg.UniqueViolationError`. @example catch (e) { if (e instanceof asyncpg.UniqueViolationError) … } */
export class UniqueViolationError extends PostgresError {
  override name = "UniqueViolationError";
}
/** Python: `asyncpg.UndefinedTableError`. @example catch (e) { if (e instanceof asyncpg.UndefinedTableError) … } */
export class UndefinedTableError extends PostgresError {
  override name = "UndefinedTableError";
}
/** Python: `asyncpg.UndefinedColumnError`. @example catch (e) { if (e instanceof asyncpg.UndefinedColumnError) … } */
export class UndefinedColumnError extends PostgresError {
  override name = "UndefinedColumnError";
}
/** Python: `asyncpg.DuplicateTableError`. @example catch (e) { if (e instanceof asyncpg.DuplicateTableError) … } */
export class DuplicateTableError extends PostgresError {
  override name = "DuplicateTableError";
}
/** Python: `asyncpg.PostgresSyntaxError` (also: a statement the simulation does not support). @example catch (e) { if (e instanceof asyncpg.PostgresSyntaxError) … } */
export class PostgresSyntaxError extends PostgresError {
  override name = "PostgresSyntaxError";
}
/**
 * Misuse of a connection, e.g. two queries at once on one. Python: `asyncpg.InterfaceError`.
 * @example
 * // InterfaceError: cannot perform operation: another operation is in progress
 */
export class InterfaceError extends Error {
  override name = "InterfaceError";
}

const CLASSES = {
  PostgresError,
  UniqueViolationError,
  UndefinedTableError,
  UndefinedColumnError,
  DuplicateTableError,
  PostgresSyntaxError,
};

/** An error of the class named `name`. */
export function pgError(name: keyof typeof CLASSES, message: string): PostgresError {
  return new CLASSES[name](message);
}
