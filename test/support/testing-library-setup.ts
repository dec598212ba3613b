// Vitest setup file (vitest.config.ts → setupFiles). In jsdom test files, Testing Library's waitFor/findBy wait up
// to 15 s instead of 1 s: the condition is still polled every 50 ms, so a passing test is as fast as before, but a
// render that takes seconds on two loaded cores no longer fails. Node-environment test files load nothing here.
if (typeof window !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 15_000 });
}
export {};
