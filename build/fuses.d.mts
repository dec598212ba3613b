// Types for fuses.mjs (plain JavaScript: electron-builder loads it as its afterPack hook).
export const FUSES: Readonly<Record<string, boolean>>;
export function fuseConfig(): Record<string, unknown>;
export function fuseDifferences(wire: Record<string | number, unknown>): string[];
export function executablePath(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): string;
export function applyFuses(exe: string): Promise<void>;
export default function afterPack(context: Parameters<typeof executablePath>[0]): Promise<void>;
