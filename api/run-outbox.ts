// `npm run outbox`: one run of the outbox — sends every message that is due
// (leads, notices, reminders, alerts) and checks the deadlines, then exits.
// The server does this itself every few seconds; this is for a cron job on a
// host that runs the service with WORKERS=off. Claims make it safe beside a
// running server: a message claimed by one is not sent by the other.
import { readConfig } from './config.ts';
import { createService } from './main.ts';

const config = { ...readConfig(), workers: false };
const service = await createService(config, { origins: () => [] });
try {
  const deadlines = await service.checkDeadlines();
  const sent = await service.deliver();
  console.log(`outbox: ${sent.sent} sent, ${sent.retried} to retry, ${sent.dead} given up, ${sent.skipped} with nobody to send to; deadlines: ${deadlines.reminded} reminders, ${deadlines.escalated} escalations`);
} finally {
  await service.close();
}
