// Argument parsers for commander: a bad value becomes a usage error (exit 2) that says what was expected.
import { InvalidArgumentError } from 'commander';

export function positiveInt(name: string, { allowZero = false } = {}) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || (!allowZero && n === 0)) {
      throw new InvalidArgumentError(`${name} must be a whole number${allowZero ? '' : ' greater than 0'}, got "${value}".`);
    }
    return n;
  };
}

export function fraction(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
      throw new InvalidArgumentError(`${name} must be between 0 and 1, got "${value}".`);
    return n;
  };
}

/** Repeatable option that also accepts comma-separated lists: --mailbox a@x --mailbox b@x,c@x. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
