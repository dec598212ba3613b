// ItemId / OccurrenceItemId / RecurringMasterItemId → the calendar item view it names.
import { decodeId } from '../world/ids.js';
import { occurrenceItem, seriesOccurrences } from '../world/recurrence.js';
import { attr } from '../xml/safe-parse.js';
import type { SimEvent, SimFolder } from '../world/types.js';
import { openFolder, type EwsCall } from './call.js';
import { viewOfEvent, viewOfExpanded, type ItemView } from './item-view.js';
import { EwsResponseError } from './soap.js';

const NOT_FOUND = 'The specified object was not found in the store., The process failed to get the correct properties.';

function notFound(): never {
  throw new EwsResponseError('ErrorItemNotFound', NOT_FOUND);
}

function occurrenceOf(master: SimEvent, originalStart: string): ItemView {
  if (!master.recurrence) notFound();
  const o = seriesOccurrences(master, Date.parse(originalStart) + 1).find((occ) => occ.originalStart === originalStart);
  if (!o) notFound();
  if (master.deletedOccurrences.includes(originalStart)) {
    throw new EwsResponseError(
      'ErrorCalendarOccurrenceIsDeletedFromRecurrence',
      'Occurrence with this index was previously deleted from the recurrence.',
    );
  }
  return viewOfExpanded(occurrenceItem(master, o));
}

function lookupId(call: EwsCall, id: string): ItemView {
  const direct = call.world.events.get(id);
  if (direct) return viewOfEvent(direct);
  const d = decodeId(id);
  if (!d) throw new EwsResponseError('ErrorInvalidIdMalformed', 'Id is malformed.');
  if (d.kind === 'occurrence') {
    const master = call.world.events.get(d.masterId);
    if (!master) notFound();
    return occurrenceOf(master, d.originalStart);
  }
  notFound();
}

export function resolveItemRef(call: EwsCall, ref: Element): ItemView {
  switch (ref.localName) {
    case 'ItemId':
      return lookupId(call, attr(ref, 'Id') ?? '');
    case 'OccurrenceItemId': {
      const master = call.world.events.get(attr(ref, 'RecurringMasterId') ?? '');
      if (!master) notFound();
      if (!master.recurrence) throw new EwsResponseError('ErrorItemNotFound', NOT_FOUND);
      const index = Number(attr(ref, 'InstanceIndex') ?? 0);
      const list = seriesOccurrences(master, Date.parse(master.start) + 50 * 366 * 86_400_000);
      const o = list[index - 1];
      if (!o || index < 1)
        throw new EwsResponseError(
          'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange',
          'The occurrence index is out of recurrence range.',
        );
      return occurrenceOf(master, o.originalStart);
    }
    case 'RecurringMasterItemId': {
      const v = lookupId(call, attr(ref, 'OccurrenceId') ?? '');
      if (v.kind === 'Single') throw new EwsResponseError('ErrorItemNotFound', NOT_FOUND);
      return viewOfEvent(v.ev);
    }
    default:
      throw new EwsResponseError('ErrorInvalidRequest', 'The request is invalid.');
  }
}

/** The item a reference names with its folder, counted and checked for the access the operation needs. */
export function openItemRef(call: EwsCall, ref: Element, need: 'read' | 'write'): { view: ItemView; folder: SimFolder } {
  const view = resolveItemRef(call, ref);
  return { view, folder: openFolder(call, call.world.folders.get(view.ev.folderId)!, need) };
}
