import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { DestinationStream } from 'pino';
import { astroEntry, readConfig, type Config } from './config.ts';
import { createService, type Service } from './main.ts';
import { allowedOrigins } from './http/origin-policy.ts';
import { SERVICE_PREFIXES } from './http/service-handler.ts';
import { createHashedFileCheck, createPrecompressed, IMMUTABLE, isContentHashed } from './http/precompressed.ts';
import type { Clock } from './app/ports.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

export interface RunningServer {
  server: Server;
  /** The service itself (one outbox round, a deadline check, office links). */
  service: Service;
  /** The port actually bound (useful with PORT=0 in tests). */
  port: number;
  url: string;
  close(): Promise<void>;
}


/**
 * One process, one port: the reporting service's own routes (streamed, never
 * buffered whole) in front of Astro's handler, which serves the prerendered site.
 */
export interface ServerOptions {
  /**
   * False serves the reporting service alone, without the built site (API
   * tests, benchmarks, SERVE_SITE=off); every other path then answers 404.
   */
  site?: boolean;
  /** Where the service log goes (tests collect it); stdout by default. */
  logDestination?: DestinationStream;
  /** The time (tests move it forward to see deadlines pass). */
  clock?: Clock;
}

const noSite: NodeHandler = (_req, res) => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404');
};

async function loadSite(config: Config): Promise<NodeHandler> {
  const entry = astroEntry(config);
  if (!existsSync(entry)) throw new Error(`Expected a built site at ${entry}; run "npm run build" first.`);
  // Astro's standalone entry would start its own server on import; ours serves instead.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  return ((await import(pathToFileURL(entry).href)) as { handler: NodeHandler }).handler;
}

export async function startServer(config: Config = readConfig(), options: ServerOptions = {}): Promise<RunningServer> {
  const astro = { handler: options.site === false ? noSite : await loadSite(config) };
  const precompressed = options.site === false ? undefined : createPrecompressed(join(config.distDir, 'client'));
  const hashedFile = options.site === false ? undefined : createHashedFileCheck(join(config.distDir, 'client'));
  let port = config.port;
  const service = await createService(config, {
    origins: () => allowedOrigins(config.publicUrl, config.publicUrlExplicit, port),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const fail = (error: unknown) => {
      // The message only: request details may carry a reporter's identity or secret.
      service.log.logger.error({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, 'service error');
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify({ errors: [{ field: '', code: 'internal', message: '服务器内部错误，请稍后重试。' }] }));
    };
    if (SERVICE_PREFIXES.some((p) => path.startsWith(p))) {
      service.handle(req, res).catch(fail);
      return;
    }
    const toAstro = () =>
      astro.handler(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('404');
      });
    // Astro's static handler marks only its own bundles as immutable; the search index files are named by their content too.
    const toHashedOrAstro = () => {
      if (!hashedFile || !isContentHashed(path)) return toAstro();
      hashedFile(path).then((hashed) => {
        if (hashed) res.setHeader('cache-control', IMMUTABLE);
        toAstro();
      }, fail);
    };
    // The site's own files, compressed at build time when the browser takes that; the rest as Astro serves it.
    const toSite = () => {
      if (!precompressed) return toAstro();
      precompressed(req, res).then((served) => served || toHashedOrAstro(), fail);
    };
    if (path === '/report/' && (req.method === 'GET' || req.method === 'HEAD')) {
      service.reportForm(res, req.method === 'HEAD').then((served) => served || toSite(), fail);
      return;
    }
    toSite();
  });
  // Slow clients may not hold a connection open forever (slowloris): headers must arrive within 20 s,
  // and a body that stops moving is cut (parseSubmission's idle timer). A body that keeps moving,
  // however slowly, is not cut: six 10 MB photos over a weak mobile link take many minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    server,
    service,
    port,
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    close() {
      // Once: a second call waits for the first.
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await service.close();
      })();
      return closing;
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const running = await startServer(readConfig(), { site: process.env.SERVE_SITE !== 'off' });
  console.log(`执法公示 serving on ${running.url}`);
  const stop = (signal: string) => {
    console.log(`${signal}: closing`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
