// RPC methods for files on the host (the machine that runs Calpump and writes its exports): a folder and file
// browser for the pickers, opening a folder in the desktop app, and where the read-only calendar feeds are.
import { z } from 'zod';

const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const fsEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['dir', 'file']),
  size: z.number().int().nonnegative().optional(),
});
export type FsEntry = z.infer<typeof fsEntrySchema>;

export const hostFileMethods = {
  /**
   * One folder of the host's file system: its sub-folders, and files whose names end in one of `extensions`
   * (none asked: folders only). No path: the user's home folder. At most 2,000 entries.
   */
  'fs.list': m(
    z.object({ path: z.string().max(4096).optional(), extensions: z.array(z.string().max(16)).max(20).optional() }),
    z.object({
      path: z.string(),
      parent: z.string().optional(),
      /** Other starting points: the home folder, drive letters on Windows, / elsewhere. */
      roots: z.array(z.string()),
      entries: z.array(fsEntrySchema),
      truncated: z.boolean(),
    }),
  ),
  /** Opens a folder in the system's file manager (desktop app only; `calpump serve` answers rpc.notAvailable). */
  'app.openPath': m(z.object({ path: z.string().min(1).max(4096) }), z.object({ opened: z.boolean() })),
  /** Where the read-only calendar feeds are served (`calpump serve`), with their token; absent elsewhere. */
  'feeds.info': m(z.object({}).strict().default({}), z.object({ baseUrl: z.string().optional(), token: z.string().optional() })),
} as const;
