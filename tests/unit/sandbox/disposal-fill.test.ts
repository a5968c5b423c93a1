import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AsyncDisposableStackFill,
  fillDisposalGlobals,
  SuppressedErrorFill,
} from "../../../src/sandbox/disposal-fill.ts";

// Node 24 has the built-ins, so each scenario runs on the native stack and on the fill, and the
// two must agree: what a reader's program sees in Safari (the fill) is what Chrome shows.
type Stack = {
  use<T>(value: T): T;
  adopt<T>(value: T, onDispose: (value: T) => unknown): T;
  defer(onDispose: () => unknown): void;
  move(): Stack;
  disposeAsync(): Promise<void>;
  readonly disposed: boolean;
};
const stacks: [string, () => Stack][] = [
  ["native", () => new AsyncDisposableStack() as unknown as Stack],
  ["fill", () => new AsyncDisposableStackFill() as unknown as Stack],
];

async function scenario(make: () => Stack): Promise<string[]> {
  const log: string[] = [];
  const stack = make();
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  stack.use({
    async [Symbol.asyncDispose]() {
      await tick();
      log.push("async resource");
    },
  });
  stack.use({
    [Symbol.dispose]() {
      log.push("sync resource");
    },
  });
  stack.use(null);
  stack.adopt("file", (name) => log.push(`adopted ${name}`));
  stack.defer(async () => {
    await tick();
    log.push("deferred");
  });
  log.push(`disposed before: ${stack.disposed}`);
  await stack.disposeAsync();
  log.push(`disposed after: ${stack.disposed}`);
  await stack.disposeAsync(); // a second call does nothing
  return log;
}

test("the fill disposes last in, first out, awaiting each, as the native stack does", async () => {
  const [native, fill] = await Promise.all(stacks.map(([, make]) => scenario(make)));
  assert.deepEqual(fill, native);
  assert.deepEqual(fill, [
    "disposed before: false",
    "deferred",
    "adopted file",
    "sync resource",
    "async resource",
    "disposed after: true",
  ]);
});

async function failures(make: () => Stack): Promise<unknown> {
  const stack = make();
  stack.defer(() => {
    throw new Error("first in");
  });
  stack.defer(async () => {
    throw new Error("last in");
  });
  return stack.disposeAsync().then(
    () => "no error",
    (e) => e,
  );
}

test("the fill chains disposal errors in a SuppressedError, newest outside, as the native one", async () => {
  for (const [name, make] of stacks) {
    const e = (await failures(make)) as SuppressedError;
    assert.equal(e.name, "SuppressedError", name);
    assert.equal(e.message, "An error was suppressed during disposal", name);
    assert.equal((e.error as Error).message, "first in", name);
    assert.equal((e.suppressed as Error).message, "last in", name);
  }
});

test("the fill refuses what the native stack refuses, with the same error types", async () => {
  for (const [name, make] of stacks) {
    const stack = make();
    assert.throws(() => stack.use(5), TypeError, name);
    assert.throws(() => stack.use({}), TypeError, name);
    assert.throws(() => stack.defer(1 as never), TypeError, name);
    await stack.disposeAsync();
    assert.throws(() => stack.defer(() => {}), ReferenceError, name);
    assert.throws(() => stack.move(), ReferenceError, name);
  }
});

test("move() hands every disposer to a new stack and leaves the old one disposed", async () => {
  for (const [name, make] of stacks) {
    const log: string[] = [];
    const first = make();
    first.defer(() => log.push("a"));
    first.defer(() => log.push("b"));
    const second = first.move();
    assert.equal(first.disposed, true, name);
    await first.disposeAsync();
    assert.deepEqual(log, [], name);
    await second.disposeAsync();
    assert.deepEqual(log, ["b", "a"], name);
  }
});

test("await using accepts the fill, and it names itself as the native stack does", async () => {
  const log: string[] = [];
  {
    await using stack = new AsyncDisposableStackFill();
    stack.defer(() => log.push("disposed at the block's end"));
    log.push("in the block");
  }
  assert.deepEqual(log, ["in the block", "disposed at the block's end"]);
  assert.equal(
    Object.prototype.toString.call(new AsyncDisposableStackFill()),
    Object.prototype.toString.call(new AsyncDisposableStack()),
  );
});

test("globals that lack the built-ins get the fills; present ones are kept", () => {
  const bare: Record<string, unknown> = {};
  assert.deepEqual(fillDisposalGlobals(bare), ["SuppressedError", "AsyncDisposableStack"]);
  assert.equal(bare.AsyncDisposableStack, AsyncDisposableStackFill);
  assert.equal(bare.SuppressedError, SuppressedErrorFill);
  const modern: Record<string, unknown> = {
    SuppressedError,
    AsyncDisposableStack,
  };
  assert.deepEqual(fillDisposalGlobals(modern), []);
  assert.equal(modern.AsyncDisposableStack, AsyncDisposableStack);
});
