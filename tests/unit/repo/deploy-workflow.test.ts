/**
 * The deploy workflow's steps, minus the upload, are what CI already runs: `.ci/run` installs
 * with the workflow's install command and `npm test` builds with the workflow's build command
 * (`test:build`, under a sub-path as on GitHub Pages). This reads the three files and fails
 * when one of them drifts, so a green CI means the deploy builds.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

interface Step {
  uses?: string;
  run?: string;
  env: Record<string, string>;
  with: Record<string, string>;
}

/** The steps of one job, read line by line (the workflow keeps to plain `key: value` steps). */
function jobSteps(yaml: string, job: string): Step[] {
  const lines = yaml.split("\n");
  const start = lines.indexOf(`  ${job}:`);
  assert.ok(start >= 0, `no job "${job}" in the workflow`);
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  const steps: Step[] = [];
  let block: "env" | "with" | null = null;
  for (const line of lines.slice(start + 1, end < 0 ? undefined : end)) {
    const item = line.match(/^ {6}- (\w[\w-]*): (.*)$/);
    if (item) {
      steps.push({ env: {}, with: {}, [item[1] as string]: item[2] });
      block = null;
      continue;
    }
    const key = line.match(/^ {8}(\w[\w-]*):(?: (.*))?$/);
    const step = steps.at(-1);
    if (key && step) {
      if (key[1] === "env" || key[1] === "with") block = key[1];
      else Object.assign(step, { [key[1] as string]: key[2] });
      continue;
    }
    const sub = line.match(/^ {10}(\w[\w-]*): (.*)$/);
    if (sub && step && block) step[block][sub[1] as string] = sub[2] as string;
  }
  return steps;
}

const workflow = readFileSync(".github/workflows/pages.yml", "utf8");
const scripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;
const ciRun = readFileSync(".ci/run", "utf8");
const steps = jobSteps(workflow, "build");
const runs = steps.filter((s) => s.run).map((s) => s.run);

test("the deploy job installs with npm ci, builds, then uploads dist/", () => {
  assert.deepEqual(runs, ["npm ci", "npm run build"]);
  const upload = steps.findIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
  const build = steps.findIndex((s) => s.run === "npm run build");
  assert.ok(upload > build, "the upload must come after the build");
  assert.equal(steps[upload]?.with["path"], "dist");
  assert.equal(
    steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with["node-version-file"],
    ".nvmrc",
  );
});

test("the deploy builds under the repository's sub-path", () => {
  const build = steps.find((s) => s.run === "npm run build");
  assert.match(build?.env["BASE_PATH"] ?? "", /^\/\$\{\{ github\.event\.repository\.name \}\}\/$/);
});

test("npm test builds with the deploy's build command, under a sub-path", () => {
  const buildCommand = steps.find((s) => s.run?.includes("build"))?.run ?? "";
  assert.match(scripts["test:build"] ?? "", /^BASE_PATH=\/[\w-]+\/ (.*)$/);
  assert.equal(scripts["test:build"]?.replace(/^BASE_PATH=\S+ /, ""), buildCommand);
  // npm test is scripts/test.ts, which runs the package's scripts in order, test:build among them.
  assert.equal(scripts["test"], "node scripts/test.ts");
  assert.match(readFileSync("scripts/test.ts", "utf8"), /\["build", "test:build"\]/);
});

test("CI installs with the deploy's install command, then runs npm test", () => {
  const commands = ciRun
    .split("\n")
    .map((l) => l.trim().replace(/^([A-Z_]+=\S+ )+/, ""))
    .filter((l) => /^npm (ci|test|install)\b/.test(l));
  assert.deepEqual(
    commands.map((c) => c.split(" ").slice(0, 2).join(" ")),
    [runs[0], "npm test"],
    ".ci/run must run `npm ci` (never npm install) and then `npm test`",
  );
});
