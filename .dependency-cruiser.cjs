// The layer rules of docs/development.md as checks (`npm run check:layers`, part of `npm test`): a new import
// that crosses a layer or closes a cycle fails CI with the rule's name and the two files.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing',
      comment: 'src/shared is what every layer shares (model, RPC contract and client, texts): it imports nothing else of the project.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'core-stays-headless',
      comment: 'The engine (src/core) runs in plain Node: no Electron, no UI, no host and no simulator code.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(renderer|headless|main|preload|sim)/', '^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'renderer-only-through-rpc',
      comment: 'The UI reaches the engine only through the RPC client (src/shared/rpc): no engine, host, simulator or Electron imports.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: ['^src/(core|headless|main|preload|sim)/', '^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'no-cycles',
      comment: 'Import cycles (type-only ones too) make load order and layering fragile: move what both sides need into a third module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '\\.json$' },
  },
};
