// One calendar item as EWS shows it: a single item, an occurrence/exception, or a recurring master.
import type { ExpandedItem, SimEvent } from '../world/types.js';
import type { ShowAs } from '../../shared/model.js';

export interface ItemView {
  id: string;
  changeKey: string;
  kind: 'Single' | 'Occurrence' | 'Exception' | 'RecurringMaster';
  ev: SimEvent;
  subject: string;
  start: string;
  end: string;
  location: string;
  showAs: ShowAs;
  isCancelled: boolean;
  lastModified: string;
  originalStart?: string;
}

export function viewOfExpanded(x: ExpandedItem): ItemView {
  return {
    id: x.id,
    changeKey: x.changeKey,
    kind: x.kind,
    ev: x.master,
    subject: x.subject,
    start: x.start,
    end: x.end,
    location: x.location,
    showAs: x.showAs,
    isCancelled: x.isCancelled,
    lastModified: x.lastModified,
    originalStart: x.originalStart,
  };
}

export function viewOfEvent(ev: SimEvent): ItemView {
  return {
    id: ev.id,
    changeKey: ev.changeKey,
    kind: ev.recurrence ? 'RecurringMaster' : 'Single',
    ev,
    subject: ev.subject,
    start: ev.start,
    end: ev.end,
    location: ev.location,
    showAs: ev.showAs,
    isCancelled: ev.isCancelled,
    lastModified: ev.lastModified,
  };
}
