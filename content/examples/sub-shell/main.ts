import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

/** Python's `shlex.quote`: a safe word as it is, anything else in single quotes. */
function quote(s: string): string {
  if (s === "") return "''";
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}

async function sh(command: string) {
  // One string, parsed by /bin/sh: its ; && || and | work, and so does any ; you did not mean.
  const proc = await asyncio.createSubprocessShell(command, { stdout: PIPE, stderr: PIPE });
  const [out, err] = await proc.communicate();
  print(`$ ${command}`);
  for (const line of out!.decode().split("\n").slice(0, -1)) print(`  out: ${line}`);
  for (const line of err!.decode().split("\n").slice(0, -1)) print(`  err: ${line}`);
  print(`  returncode ${proc.returncode}`);
}

async function main() {
  await sh("sleep 1; echo slept");
  await sh("fail 3 oops && echo never");
  await sh("fail 3 oops || echo recovered");
  await sh("seq 3 | cat");
  await sh("convrt photo.png"); // a typo: the shell says so, and exits 127

  const name = "x; echo injected"; // from a form, a file name, a message...
  await sh(`echo ${name}`); // the ; ends echo, and the rest runs
  await sh(`echo ${quote(name)}`); // quoted: one word, nothing runs
}

asyncio.run(main);
