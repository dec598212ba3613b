// JSON a test reads (a CLI's --json output, a file the code under test wrote, a response body) typed as the shape
// the test expects. The type is the test's claim, not a check: the assertions that follow are what verify it, and
// a body of another shape fails them. Keeps `any` from JSON.parse and Response.json() out of the tests.
import { readFile } from 'node:fs/promises';

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export async function readJson<T>(path: string | URL): Promise<T> {
  return parseJson<T>(await readFile(path, 'utf8'));
}

/** The body of a fetch() response as `T`. */
export async function responseJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
