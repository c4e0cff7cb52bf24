import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { sendJson } from './send.ts';

/** Handles a request under /api/ or /open311/. */
export type ServiceHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The reporting service's routes. Returns the handler and a close function for shutdown. */
export async function createServiceHandler(_config: Config): Promise<{ handle: ServiceHandler; close: () => Promise<void> }> {
  return {
    async handle(_req, res) {
      sendJson(res, 404, { errors: [{ field: '', code: 'not_found', message: '没有这个接口。' }] });
    },
    async close() {},
  };
}
