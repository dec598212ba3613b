// Folder elements in the shapes Exchange returns (Folder / CalendarFolder / ContactsFolder / TasksFolder).
import type { SimFolder } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { childFolders } from '../world/world.js';
import { esc } from '../xml/escape.js';
import type { EwsCall } from './call.js';
import { folderLevel, levelAtLeast } from './call.js';
import { extendedFieldXml, type Shape } from './shape.js';

export function folderElementName(f: SimFolder): string {
  switch (f.folderClass) {
    case 'IPF.Appointment':
      return 'CalendarFolder';
    case 'IPF.Contact':
      return 'ContactsFolder';
    case 'IPF.Task':
      return 'TasksFolder';
    case 'IPF.StickyNote':
    default:
      return 'Folder';
  }
}

export function folderIdXml(f: SimFolder): string {
  return `<t:FolderId Id="${esc(f.id)}" ChangeKey="${esc(f.changeKey)}"/>`;
}

function totalCount(world: SimWorld, f: SimFolder): number {
  return world.folderItems.get(f.id)?.size ?? 0;
}

function effectiveRights(call: EwsCall, f: SimFolder): string {
  const lvl = folderLevel(call, f);
  const owner = lvl === 'Owner';
  const write = levelAtLeast(lvl, 'Editor');
  const b = (v: boolean) => (v ? 'true' : 'false');
  return (
    `<t:EffectiveRights><t:CreateAssociated>${b(owner)}</t:CreateAssociated><t:CreateContents>${b(levelAtLeast(lvl, 'Author'))}</t:CreateContents>` +
    `<t:CreateHierarchy>${b(owner)}</t:CreateHierarchy><t:Delete>${b(write)}</t:Delete><t:Modify>${b(owner)}</t:Modify>` +
    `<t:Read>${b(levelAtLeast(lvl, 'Reviewer'))}</t:Read><t:ViewPrivateItems>${b(owner)}</t:ViewPrivateItems></t:EffectiveRights>`
  );
}

export function folderXml(call: EwsCall, f: SimFolder, shape: Shape): string {
  const world = call.world;
  const name = folderElementName(f);
  const all = shape.base === 'AllProperties';
  const dflt = shape.base === 'Default' || all;
  const want = (uri: string, inDefault: boolean, inAll = true) => shape.fields.has(uri) || (inDefault && dflt) || (inAll && all);
  let xml = folderIdXml(f);
  const parent = f.parentId ? world.folders.get(f.parentId) : undefined;
  if (want('folder:ParentFolderId', false) && parent)
    xml += `<t:ParentFolderId Id="${esc(parent.id)}" ChangeKey="${esc(parent.changeKey)}"/>`;
  if (want('folder:FolderClass', false) && f.folderClass) xml += `<t:FolderClass>${esc(f.folderClass)}</t:FolderClass>`;
  if (want('folder:DisplayName', true)) xml += `<t:DisplayName>${esc(f.displayName)}</t:DisplayName>`;
  if (want('folder:TotalCount', true)) xml += `<t:TotalCount>${totalCount(world, f)}</t:TotalCount>`;
  if (want('folder:ChildFolderCount', true)) xml += `<t:ChildFolderCount>${childFolders(world, f.id).length}</t:ChildFolderCount>`;
  for (const ref of shape.extended) {
    // PR_ATTR_HIDDEN is the one folder property clients commonly ask for (to skip system folders).
    if (ref.key === 'tag:0x10f4:Boolean')
      xml += `<t:ExtendedProperty>${extendedFieldXml(ref)}<t:Value>${f.hidden ? 'true' : 'false'}</t:Value></t:ExtendedProperty>`;
  }
  if (want('folder:EffectiveRights', false)) xml += effectiveRights(call, f);
  if (shape.fields.has('folder:DistinguishedFolderId') && f.distinguishedId)
    xml += `<t:DistinguishedFolderId>${esc(f.distinguishedId)}</t:DistinguishedFolderId>`;
  if ((name === 'Folder' || name === 'TasksFolder') && want('folder:UnreadCount', true)) xml += `<t:UnreadCount>0</t:UnreadCount>`;
  return `<t:${name}>${xml}</t:${name}>`;
}
