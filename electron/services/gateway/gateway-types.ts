/**
 * Inputs and results of the gateway service, independent of the project document: the caller
 * (queue, IPC handler, CLI) copies what it needs from its own model into these shapes.
 */
import type { z } from 'zod';
import type { RenderingSpeedSchema, StyleTypeSchema } from '../../../shared/domain/settings';

export type StyleType = z.infer<typeof StyleTypeSchema>;
export type RenderingSpeed = z.infer<typeof RenderingSpeedSchema>;
export type AspectRatio = '16:9' | '2.39:1' | '4:3' | '1:1' | '9:16' | '3:2';

export interface CharacterInput {
  name: string;
  description: string;
  /** The reference image (any allowed format); verified and downscaled to the upload cap before sending. */
  referencePng: Buffer;
  /** Optional mask for the reference (white = the character). */
  referenceMaskPng?: Buffer;
}

export interface StyleInput {
  /** The project's style words, appended to every prompt. */
  prompt?: string;
  styleType?: StyleType;
  renderingSpeed?: RenderingSpeed;
  negativePrompt?: string;
}

export interface GeneratePanelInput {
  scene: string;
  shotType?: string;
  cameraAngle?: string;
  character: CharacterInput;
  style?: StyleInput;
  aspectRatio: AspectRatio;
  /** 1-4. */
  variations: number;
  seed?: number;
}

export interface RestylePanelInput {
  /** The take to restyle. */
  sourcePng: Buffer;
  /** The target style (and scene changes) in words. */
  stylePrompt: string;
  /** 1-100: how much of the source to keep. */
  imageWeight: number;
  character: CharacterInput;
  /** Optional scene text, so the remix keeps the panel's content in words too. */
  scene?: string;
  style?: Omit<StyleInput, 'prompt'>;
  aspectRatio: AspectRatio;
  /** 1-4, default 1. */
  variations?: number;
  seed?: number;
}

export interface GeneratedImage {
  png: Buffer;
  sha256: string;
  width: number;
  height: number;
  seed?: number;
}

/** What was asked, without the image payloads: enough to store with a take and to reproduce it. */
export interface RequestParams {
  model: string;
  prompt: string;
  n: number;
  size: string;
  seed?: number;
  style_type?: StyleType;
  rendering_speed?: RenderingSpeed;
  negative_prompt?: string;
  image_weight?: number;
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
