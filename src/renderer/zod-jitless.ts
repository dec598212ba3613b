// What `zod` means in the renderer build (vite.renderer.config.ts aliases it here): zod itself, switched to its
// interpreter before any schema parses. zod compiles fast parsers with `new Function` when it may; our CSP
// forbids eval, and even zod's guarded probe shows up as a CSP violation. Every renderer module that uses zod
// reaches it through this file, so the setting holds whichever lazily loaded screen parses first.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
