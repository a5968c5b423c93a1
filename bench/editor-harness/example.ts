/** The harness's one example, and a stand-in for the generated asyncio declarations. */

export const ORIGINAL = `import * as asyncio from "asyncio";

async function main(): Promise<void> {
  print("Hello");
  await asyncio.sleep(1);
  print("Goodbye");
}

asyncio.run(main);
`;

export const DTS = `/**
 * Sleeps for \`delay\` seconds.
 *
 * Python: \`await asyncio.sleep(delay)\`
 */
export declare function sleep(delay: number): Promise<void>;
/** Runs \`main\` on a new event loop. Python: \`asyncio.run(main())\` */
export declare function run(main: () => Promise<unknown>): void;
`;
