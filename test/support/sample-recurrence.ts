// The series pattern the recurrence fixtures share (EWS's and Graph's answers, the event pane, the words for it):
// every other week on Monday and Wednesday, 2 March to 29 June 2026.
import type { Recurrence } from '../../src/shared/model.js';

export const EVERY_OTHER_MON_WED: Recurrence = {
  type: 'weekly',
  interval: 2,
  daysOfWeek: ['monday', 'wednesday'],
  range: 'endDate',
  startDate: '2026-03-02',
  endDate: '2026-06-29',
};
