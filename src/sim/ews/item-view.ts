// One calendar item as EWS shows it: a single item, an occurrence/exception, or a recurring master.
import { itemFields } from '../world/recurrence.js';
import type { ExpandedItem, ItemFields, SimEvent } from '../world/types.js';

export interface ItemView extends ItemFields {
  kind: 'Single' | 'Occurrence' | 'Exception' | 'RecurringMaster';
  ev: SimEvent;
}

export function viewOfExpanded(x: ExpandedItem): ItemView {
  const { master, ...fields } = x;
  return { ...fields, ev: master };
}

export function viewOfEvent(ev: SimEvent): ItemView {
  return { ...itemFields(ev), kind: ev.recurrence ? 'RecurringMaster' : 'Single', ev };
}
