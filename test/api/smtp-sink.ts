// A real SMTP server on loopback for the tests (smtp-server), keeping every
// message it accepts as parsed by mailparser. It can refuse recipients (5xx),
// stop listening for a while (connections refused), or hold a message in
// DATA until released.
import { createServer as netServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Sink {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** Raw sources, as they crossed the wire. */
  raw: string[];
  /** Recipients refused with 550 from now on. */
  refuse(address: string): void;
  /** Holds each message in DATA until `release()` (a server that hangs mid-send). */
  hold(): void;
  release(): void;
  /** Resolves when a message is in DATA (held). */
  inData(): Promise<void>;
  /** Stops listening (clients get ECONNREFUSED) and listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = netServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * `ignoreDailySummary`: accept the administrator's daily summary but leave it out of `messages` and `raw`. It goes
 * from 08:00 China time on the real clock, so a test that counts or indexes messages would otherwise pass or fail
 * by the hour it runs (every run between 00:00 and 16:00 UTC).
 */
export async function startSink(fixedPort?: number, options: { parse?: boolean; ignoreDailySummary?: boolean } = {}): Promise<Sink> {
  const port = fixedPort ?? (await freePort());
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const refused = new Set<string>();
  let holding = false;
  let released: (() => void) | undefined;
  let dataWaiters: (() => void)[] = [];
  let server: SMTPServer | undefined;

  const make = () =>
    new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address)) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const finish = async () => {
            const source = Buffer.concat(chunks);
            if (options.ignoreDailySummary && /^Message-ID:\s*<daily-summary\./im.test(source.subarray(0, 4096).toString('utf8'))) return callback();
            raw.push(source.toString('utf8'));
            // Without parsing (benchmarks): only the Message-ID is read, from the header.
            messages.push(options.parse === false ? ({ messageId: /^Message-ID:\s*(\S+)/im.exec(source.subarray(0, 4096).toString('utf8'))?.[1] } as ParsedMail) : await simpleParser(source));
            callback();
          };
          if (holding) {
            for (const w of dataWaiters) w();
            dataWaiters = [];
            new Promise<void>((resolve) => (released = resolve)).then(finish, callback);
          } else void finish();
        });
      },
    });

  async function start() {
    server = make();
    server.on('error', () => {});
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', () => resolve()));
  }
  async function stop() {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
  await start();

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    raw,
    refuse: (address) => void refused.add(address),
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      released?.();
    },
    inData: () => new Promise<void>((resolve) => dataWaiters.push(resolve)),
    stop,
    start,
    async waitFor(count, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`Expected ${count} messages at the SMTP sink within ${timeoutMs} ms; got ${messages.length}.`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: stop,
  };
}
