// Types for build-cli.mjs.
export function buildCli(options?: { quiet?: boolean }): Promise<void>;
