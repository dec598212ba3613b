// The doctor's catalogue area: EWS ResponseCodes, HTTP statuses, TLS and socket failures, and the failures only
// the doctor itself detects. Split by subject so each file stays readable; catalogue.ts spreads this one.
import { doctorEwsEntries } from './doctor-ews.js';
import { doctorHttpEntries } from './doctor-http.js';
import { doctorNetEntries } from './doctor-net.js';
import { doctorStepEntries } from './doctor-steps.js';

export const doctorEntries = {
  ...doctorEwsEntries,
  ...doctorHttpEntries,
  ...doctorNetEntries,
  ...doctorStepEntries,
};
