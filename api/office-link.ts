// `npm run office:link -- <office code> [--reissue]`: prints the signed link
// to an office's inbox (/office/), to send to that office. --reissue first
// voids every link the office was given so far (a lost phone, a leaked link).
import { readConfig } from './config.ts';
import { createService } from './main.ts';

const [code, ...flags] = process.argv.slice(2);
if (!code || !/^\d{6}$/.test(code)) {
  console.error('Usage: npm run office:link -- <office code, e.g. 990102> [--reissue]');
  process.exit(2);
}
const config = { ...readConfig(), workers: false, logLevel: 'warn' };
const service = await createService(config, { origins: () => [] });
try {
  const link = await service.officeLink(code, { reissue: flags.includes('--reissue') });
  if (flags.includes('--reissue')) console.log('Every earlier link of this office is now void.');
  console.log(link);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await service.close();
}
