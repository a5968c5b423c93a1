/**
 * The host's own `setTimeout`/`clearTimeout`, taken when the runtime is loaded. The sandbox then
 * replaces the globals with timers that run on the loop (src/sandbox/globals.ts); a loop that
 * waited for real time through those would schedule a loop timer to wake itself, be woken by it
 * at once, and spin. The loop's real-time waits must use these.
 */
export const nativeSetTimeout: typeof setTimeout = globalThis.setTimeout.bind(globalThis);
export const nativeClearTimeout: typeof clearTimeout = globalThis.clearTimeout.bind(globalThis);
