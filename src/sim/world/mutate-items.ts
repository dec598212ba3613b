// Test-facing mutations of contacts and tasks: each bumps ChangeKey and lastModified and records a change, so
// SyncFolderItems and Graph delta report it as an edit in Outlook would.
import type { ItemMutations, SimWorld } from './world.js';
import { recordChange } from './world.js';
import { changeKey, changeKeyVersion } from './ids.js';

export function createItemMutations(world: SimWorld): ItemMutations {
  const find = (id: string) => {
    const item = world.items.get(id);
    if (!item) throw new Error(`sim: no contact or task with id ${id}`);
    return item;
  };
  return {
    updateItem(id, patch) {
      const item = find(id);
      Object.assign(item, patch, { kind: item.kind, id: item.id, mailbox: item.mailbox, folderId: item.folderId });
      item.changeKey = changeKey(item.id, (changeKeyVersion(item.changeKey) ?? 1) + 1);
      // EWS and Graph show whole seconds; the world keeps what they show, so exports compare field by field.
      item.lastModified = new Date(Math.floor(world.now().getTime() / 1000) * 1000).toISOString();
      recordChange(world, item.folderId, 'update', item.id);
      return item;
    },
    moveItem(id, folderId) {
      const item = find(id);
      if (!world.folders.has(folderId)) throw new Error(`sim: no folder with id ${folderId}`);
      world.folderItems.get(item.folderId)?.delete(id);
      recordChange(world, item.folderId, 'delete', id);
      item.folderId = folderId;
      item.changeKey = changeKey(item.id, (changeKeyVersion(item.changeKey) ?? 1) + 1);
      let into = world.folderItems.get(folderId);
      if (!into) world.folderItems.set(folderId, (into = new Set()));
      into.add(id);
      recordChange(world, folderId, 'create', id);
      return item;
    },
    deleteItem(id) {
      const item = find(id);
      world.items.delete(id);
      world.folderItems.get(item.folderId)?.delete(id);
      recordChange(world, item.folderId, 'delete', id);
    },
  };
}
