// The truth contact and task export tests compare against: a folder's items in normalised form, ordered by id.
import type { NormalisedContact, NormalisedTask } from '../../shared/item-model.js';
import type { SimContact, SimTask } from './types.js';
import type { SimWorld } from './world.js';
import { folderOf } from './world.js';

const IMPORTANCE = { Low: 'low', Normal: 'normal', High: 'high' } as const;

export function normaliseContact(c: SimContact, includeBody = false): NormalisedContact {
  return {
    kind: 'contact',
    id: c.id,
    displayName: c.displayName,
    givenName: c.givenName,
    middleName: c.middleName,
    surname: c.surname,
    nickname: c.nickname,
    companyName: c.companyName,
    jobTitle: c.jobTitle,
    department: c.department,
    emails: c.emails.map((e) => ({ ...e })),
    // Normalised order: business, home, mobile (each keeps its own order).
    phones: (['business', 'home', 'mobile'] as const).flatMap((t) => c.phones.filter((p) => p.type === t).map((p) => ({ ...p }))),
    addresses: (['business', 'home', 'other'] as const).flatMap((t) => c.addresses.filter((a) => a.type === t).map((a) => ({ ...a }))),
    ...(c.birthday ? { birthday: c.birthday } : {}),
    categories: [...c.categories],
    ...(includeBody ? { notes: c.notes } : {}),
    lastModified: c.lastModified,
  };
}

export function normaliseTask(t: SimTask, includeBody = false): NormalisedTask {
  return {
    kind: 'task',
    id: t.id,
    subject: t.subject,
    status: t.status,
    importance: IMPORTANCE[t.importance],
    ...(t.startDate ? { startDate: t.startDate } : {}),
    ...(t.dueDate ? { dueDate: t.dueDate } : {}),
    ...(t.completedDate ? { completedDate: t.completedDate } : {}),
    categories: [...t.categories],
    ...(includeBody ? { body: t.body } : {}),
    lastModified: t.lastModified,
  };
}

function itemsIn(world: SimWorld, smtp: string, folder: string) {
  const f = folderOf(world, smtp, folder);
  if (!f) throw new Error(`sim: no folder ${folder} in ${smtp}`);
  return [...(world.folderItems.get(f.id) ?? [])].map((id) => world.items.get(id)).filter((i) => i !== undefined);
}

const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The contacts of a folder ('contacts' or a folder id) as a correct export holds them. */
export function expectedContacts(world: SimWorld, smtp: string, folder = 'contacts', includeBody = false): NormalisedContact[] {
  return byId(itemsIn(world, smtp, folder).flatMap((i) => (i.kind === 'contact' ? [normaliseContact(i, includeBody)] : [])));
}

export function expectedTasks(world: SimWorld, smtp: string, folder = 'tasks', includeBody = false): NormalisedTask[] {
  return byId(itemsIn(world, smtp, folder).flatMap((i) => (i.kind === 'task' ? [normaliseTask(i, includeBody)] : [])));
}
