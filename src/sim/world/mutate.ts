// Test-facing mutations. Each bumps ChangeKey and lastModified and records a change so SyncFolderItems
// (and Graph delta) report it, exactly as an edit in Outlook would.
import type { SimEvent } from './types.js';
import type { SimWorld, WorldMutations } from './world.js';
import { folderOf, mailboxOf, nextItemId, recordChange } from './world.js';
import { changeKey, changeKeyVersion, decodeId, itemId, occurrenceId } from './ids.js';
import { buildEvent } from './event-builder.js';
import { createRng, hash32 } from './prng.js';
import { seriesOccurrences } from './recurrence.js';
import { createItemMutations } from './mutate-items.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function createMutations(world: SimWorld): WorldMutations {
  const bump = (ev: SimEvent) => {
    ev.changeKey = changeKey(ev.id, (changeKeyVersion(ev.changeKey) ?? 1) + 1);
    ev.lastModified = world.now().toISOString();
    ev.appointmentSequence += 1;
    recordChange(world, ev.folderId, 'update', ev.id);
  };

  const resolve = (id: string): { master: SimEvent; originalStart?: string } => {
    const direct = world.events.get(id);
    if (direct) return { master: direct };
    const d = decodeId(id);
    if (d?.kind === 'occurrence') {
      const master = world.events.get(d.masterId);
      if (master?.recurrence) return { master, originalStart: d.originalStart };
    }
    throw new Error(`sim: no event with id ${id}`);
  };

  const updateEvent: WorldMutations['updateEvent'] = (id, patch) => {
    const { master, originalStart } = resolve(id);
    if (originalStart) {
      const exists = seriesOccurrences(master, Date.parse(originalStart) + 1).some((o) => o.originalStart === originalStart);
      if (!exists || master.deletedOccurrences.includes(originalStart)) throw new Error(`sim: occurrence ${originalStart} does not exist`);
      const occId = occurrenceId(master.id, originalStart);
      const prev = master.exceptions[originalStart];
      const version = prev ? (changeKeyVersion(prev.changeKey) ?? 1) + 1 : 2;
      const { subject, start, end, location, showAs, isCancelled } = patch;
      const defined = Object.fromEntries(
        Object.entries({ subject, start, end, location, showAs, isCancelled }).filter(([, v]) => v !== undefined),
      );
      master.exceptions[originalStart] = {
        ...prev,
        ...defined,
        id: occId,
        changeKey: changeKey(occId, version),
        lastModified: world.now().toISOString(),
      };
      bump(master);
      return master;
    }
    Object.assign(master, patch, { id: master.id, mailbox: master.mailbox, folderId: master.folderId });
    bump(master);
    return master;
  };

  const addEvent: WorldMutations['addEvent'] = (smtp, folder, spec) => {
    const mb = mailboxOf(world, smtp);
    const f = folderOf(world, smtp, folder);
    if (!mb || !f) throw new Error(`sim: no folder ${folder} in ${smtp}`);
    const id = nextItemId(world, mb.smtp, itemId);
    const rng = createRng(world.seed ^ hash32(id));
    const ev = buildEvent(
      { organizer: { name: mb.displayName, email: mb.smtp }, ...spec },
      { id, mailbox: mb.smtp, folderId: f.id },
      rng,
      world.now().getTime(),
    );
    ev.lastModified = ev.created;
    world.events.set(id, ev);
    world.folderItems.get(f.id)!.add(id);
    recordChange(world, f.id, 'create', id);
    return ev;
  };

  return {
    ...createItemMutations(world),
    moveEvent: (id, start, end) => updateEvent(id, { start: iso(start), end: iso(end) }),
    changeSubject: (id, subject) => updateEvent(id, { subject }),
    updateEvent,
    addEvent,
    insertEvent: (data, smtp, folderId) => {
      const mb = mailboxOf(world, smtp)!;
      const id = nextItemId(world, mb.smtp, itemId);
      const ev: SimEvent = { ...data, id, changeKey: changeKey(id, 1), mailbox: mb.smtp, folderId };
      world.events.set(id, ev);
      world.folderItems.get(folderId)!.add(id);
      recordChange(world, folderId, 'create', id);
      return ev;
    },
    deleteEvent: (id) => {
      const { master, originalStart } = resolve(id);
      if (originalStart) {
        if (!master.deletedOccurrences.includes(originalStart)) master.deletedOccurrences.push(originalStart);
        delete master.exceptions[originalStart];
        bump(master);
        return;
      }
      world.events.delete(master.id);
      world.folderItems.get(master.folderId)?.delete(master.id);
      recordChange(world, master.folderId, 'delete', master.id);
    },
  };
}
