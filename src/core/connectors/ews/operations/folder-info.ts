// The folder facts our operations read, independent of ews-javascript-api types.
import type * as ews from 'ews-javascript-api';
import { prop, type EwsLibrary } from '../library-call.js';

export interface FolderInfo {
  id: string;
  parentId?: string;
  name: string;
  folderClass?: string;
  totalCount: number;
  childCount: number;
}

export const folderProperties = (ews: EwsLibrary) => [
  ews.FolderSchema.DisplayName,
  ews.FolderSchema.FolderClass,
  ews.FolderSchema.TotalCount,
  ews.FolderSchema.ChildFolderCount,
  ews.FolderSchema.ParentFolderId,
];

export function folderInfo(f: ews.Folder): FolderInfo {
  return {
    id: f.Id.UniqueId,
    parentId: prop(() => f.ParentFolderId?.UniqueId) ?? undefined,
    name: prop(() => f.DisplayName) ?? '',
    folderClass: prop(() => f.FolderClass) ?? undefined,
    totalCount: prop(() => f.TotalCount) ?? 0,
    childCount: prop(() => f.ChildFolderCount) ?? 0,
  };
}
