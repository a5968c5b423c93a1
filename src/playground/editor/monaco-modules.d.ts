/**
 * Types for the one Monaco module this folder imports that ships no `.d.ts`: the TypeScript
 * mode, which `language-service.ts` starts by hand (see there why).
 */
declare module "monaco-editor/languages/features/typescript/tsMode" {
  import type { LanguageServiceDefaults } from "monaco-editor/languages/features/typescript/register";
  export function setupTypeScript(defaults: LanguageServiceDefaults): void;
}

/** Monaco's module that registers every editor contribution (see `monaco-setup.ts`). */
declare module "monaco-editor/internal/common/workers";
