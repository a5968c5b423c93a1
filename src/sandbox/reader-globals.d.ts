/**
 * Globals that reader code finds in the sandbox besides its imports (see globals.ts). This file
 * types the examples' `main.ts` files in the repository; the editor gets the same declarations.
 */

/**
 * Python's `print`: values formatted as Python shows them (`True`, `None`, `['a', 'b']`),
 * separated by spaces, stamped with the current task and the loop's time. A last argument
 * `{ sep, end }` works like Python's keyword arguments.
 * @example
 * print("Hello,", name); // print("Hello,", name)
 * print(1, 2, 3, { sep: ", " }); // print(1, 2, 3, sep=", ")
 */
declare function print(...args: unknown[]): void;
