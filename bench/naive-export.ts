// Bench child: the export as it is usually written first — ews-javascript-api, one mailbox after the other,
// FindAppointments with a CalendarView, then write the appointments out. This is the baseline Calpump is compared to.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XhrApi } from '@ewsjs/xhr';
import ewsModule from 'ews-javascript-api';
import { arg, SERVICE_ACCOUNT, SIM_PASSWORD } from './lib.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ews = ewsModule as any;

async function main(): Promise<void> {
  const mailboxes = arg('mailboxes').split(',');
  ews.ConfigurationApi.ConfigureXHR(new XhrApi({ httpsAgent: new Agent({ ca: readFileSync(arg('ca')), keepAlive: true }) }));
  const out = await mkdtemp(join(tmpdir(), 'naive-bench-'));
  const from = new ews.DateTime(new Date(arg('from')).getTime());
  const to = new ews.DateTime(new Date(arg('to')).getTime());
  let items = 0;
  let failed = 0;
  const t0 = performance.now();
  for (const mailbox of mailboxes) {
    try {
      const svc = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
      svc.Credentials = new ews.WebCredentials(SERVICE_ACCOUNT, SIM_PASSWORD);
      svc.Url = new ews.Uri(arg('url'));
      svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, mailbox);
      const res = await svc.FindAppointments(ews.WellKnownFolderName.Calendar, new ews.CalendarView(from, to));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const rows = res.Items.map((a: any) => ({
        uid: a.ICalUid,
        subject: a.Subject,
        start: a.Start.ToISOString(),
        end: a.End.ToISOString(),
        location: a.Location,
        allDay: a.IsAllDayEvent,
      }));
      await writeFile(join(out, `${mailbox}.json`), JSON.stringify(rows));
      items += rows.length;
    } catch {
      failed++;
    }
  }
  const ms = performance.now() - t0;
  await rm(out, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ ms, items, failed })}\n`);
  process.exit(0);
}

void main();
