/** The fake gateway's options and its handle for tests (fake-gateway.ts implements them). */
import type { Fault } from './fake-faults';
import type { RecordedRequest } from './fake-http';
import type { RpmLimitOptions } from './fake-rate-limit';

export interface FakeGatewayOptions {
  /** 0 = ephemeral. */
  port?: number;
  /** When set, the Bearer token must equal it; else any non-empty Bearer is accepted. */
  apiKey?: string;
  /** Sync modes: time to answer an image request. Async mode: time until a job can complete. */
  latencyMs?: number;
  maxInFlight?: number;
  mode?: 'b64' | 'url' | 'async';
  /** Images left in the wallet; undefined = unlimited. */
  credits?: number;
  /** Default true. */
  balanceEndpoint?: boolean;
  /** X-Cost-Cents per image; null = header absent; default 5. */
  costCents?: number | null;
  /** Async mode: polls answered "queued"/"running" before a job may complete (default 1). */
  jobPendingPolls?: number;
  /** Largest decoded upload image (reference or source) accepted; over it -> 413. Default 10 MB. */
  maxUploadBytes?: number;
  /** Retry-After sent with a 429 for the in-flight limit (default "1"). */
  inFlightRetryAfter?: string;
  /** A requests-per-minute limit with x-ratelimit-* headers (fake-rate-limit.ts). */
  rpmLimit?: RpmLimitOptions;
  /** A poll sooner than this after the previous poll of the same job gets 304 Not Modified. */
  minPollIntervalMs?: number;
  /** Called for every submit (POST /images/generations) as it arrives, to count them from outside. */
  onPost?: (request: RecordedRequest) => void;
}

export interface FakeGateway {
  /** e.g. http://127.0.0.1:PORT/v1 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly rejectedByInFlightLimit: number;
  readonly peakInFlight: number;
  /** Submits (POST /images/generations) received, whatever their answer. */
  readonly posts: number;
  /** Submits refused by the requests-per-minute limit. */
  readonly rejectedByRpmLimit: number;
  readonly credits: number | undefined;
  /** Queued, consumed one per incoming image/job/download request they target. */
  script(...faults: Fault[]): void;
  setCredits(n: number | undefined): void;
  reset(): void;
  close(): Promise<void>;
}
