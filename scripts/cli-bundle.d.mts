// Types for cli-bundle.mjs (plain JavaScript, so bin/calpump.js runs it before anything is built).
export const ROOT: string;
export const BUNDLE_DIR: string;
export const ENTRY: string;
export const WORKER_ENTRY: string;
export const ALSO_WATCHED: string[];
export const MANIFEST: string;
export function currentBundle(root?: string): string | undefined;
