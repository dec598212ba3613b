// The PostgreSQL target's tables (documented in docs/jobs.md "PostgreSQL target"). Created when missing, under a
// transaction-scoped advisory lock so two processes starting at once do not race on CREATE. `schema` is checked
// by the job schema (lower-case identifier) and quoted here.
import { eventKey, type NormalisedEvent } from '../../../shared/model.js';
import type { RunRecord } from '../../../shared/job.js';
import { orderedEvent } from '../formats/json.js';
import { itemTablesPostgres } from './item-rows.js';

/** 2 added the contacts and tasks tables (created beside the others when missing). */
export const POSTGRES_SCHEMA_VERSION = 2;

/** Key of the advisory lock held while the tables are created ("calpump" in ASCII). */
export const SCHEMA_LOCK = 0x63616c70756d70;

export function ddl(schema: string): string {
  const s = `"${schema}"`;
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.events (
  mailbox text NOT NULL, folder text NOT NULL, event_key text NOT NULL,
  item_id text NOT NULL, ical_uid text NOT NULL, series_id text, original_start timestamptz,
  subject text NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL, time_zone text NOT NULL,
  is_all_day boolean NOT NULL, location text NOT NULL, organizer_name text, organizer_email text,
  show_as text NOT NULL, sensitivity text NOT NULL, is_cancelled boolean NOT NULL, categories text[] NOT NULL,
  body text, last_modified timestamptz NOT NULL, json jsonb NOT NULL,
  PRIMARY KEY (mailbox, folder, event_key)
);
CREATE INDEX IF NOT EXISTS events_by_start ON ${s}.events (starts_at);
CREATE TABLE IF NOT EXISTS ${s}.attendees (
  mailbox text NOT NULL, folder text NOT NULL, event_key text NOT NULL, position integer NOT NULL,
  name text, email text, type text NOT NULL, response text NOT NULL,
  PRIMARY KEY (mailbox, folder, event_key, position),
  FOREIGN KEY (mailbox, folder, event_key) REFERENCES ${s}.events ON DELETE CASCADE
);
${itemTablesPostgres(schema)}
CREATE TABLE IF NOT EXISTS ${s}.sync_state (
  job_id text NOT NULL, mailbox text NOT NULL, folder text NOT NULL,
  sequence integer NOT NULL, output_hash text NOT NULL, window_from timestamptz NOT NULL, window_to timestamptz NOT NULL,
  items integer NOT NULL, committed_at timestamptz NOT NULL,
  PRIMARY KEY (job_id, mailbox, folder)
);
CREATE TABLE IF NOT EXISTS ${s}.runs (
  run_id text PRIMARY KEY, job_id text NOT NULL, job_name text NOT NULL, trigger text NOT NULL,
  started_at timestamptz NOT NULL, finished_at timestamptz NOT NULL, status text NOT NULL,
  mailboxes_ok integer NOT NULL, mailboxes_failed integer NOT NULL, items integer NOT NULL, items_written integer NOT NULL,
  errors jsonb NOT NULL
);
COMMENT ON SCHEMA ${s} IS 'Calpump PostgreSQL target, schema version ${POSTGRES_SCHEMA_VERSION}';
`;
}

/** One events row, keyed as jsonb_populate_recordset reads it (column names). */
export function eventRow(mailbox: string, folder: string, e: NormalisedEvent) {
  return {
    mailbox,
    folder,
    event_key: eventKey(e),
    item_id: e.id,
    ical_uid: e.iCalUId,
    series_id: e.seriesId ?? null,
    original_start: e.originalStart ?? null,
    subject: e.subject,
    starts_at: e.start,
    ends_at: e.end,
    time_zone: e.timeZone,
    is_all_day: e.isAllDay,
    location: e.location,
    organizer_name: e.organizer?.name ?? null,
    organizer_email: e.organizer?.email ?? null,
    show_as: e.showAs,
    sensitivity: e.sensitivity,
    is_cancelled: e.isCancelled,
    categories: e.categories,
    body: e.body ?? null,
    last_modified: e.lastModified,
    json: orderedEvent(e),
  };
}

export function attendeeRows(mailbox: string, folder: string, e: NormalisedEvent) {
  const key = eventKey(e);
  return (e.attendees ?? []).map((a, position) => ({
    mailbox,
    folder,
    event_key: key,
    position,
    name: a.name ?? null,
    email: a.email ?? null,
    type: a.type,
    response: a.response,
  }));
}

export function runRow(r: RunRecord) {
  return [
    r.runId,
    r.jobId,
    r.jobName,
    r.trigger,
    r.startedAt,
    r.finishedAt,
    r.status,
    r.mailboxesOk,
    r.mailboxesFailed,
    r.items,
    r.itemsWritten,
    JSON.stringify(r.errors.map((e) => ({ mailbox: e.mailbox, folder: e.folder, item: e.item, id: e.error.id }))),
  ];
}
