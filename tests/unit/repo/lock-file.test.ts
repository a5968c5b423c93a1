/**
 * `npm ci` installs exactly what package-lock.json lists, so a lock made on one platform with
 * an existing node_modules can miss other platforms' native binaries and fail there. This
 * checks that, for every native tool the site needs, the lock holds a binary for each platform
 * people build on (CI's linux-x64 with glibc, macOS on Apple silicon, Windows on x64), and
 * that each is pinned (version and integrity) and listed by the package that loads it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** The package that picks a native binary at run time, by the tool it belongs to. */
const LOADERS = {
  "Astro's compiler": "@astrojs/compiler-binding",
  Biome: "@biomejs/biome",
  Pagefind: "pagefind",
  esbuild: "esbuild",
} as const;

const PLATFORMS = [
  { os: "linux", cpu: "x64", libc: "glibc" },
  { os: "darwin", cpu: "arm64" },
  { os: "win32", cpu: "x64" },
] as const;

type Platform = (typeof PLATFORMS)[number];

function fits(entry: LockEntry, p: Platform): boolean {
  if (!entry.os?.includes(p.os) || !entry.cpu?.includes(p.cpu)) return false;
  return !("libc" in p) || !entry.libc || entry.libc.includes(p.libc);
}

test("the lock is npm's current format (one packages map, no legacy dependencies tree)", () => {
  assert.ok(lock.lockfileVersion >= 3, `lockfileVersion ${lock.lockfileVersion}`);
});

for (const [tool, loader] of Object.entries(LOADERS)) {
  const entry = lock.packages[`node_modules/${loader}`];

  test(`${tool}: ${loader} is in the lock with its platform binaries as optional dependencies`, () => {
    assert.ok(entry, `${loader} is not in package-lock.json`);
    assert.ok(Object.keys(entry.optionalDependencies ?? {}).length > 0, `${loader} lists none`);
  });

  for (const platform of PLATFORMS) {
    const label = Object.values(platform).join("-");
    test(`${tool} has a pinned ${label} binary in the lock`, () => {
      const binaries = Object.entries(entry?.optionalDependencies ?? {}).map(([name, range]) => ({
        name,
        range,
        locked: lock.packages[`node_modules/${name}`],
      }));
      const found = binaries.filter((b) => b.locked && fits(b.locked, platform));
      assert.equal(
        found.length,
        1,
        `${loader} needs exactly one locked binary for ${label}; found: ${found.map((b) => b.name).join(", ") || "none"} (regenerate the lock with no node_modules: rm -rf node_modules package-lock.json && npm install)`,
      );
      const [binary] = found;
      assert.equal(
        binary?.locked?.version,
        binary?.range,
        `${binary?.name} is not the version ${loader} asks for`,
      );
      assert.match(binary?.locked?.integrity ?? "", /^sha512-/, `${binary?.name} has no integrity`);
      assert.equal(binary?.locked?.optional, true, `${binary?.name} is not optional`);
    });
  }
}
