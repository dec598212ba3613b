// Types for sign.mjs (plain JavaScript: electron-builder loads it as its signing hook).
export const DEFAULT_TIMESTAMP: string;
export class SigningConfigError extends Error {}
export type SigningPlan = { skip: true } | { skip?: undefined; program: string; args: string[] };
export function signingPlan(
  env: Record<string, string | undefined>,
  file: string,
  opts?: { root?: string; nest?: boolean; name?: string },
): SigningPlan;
export default function sign(
  configuration: { path: string; isNest: boolean; name: string },
  packager?: unknown,
  env?: Record<string, string | undefined>,
  exec?: (program: string, args: string[]) => Promise<unknown>,
): Promise<void>;
