// @vitest-environment jsdom
// The setup file's longer wait reaches the Testing Library instance the renderer tests import (not a second copy),
// so waitFor/findBy hold while both cores are busy.
import { getConfig } from '@testing-library/react';
import { expect, it } from 'vitest';

it('Testing Library waits up to 15 s for a condition', () => {
  expect(getConfig().asyncUtilTimeout).toBe(15_000);
});
