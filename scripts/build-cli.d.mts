// Types for build-cli.mjs.
export function buildCli(options?: { quiet?: boolean }): Promise<void>;
/** esbuild's settings for code that runs as the CLI ships (typed loosely: esbuild's BuildOptions). */
export function bundleOptions(options: { entryPoints: Record<string, string>; outdir: string }): Record<string, unknown>;
