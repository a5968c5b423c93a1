/** Python built-in exceptions the services raise that the runtime does not define. */

function named<T extends Error>(e: T, name: string): T {
  Object.defineProperty(e, "name", { value: name, enumerable: false, configurable: true });
  return e;
}

/**
 * Python's `IndexError`.
 * @example
 * random.choice([]); // IndexError: Cannot choose from an empty sequence
 */
export class IndexError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    named(this, "IndexError");
  }
}

/**
 * Python's `FileNotFoundError` (an `OSError`), with Python's message form.
 * @example
 * await aiofiles.open("missing.txt"); // FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'
 */
export class FileNotFoundError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    named(this, "FileNotFoundError");
  }
}

/** Give an error class instance its Python type name (`error.name`, what transcripts print). */
export function pyNamed<T extends Error>(e: T, name: string): T {
  return named(e, name);
}
