#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader so the headless tools need no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { favourSmallFootprint } = await import(join(here, '..', 'src', 'core', 'process', 'memory-footprint.ts'));
favourSmallFootprint();
const { main } = await import(join(here, '..', 'src', 'headless', 'cli', 'main.ts'));
process.exitCode = await main(process.argv.slice(2));
