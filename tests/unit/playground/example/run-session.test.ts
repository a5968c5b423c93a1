import assert from "node:assert/strict";
import { test } from "node:test";
import type { ReaderError, RunPlan } from "../../../../src/playground/editor/run-plan.ts";
import type { EditorPort } from "../../../../src/playground/example/editor-port.ts";
import type { RunListener, RunOutcome } from "../../../../src/playground/example/run-listener.ts";
import { MARKED_STRAY_ERRORS, RunSession } from "../../../../src/playground/example/run-session.ts";
import type { HostRequest, RunnerMessage } from "../../../../src/sandbox/protocol.ts";

/** A sandbox that records what the page posts and lets the test answer on any channel. */
class FakeRunner {
  posts: HostRequest[] = [];
  #listeners = new Map<string, (m: RunnerMessage) => void>();
  async post(message: HostRequest): Promise<void> {
    this.posts.push(message);
  }
  subscribe(channel: string, listener: (m: RunnerMessage) => void): void {
    this.#listeners.set(channel, listener);
  }
  send(message: RunnerMessage): void {
    this.#listeners.get(message.channel)?.(message);
  }
  runs(): Extract<HostRequest, { kind: "run" }>[] {
    return this.posts.filter((m) => m.kind === "run");
  }
}

/** An editor whose Run preparation the test finishes when it wants. */
class FakeEditor implements EditorPort {
  marked: ReaderError[] = [];
  cleared = 0;
  pending: ((plan: RunPlan) => void)[] = [];
  statuses: ("loading-compiler" | "compiling" | "type-checking")[] = [];
  plan: RunPlan | null = { kind: "original" };
  code(): string {
    return "code";
  }
  pythonCode(): string | null {
    return null;
  }
  prepareRun(onStatus?: (s: "loading-compiler" | "compiling" | "type-checking") => void) {
    for (const s of this.statuses) onStatus?.(s);
    if (this.plan) return Promise.resolve(this.plan);
    return new Promise<RunPlan>((resolve) => this.pending.push(resolve));
  }
  mapCompiledPosition(line: number, column: number) {
    return { line: line - 10, column };
  }
  markRuntimeError(error: ReaderError): void {
    this.marked.push(error);
  }
  clearRuntimeErrors(): void {
    this.cleared++;
  }
  pythonMarked: { error: ReaderError; ran: string }[] = [];
  pythonCleared = 0;
  markPythonError(error: ReaderError, ran: string): void {
    this.pythonMarked.push({ error, ran });
  }
  clearPythonErrors(): void {
    this.pythonCleared++;
  }
}

/** Writes down everything a listener hears, in order. */
class Recorder implements RunListener {
  log: string[] = [];
  outcomes: RunOutcome[] = [];
  reset(start: { speed: string; rate: number }): void {
    this.log.push(`reset ${start.speed} ${start.rate}`);
  }
  phase(phase: string): void {
    this.log.push(`phase ${phase}`);
  }
  pythonVersion(version: string): void {
    this.log.push(`python ${version}`);
  }
  typeErrors(errors: readonly ReaderError[]): void {
    this.log.push(`type-errors ${errors.map((e) => e.text).join("|")}`);
  }
  events(batch: { lines: readonly { text: string }[] }): void {
    this.log.push(`lines ${batch.lines.map((l) => l.text).join("|")}`);
  }
  error(note: { error: ReaderError }): void {
    this.log.push(`error ${note.error.text}`);
  }
  finish(outcome: RunOutcome): void {
    this.outcomes.push(outcome);
    this.log.push(`finish ${outcome.status}`);
  }
}

function setup() {
  const runner = new FakeRunner();
  const editor = new FakeEditor();
  const recorder = new Recorder();
  const running: boolean[] = [];
  const session = new RunSession({
    channel: "ex#1",
    compiled: "/* precompiled */",
    runner,
    editor,
    listeners: [recorder],
    python: () => "3.13",
    onRunning: (r) => running.push(r),
  });
  return { runner, editor, recorder, running, session };
}

const print = (t: number, text: string) =>
  ({ type: "print", t, task: 1, name: "Task-1", text }) as const;

test("a run resets every listener at once, says it is starting, and streams the lines", async () => {
  const { runner, recorder, running, session } = setup();
  await session.run("10x");
  assert.deepEqual(runner.runs(), [
    { channel: "ex#1.1", kind: "run", code: "/* precompiled */", speed: "10x", python: "3.13" },
  ]);
  runner.send({ channel: "ex#1.1", kind: "events", run: 1, events: [print(0, "hello")] });
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "finished",
    t: 1,
    error: null,
    detail: "",
  });
  assert.deepEqual(recorder.log, [
    "reset 10x 10",
    "phase starting",
    "lines hello",
    "finish finished",
  ]);
  assert.deepEqual(running, [true, false]);
  assert.equal(recorder.outcomes[0]?.lines.length, 1);
  assert.equal(
    recorder.outcomes[0]?.python,
    "3.13",
    "the outcome says which version the run followed",
  );
});

