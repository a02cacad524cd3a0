/** Building blocks for the contract: a channel is a pair of zod schemas, request and response. */
import { z } from 'zod';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): ChannelSpec<Req, Res> {
  return { request, response };
}

/** Requests that carry nothing. Accepts `undefined` (IPC) and `null` (JSON bodies). */
export const noPayload = z.union([z.undefined(), z.null()]).transform(() => undefined);
