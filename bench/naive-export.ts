// Bench child: the export as a careful engineer writes it first with ews-javascript-api — FindAppointments with a
// CalendarView and, as Microsoft advises, a PropertySet of just the fields it writes (uid, subject, times,
// location, all-day), then one JSON file per mailbox. `--parallel N` runs N mailboxes at once (default 1: one
// after the other). This is the baseline Calpump is compared to; it prints items per mailbox so the runner can
// check that both read the same data.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { XhrApi } from '@ewsjs/xhr';
import ews from 'ews-javascript-api';
import { arg, benchOutDir, cpuMsSince, removeBenchOut, SERVICE_ACCOUNT, SIM_PASSWORD } from './lib.js';

async function main(): Promise<void> {
  const mailboxes = arg('mailboxes').split(',');
  const parallel = Number(arg('parallel', '1'));
  ews.ConfigurationApi.ConfigureXHR(new XhrApi({ httpsAgent: new Agent({ ca: readFileSync(arg('ca')), keepAlive: true }) }));
  const out = await benchOutDir('naive-bench-');
  const from = new ews.DateTime(new Date(arg('from')).getTime());
  const to = new ews.DateTime(new Date(arg('to')).getTime());
  const fields = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    ews.AppointmentSchema.ICalUid,
    ews.AppointmentSchema.Subject,
    ews.AppointmentSchema.Start,
    ews.AppointmentSchema.End,
    ews.AppointmentSchema.Location,
    ews.AppointmentSchema.IsAllDayEvent,
  ]);
  const perMailbox: Record<string, number> = {};
  let failed = 0;
  let firstError: string | undefined;

  const exportOne = async (mailbox: string) => {
    try {
      const svc = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
      svc.Credentials = new ews.WebCredentials(SERVICE_ACCOUNT, SIM_PASSWORD);
      svc.Url = new ews.Uri(arg('url'));
      svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, mailbox);
      const view = new ews.CalendarView(from, to);
      view.PropertySet = fields;
      const res = await svc.FindAppointments(ews.WellKnownFolderName.Calendar, view);
      const rows = res.Items.map((a) => ({
        uid: a.ICalUid,
        subject: a.Subject,
        start: a.Start.ToISOString(),
        end: a.End.ToISOString(),
        location: a.Location,
        allDay: a.IsAllDayEvent,
      }));
      await writeFile(join(out, `${mailbox}.json`), JSON.stringify(rows));
      perMailbox[mailbox] = rows.length;
    } catch (e) {
      failed++;
      firstError ??= String((e as Error)?.message ?? e).slice(0, 200);
    }
  };

  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, parallel) }, async () => {
      while (next < mailboxes.length) await exportOne(mailboxes[next++]);
    }),
  );
  const ms = performance.now() - t0;
  await removeBenchOut(out);
  const items = Object.values(perMailbox).reduce((n, c) => n + c, 0);
  process.stdout.write(`${JSON.stringify({ ms, items, failed, firstError, perMailbox, cpuMs: cpuMsSince(cpu0) })}\n`);
  process.exit(0);
}

void main();
