// electron-builder's signing hook (electron-builder.yml `win.signtoolOptions.sign`): signs Calpump.exe, the
// uninstaller, the installers and the MSI as the build machine's environment says. No key, password or
// certificate is ever in the repository; a key file inside it is refused. docs/deployment.md#signing says how.
//
//   CALPUMP_SIGN=store    a certificate in the Windows certificate store (an HSM or smart card behind it works too):
//                         CALPUMP_SIGN_SHA1=<thumbprint>, CALPUMP_SIGN_MACHINE_STORE=1 for LocalMachine\My
//                         (default CurrentUser\My); signtool.exe from the Windows SDK (CALPUMP_SIGNTOOL, or PATH).
//   CALPUMP_SIGN=command  a cloud signing service or any signing tool: CALPUMP_SIGN_COMMAND=<program> and
//                         CALPUMP_SIGN_ARGS=<JSON array of arguments>, where "{file}" is the file to sign and
//                         "{env:NAME}" the value of an environment variable (a secret from the CI's vault).
//   CALPUMP_SIGN=off      an unsigned build, for testing only (Windows SmartScreen warns; updates refuse it).
//   unset                 the build stops: a release is never unsigned by accident.
// CALPUMP_SIGN_TIMESTAMP: the RFC 3161 time-stamp server (default http://timestamp.digicert.com).
import { execFile } from 'node:child_process';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_TIMESTAMP = 'http://timestamp.digicert.com';

export class SigningConfigError extends Error {}

function inside(root, path) {
  const r = relative(resolve(root), resolve(path));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** electron-builder's own certificate-file variables must not point into the repository. */
function refuseKeysInRepository(env, root) {
  for (const name of ['CSC_LINK', 'WIN_CSC_LINK']) {
    const v = env[name];
    if (!v || /^(https?:|data:)/i.test(v) || v.length > 1024) continue;
    if (inside(root, resolve(root, v.replace(/^file:\/\//i, '')))) {
      throw new SigningConfigError(`${name} points to a key inside the repository (${v}); keep signing keys out of it`);
    }
  }
}

/**
 * What to run to sign one file, from the environment: { skip: true } for CALPUMP_SIGN=off, else the program and its
 * arguments (run without a shell). Throws SigningConfigError for a missing or unsafe configuration.
 */
export function signingPlan(env, file, opts = {}) {
  const root = opts.root ?? ROOT;
  refuseKeysInRepository(env, root);
  const mode = env.CALPUMP_SIGN;
  const timestamp = env.CALPUMP_SIGN_TIMESTAMP || DEFAULT_TIMESTAMP;
  if (!mode) {
    throw new SigningConfigError(
      'CALPUMP_SIGN is not set: set it to "store" or "command" to sign (docs/deployment.md#signing), or to "off" for an unsigned test build',
    );
  }
  if (mode === 'off') return { skip: true };
  if (mode === 'store') {
    const sha1 = (env.CALPUMP_SIGN_SHA1 ?? '').replace(/\s+/g, '').toUpperCase();
    if (!/^[0-9A-F]{40}$/.test(sha1))
      throw new SigningConfigError('CALPUMP_SIGN_SHA1 must be the 40-hex-digit thumbprint of the signing certificate');
    const args = ['sign', '/sha1', sha1];
    if (env.CALPUMP_SIGN_MACHINE_STORE === '1') args.push('/sm');
    args.push('/fd', 'sha256', '/tr', timestamp, '/td', 'sha256');
    if (opts.nest) args.push('/as');
    if (opts.name) args.push('/d', opts.name);
    args.push(file);
    return { program: env.CALPUMP_SIGNTOOL || 'signtool.exe', args };
  }
  if (mode === 'command') {
    const program = env.CALPUMP_SIGN_COMMAND;
    if (!program) throw new SigningConfigError('CALPUMP_SIGN=command needs CALPUMP_SIGN_COMMAND (the signing program)');
    let template;
    try {
      template = JSON.parse(env.CALPUMP_SIGN_ARGS ?? '');
    } catch {
      throw new SigningConfigError('CALPUMP_SIGN_ARGS must be a JSON array of strings containing "{file}"');
    }
    if (!Array.isArray(template) || !template.every((a) => typeof a === 'string') || !template.some((a) => a.includes('{file}'))) {
      throw new SigningConfigError('CALPUMP_SIGN_ARGS must be a JSON array of strings containing "{file}"');
    }
    const args = template.map((a) =>
      a
        .replace(/\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name) => {
          if (env[name] === undefined) throw new SigningConfigError(`CALPUMP_SIGN_ARGS uses {env:${name}}, which is not set`);
          return env[name];
        })
        .replaceAll('{file}', file)
        .replaceAll('{timestamp}', timestamp),
    );
    return { program, args };
  }
  throw new SigningConfigError(`CALPUMP_SIGN=${mode} is not one of store, command, off`);
}

function run(program, args) {
  return new Promise((resolvePromise, reject) => {
    execFile(program, args, { windowsHide: true, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        // The arguments may carry a secret from {env:…}: name the program and its exit code only.
        reject(new Error(`signing failed: ${program} exited with ${err.code ?? err.message}\n${String(stderr).slice(0, 2000)}`));
      } else resolvePromise(stdout);
    });
  });
}

/** The hook electron-builder calls once per file (and hash algorithm; only sha256 is configured). */
export default async function sign(configuration, _packager, env = process.env, exec = run) {
  const plan = signingPlan(env, configuration.path, { nest: configuration.isNest, name: configuration.name });
  if (plan.skip) {
    console.warn(`  • NOT SIGNED (CALPUMP_SIGN=off): ${configuration.path}`);
    return;
  }
  await exec(plan.program, plan.args);
}
