// electron-builder's own configuration loader and validator (app-builder-lib, the version electron-builder
// itself uses): the configuration files are read, `extends` merged and checked exactly as `electron-builder
// --config <file>` would, without building anything.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}

/** The parts of electron-builder's Configuration the tests read. */
export interface BuilderConfig {
  extends?: unknown;
  afterPack?: string;
  asar?: boolean;
  disableAsarIntegrity?: boolean;
  electronFuses?: unknown;
  directories?: { output?: string };
  extraResources?: unknown;
  publish?: unknown;
  win?: {
    target?: Array<{ target: string; arch?: string[] }>;
    signtoolOptions?: Record<string, unknown>;
    verifyUpdateCodeSignature?: boolean;
    azureSignOptions?: unknown;
    cscLink?: unknown;
    cscKeyPassword?: unknown;
  };
  nsis?: Record<string, unknown>;
  msi?: Record<string, unknown>;
  [key: string]: unknown;
}

function configModule(): ConfigModule {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  return fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigModule;
}

/** The effective configuration of one file, parents merged. */
export async function loadBuilderConfig(file: string, root = ROOT): Promise<BuilderConfig> {
  const config = await configModule().getConfig(root, join(root, file), null);
  delete config.extends;
  return config;
}

/** Throws electron-builder's own message when the configuration does not match its schema (scheme.json). */
export async function validateBuilderConfig(config: unknown): Promise<void> {
  await configModule().validateConfiguration(config, { isEnabled: false, add: () => undefined });
}