test("the editor's statuses reach the listeners before the run starts", async () => {
  const { editor, recorder, session } = setup();
  editor.statuses = ["loading-compiler", "compiling"];
  editor.plan = { kind: "compiled", code: "x", typeErrors: [] };
  await session.run("1x");
  assert.deepEqual(recorder.log, [
    "reset 1x 1",
    "phase loading-compiler",
    "phase compiling",
    "phase starting",
  ]);
});

test("Run during a run starts clean: the old run is stopped and its late messages are ignored", async () => {
  const { runner, recorder, running, session } = setup();
  await session.run("1x");
  runner.send({ channel: "ex#1.1", kind: "events", run: 1, events: [print(0, "first run")] });
  await session.run("1x");
  // What the sandbox says about the first run after the second began, e.g. its "Stopped".
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "stopped",
    t: 0.5,
    error: null,
    detail: "",
  });
  runner.send({ channel: "ex#1.1", kind: "events", run: 1, events: [print(0.6, "late")] });
  runner.send({ channel: "ex#1.2", kind: "events", run: 1, events: [print(0, "second run")] });
  assert.deepEqual(
    runner.posts.map((m) => `${m.kind} ${m.channel}`),
    ["run ex#1.1", "stop ex#1.1", "run ex#1.2"],
  );
  assert.deepEqual(recorder.log.slice(recorder.log.lastIndexOf("reset 1x 1")), [
    "reset 1x 1",
    "phase starting",
    "lines second run",
  ]);
  assert.ok(!recorder.log.includes("finish stopped"));
  assert.deepEqual(running, [true, true]);
  assert.equal(session.running, true);
});

test("a run replaced while its code still compiles never reaches the sandbox", async () => {
  const { runner, editor, recorder, session } = setup();
  editor.plan = null;
  const first = session.run("1x");
  editor.plan = { kind: "original" };
  await session.run("1x");
  editor.pending[0]?.({ kind: "compiled", code: "stale", typeErrors: [] });
  await first;
  assert.deepEqual(
    runner.runs().map((m) => m.code),
    ["/* precompiled */"],
  );
  assert.equal(recorder.log.filter((l) => l.startsWith("reset")).length, 2);
});

test("Stop while compiling ends the run at once; Stop while running asks the sandbox", async () => {
  const { runner, editor, recorder, session } = setup();
  editor.plan = null;
  const run = session.run("1x");
  session.stop();
  assert.deepEqual(recorder.log.at(-1), "finish stopped");
  assert.equal(recorder.outcomes[0]?.compiled, false);
  editor.pending[0]?.({ kind: "original" });
  await run;
  assert.equal(runner.runs().length, 0);

  editor.plan = { kind: "original" };
  await session.run("1x");
  session.stop();
  assert.deepEqual(runner.posts.at(-1), { channel: "ex#1.2", kind: "stop" });
  assert.equal(session.running, true);
});

test("compile errors end the run before it starts, as values", async () => {
  const { runner, editor, recorder, session } = setup();
  const error = { text: "main.ts:2:3: error: Expected ';'", where: { line: 2, column: 3 } };
  editor.plan = { kind: "compile-error", errors: [error] };
  await session.run("instant");
  assert.equal(runner.posts.length, 0);
  assert.deepEqual(recorder.outcomes[0]?.compileErrors, [error]);
  assert.equal(recorder.outcomes[0]?.compiled, false);
  assert.equal(recorder.outcomes[0]?.status, "failed");
});

test("type errors are told before the run, and the run goes on", async () => {
  const { runner, editor, recorder, session } = setup();
  const error = { text: "main.ts:3:7: error: Type 'string' is not assignable", where: null };
  editor.plan = { kind: "compiled", code: "edited", typeErrors: [error] };
  await session.run("instant");
  assert.equal(runner.runs()[0]?.code, "edited");
  assert.ok(recorder.log.includes(`type-errors ${error.text}`));
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "finished",
    t: 0,
    error: null,
    detail: "",
  });
  assert.deepEqual(recorder.outcomes[0]?.typeErrors, [error]);
});

test("runtime errors become values mapped to the reader's code, and the editor marks them", async () => {
  const { runner, editor, recorder, session } = setup();
  editor.plan = { kind: "compiled", code: "edited", typeErrors: [] };
  await session.run("instant");
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "failed",
    t: 2,
    error: { type: "ValueError", message: "boom", position: { line: 13, column: 5 } },
    detail: "",
  });
  const expected = { text: "ValueError: boom", where: { line: 3, column: 5 } };
  assert.deepEqual(recorder.outcomes[0]?.error, expected);
  assert.deepEqual(editor.marked, [expected]);
  assert.equal(editor.cleared, 1);
});

