import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;
const { ContextVar, copyContext } = asyncio.contextvars;
const { LookupError } = asyncio;

test("contextvars: each task sees the context copied at its creation; set/reset with tokens", async (t) => {
  const requestId = new ContextVar<string>("request_id", { default: "-" });
  await sameAsPython(
    t,
    `
    import asyncio, contextvars
    request_id = contextvars.ContextVar("request_id", default="-")
    async def handle(i):
        print("inherited", request_id.get())
        request_id.set(f"req-{i}")
        await asyncio.sleep(0.1 * i)
        print("handling", request_id.get())
    async def main():
        print("main sees", request_id.get())
        token = request_id.set("main")
        await asyncio.gather(handle(1), handle(2))
        print("main still", request_id.get())
        request_id.reset(token)
        print("after reset", request_id.get())
        try:
            request_id.reset(token)
        except RuntimeError:
            print("token used twice: RuntimeError")
    asyncio.run(main())
    `,
    async () => {
      const handle = async (i: number) => {
        print("inherited", requestId.get());
        requestId.set(`req-${i}`);
        await asyncio.sleep(0.1 * i);
        print("handling", requestId.get());
      };
      print("main sees", requestId.get());
      const token = requestId.set("main");
      await asyncio.gather(
        () => handle(1),
        () => handle(2),
      );
      print("main still", requestId.get());
      requestId.reset(token);
      print("after reset", requestId.get());
      try {
        requestId.reset(token);
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print("token used twice: RuntimeError");
      }
    },
    `
    [t=0.000 Task-1] main sees -
    [t=0.000 Task-2] inherited main
    [t=0.000 Task-3] inherited main
    [t=0.100 Task-2] handling req-1
    [t=0.200 Task-3] handling req-2
    [t=0.200 Task-1] main still main
    [t=0.200 Task-1] after reset -
    [t=0.200 Task-1] token used twice: RuntimeError
    `,
  );
});

test("contextvars: LookupError, copyContext/Context.run, context= on createTask and callSoon", async (t) => {
  const user = new ContextVar<string>("user");
  await sameAsPython(
    t,
    `
    import asyncio, contextvars
    user = contextvars.ContextVar("user")
    async def show():
        print("task sees", user.get("nobody"))
        user.set("changed in task")
    async def main():
        try:
            user.get()
        except LookupError:
            print("LookupError")
        print(user.get("nobody"))
        ctx = contextvars.copy_context()
        ctx.run(user.set, "alice")
        print(ctx.get(user), user.get("nobody"), user in ctx, len(ctx))
        await asyncio.create_task(show(), context=ctx)
        print("ctx after task", ctx.get(user))
        loop = asyncio.get_running_loop()
        loop.call_soon(lambda: print("callback in ctx", user.get("nobody")), context=ctx)
        user.set("bob")
        loop.call_soon(lambda: print("callback copied", user.get("nobody")))
        loop.call_later(0.5, lambda: print("timer copied", user.get("nobody")))
        user.set("carol")
        await asyncio.sleep(1)
        print("main", user.get())
    asyncio.run(main())
    `,
    async () => {
      const show = async () => {
        print("task sees", user.get("nobody"));
        user.set("changed in task");
      };
      try {
        user.get();
      } catch (e) {
        if (e instanceof LookupError) print("LookupError");
      }
      print(user.get("nobody"));
      const ctx = copyContext();
      ctx.run((v: string) => user.set(v), "alice");
      print(ctx.get(user), user.get("nobody"), ctx.has(user), ctx.size);
      await asyncio.createTask(show, { context: ctx });
      print("ctx after task", ctx.get(user));
      const loop = asyncio.getRunningLoop();
      loop.callSoon(() => print("callback in ctx", user.get("nobody")), { context: ctx });
      user.set("bob");
      loop.callSoon(() => print("callback copied", user.get("nobody")));
      loop.callLater(0.5, () => print("timer copied", user.get("nobody")));
      user.set("carol");
      await asyncio.sleep(1);
      print("main", user.get());
    },
    `
    [t=0.000 Task-1] LookupError
    [t=0.000 Task-1] nobody
    [t=0.000 Task-1] alice nobody True 1
    [t=0.000 Task-2] task sees alice
    [t=0.000 Task-1] ctx after task changed in task
    [t=0.000] callback in ctx changed in task
    [t=0.000] callback copied bob
    [t=0.500] timer copied bob
    [t=1.000 Task-1] main carol
    `,
  );
});

test("contextvars: a value set at the top level reaches main; main's changes stay in its run", async () => {
  asyncio.host.resetTopLevelContext();
  const level = new ContextVar<string>("level", { default: "unset" });
  level.set("top");
  const seen: string[] = [];
  asyncio.resetRuntime();
  asyncio.configure({ trace: () => {} });
  await asyncio.run(async () => {
    seen.push(level.get());
    level.set("inside");
  });
  seen.push(level.get());
  asyncio.resetRuntime();
  asyncio.host.resetTopLevelContext();
  assert.deepEqual(seen, ["top", "top"]);
});
