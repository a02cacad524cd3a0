/**
 * Inputs and results of the gateway service, independent of the project document: the caller
 * (queue, IPC handler, CLI) copies what it needs from its own model into these shapes.
 */
import type { GenerateRequest, RequestParams, RestyleRequest } from '../../../shared/generation/ideogram-request';

export type { RenderingSpeed, StyleType } from '../../../shared/domain/ideogram-controls';
export type { AspectRatio } from '../../../shared/domain/project';
export type { IdeogramControls, RequestParams, StyleInput } from '../../../shared/generation/ideogram-request';

export interface CharacterInput {
  name: string;
  description: string;
  /** The reference image (any allowed format); verified and downscaled to the upload cap before sending. */
  referencePng: Buffer;
  /** Optional mask for the reference (white = the character). */
  referenceMaskPng?: Buffer;
}

/** A generate request (shared/generation/ideogram-request) with the reference image's bytes. */
export interface GeneratePanelInput extends GenerateRequest {
  character: CharacterInput;
}

/** A restyle request with the bytes of the take to restyle and of the reference image. */
export interface RestylePanelInput extends RestyleRequest {
  /** The take to restyle. */
  sourcePng: Buffer;
  character: CharacterInput;
}

/**
 * A request sent before (kept as its params), with its images' bytes: sent again as it was, e.g. by
 * a Retry of a job accepted before a restart. The model in `params` says which kind it is.
 */
export interface ResendInput {
  params: RequestParams;
  referencePng: Buffer;
  referenceMaskPng?: Buffer;
  /** The take a restyle restyled (remix only). */
  sourcePng?: Buffer;
}

export interface GeneratedImage {
  png: Buffer;
  sha256: string;
  width: number;
  height: number;
  seed?: number;
}

export interface GenerationResult {
  images: GeneratedImage[];
  /** X-Cost-Cents when the gateway sent it, else images x the price setting. */
  costCents: number;
  costSource: 'header' | 'price';
  model: string;
  prompt: string;
  params: RequestParams;
  /** Set when the gateway answered with an async job. */
  remoteJobId?: string;
}

/** What a caller persists when the gateway accepts an async job, to resume it after a restart. */
export interface AcceptedJob {
  jobId: string;
  params: RequestParams;
  /** When it was submitted (epoch ms), for jobs resumed after a restart. */
  submittedAt?: number;
}

export type GatewayPhase = 'sending' | 'waiting' | 'polling' | 'downloading';