test("a flood of stray errors marks only the first few in the editor, and always the run's own", async () => {
  const { runner, editor, recorder, session } = setup();
  editor.plan = { kind: "compiled", code: "edited", typeErrors: [] };
  await session.run("instant");
  const error = { type: "Error", message: "r", position: { line: 13, column: 1 } };
  for (let i = 0; i < 1000; i++)
    runner.send({
      channel: "ex#1.1",
      kind: "error",
      run: 1,
      t: 0,
      error,
      origin: "unhandled-rejection",
    });
  assert.equal(editor.marked.length, MARKED_STRAY_ERRORS);
  assert.equal(
    recorder.log.filter((l) => l.startsWith("error ")).length,
    1000,
    "every error still reaches the listeners",
  );
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "failed",
    t: 0,
    error,
    detail: "",
  });
  assert.equal(editor.marked.length, MARKED_STRAY_ERRORS + 1);
});

test("type errors found after the run started are told when they arrive, not waited for", async () => {
  const { runner, editor, recorder, session } = setup();
  const error = { text: "main.ts:2:7: error: Type 'string' is not assignable", where: null };
  let found: (errors: readonly ReaderError[]) => void = () => {};
  const late = new Promise<readonly ReaderError[]>((resolve) => {
    found = resolve;
  });
  editor.plan = { kind: "compiled", code: "edited", typeErrors: [], lateTypeErrors: late };
  await session.run("instant");
  // The code went to the sandbox before the check ended.
  assert.equal(runner.runs()[0]?.code, "edited");
  runner.send({ channel: "ex#1.1", kind: "events", run: 1, events: [print(0, "hello")] });
  found([error]);
  await late;
  await Promise.resolve();
  assert.deepEqual(recorder.log, [
    "reset instant 0",
    "phase starting",
    "lines hello",
    `type-errors ${error.text}`,
  ]);
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "finished",
    t: 0,
    error: null,
    detail: "",
  });
  assert.deepEqual(recorder.outcomes[0]?.typeErrors, [error]);
});

test("late type errors of an earlier run are not told to a newer one", async () => {
  const { editor, recorder, session } = setup();
  let found: (errors: readonly ReaderError[]) => void = () => {};
  const late = new Promise<readonly ReaderError[]>((resolve) => {
    found = resolve;
  });
  editor.plan = { kind: "compiled", code: "edited", typeErrors: [], lateTypeErrors: late };
  await session.run("instant");
  editor.plan = { kind: "compiled", code: "edited again", typeErrors: [] };
  await session.run("instant");
  found([{ text: "main.ts:1:1: error: stale", where: null }]);
  await late;
  await Promise.resolve();
  assert.ok(!recorder.log.some((l) => l.startsWith("type-errors")));
});

test("prepare asks the sandbox to preload the precompiled original, on the example's channel", async () => {
  const { runner, session } = setup();
  session.prepare();
  assert.deepEqual(runner.posts, [{ channel: "ex#1", kind: "preload", code: "/* precompiled */" }]);
  // A Run of the unedited example sends that same code, which the sandbox then only starts.
  await session.run("instant");
  assert.equal(runner.runs()[0]?.code, "/* precompiled */");
});

test("a Python run runs the source given, tells the interpreter's version, and ends as Python", async () => {
  const { runner, recorder, session } = setup();
  let loads = 0;
  await session.runPython("instant", 'print("edited")\n', async () => {
    loads++;
  });
  assert.equal(loads, 1);
  const posted = runner.posts.find((m) => m.kind === "run-python");
  assert.equal(posted?.kind === "run-python" ? posted.code : null, 'print("edited")\n');
  runner.send({ channel: "ex#1.1", kind: "python-version", run: 1, version: "3.13.2" });
  runner.send({ channel: "ex#1.1", kind: "events", run: 1, events: [print(0, "edited")] });
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "finished",
    t: 0,
    error: null,
    detail: "",
  });
  assert.deepEqual(recorder.log, [
    "reset instant 0",
    "phase loading-python",
    "phase starting",
    "python 3.13.2",
    "lines edited",
    "finish finished",
  ]);
  assert.equal(recorder.outcomes[0]?.language, "python");
  await session.run("instant");
  runner.send({
    channel: "ex#1.2",
    kind: "end",
    run: 2,
    status: "finished",
    t: 0,
    error: null,
    detail: "",
  });
  assert.equal(recorder.outcomes[1]?.language, "typescript");
});

test("a Python run's exception is marked in the Python that ran, where the worker says, unmapped", async () => {
  const { runner, editor, session } = setup();
  const source = "import asyncio\n\nasync def main():\n    raise ValueError('boom')\n";
  await session.runPython("instant", source, async () => {});
  assert.equal(editor.pythonCleared, 1);
  runner.send({
    channel: "ex#1.1",
    kind: "end",
    run: 1,
    status: "failed",
    t: 0,
    error: { type: "ValueError", message: "boom", position: { line: 4, column: 5 } },
    detail: "",
  });
  // Not the TypeScript editor's mark, and not through the compiled code's map (line - 10).
  assert.deepEqual(editor.marked, []);
  assert.deepEqual(editor.pythonMarked, [
    { error: { text: "ValueError: boom", where: { line: 4, column: 5 } }, ran: source },
  ]);
  await session.runPython("instant", source, async () => {});
  assert.equal(editor.pythonCleared, 2);
});
