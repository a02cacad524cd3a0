/**
 * The face model itself: @vladmandic/face-api (SSD MobileNet v1 detector, 68-point landmarks,
 * 128-d recognition net) on tfjs's wasm backend. Only the consistency worker imports this module,
 * so tfjs is never loaded in the main process, and never before the first check.
 * Invariants:
 *  - everything is loaded from the installed packages (model/ of face-api, dist/*.wasm of
 *    tfjs-backend-wasm), never from a network; in a packaged app those files are asar-unpacked,
 *    so paths inside app.asar are redirected to app.asar.unpacked;
 *  - face-api's default entry needs tfjs-node (a native download), so its node-wasm build is
 *    required by path;
 *  - images are decoded by sharp (any orientation, alpha or colour space) and capped at
 *    MAX_SIDE pixels: the detector works at 512 px anyway, and a cap bounds memory;
 *  - close-ups and images where nothing was found get a second look with mirrored context
 *    around them (face-math CLOSE_UP_PADDING): twice the work only for those images.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type Sharp } from '../image-safety/sharp-gate';
import { CLOSE_UP_PADDING, MIN_DETECTION_CONFIDENCE, facesFromPadded, needsContext, type FaceLike } from './face-math';
import type * as FaceApi from '@vladmandic/face-api/dist/face-api.node-wasm.js';

/** One face: detector confidence 0-1, box as fractions of the image, 128-d descriptor. */
export type DetectedFace = FaceLike;

export interface FaceEngine {
  /** Every face found in an encoded image (PNG, JPEG, WebP), with its descriptor. */
  describe(image: Uint8Array): Promise<DetectedFace[]>;
}

const MAX_SIDE = 1024;
const MAX_FACES = 10;
const MAX_INPUT_PIXELS = 100_000_000;

const require = createRequire(import.meta.url);

/** The part of tfjs used here (face-api's bundled typings describe only a subset of tf). */
interface TfRuntime {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
}

/** A path inside app.asar, pointed at the unpacked copy (wasm and model files are asarUnpack'ed). */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

export function modelDir(): string {
  return unpackedPath(path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model'));
}

export function wasmDir(): string {
  return unpackedPath(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
}

async function loadFaceApi(): Promise<typeof FaceApi> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as typeof FaceApi;
  const tf = faceapi.tf as unknown as TfRuntime;
  tf.setWasmPaths(wasmDir());
  await tf.setBackend('wasm');
  await tf.ready();
  const dir = modelDir();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(dir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(dir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(dir);
  return faceapi;
}

interface Frame {
  data: Buffer;
  width: number;
  height: number;
}

async function toFrame(pipeline: Sharp): Promise<Frame> {
  const { data, info } = await pipeline
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function decodeRgb(image: Uint8Array): Promise<Frame> {
  return toFrame(sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).rotate());
}

/**
 * The frame with mirrored context on every side (see CLOSE_UP_PADDING), back under MAX_SIDE.
 * Two pipelines: sharp always extends after resizing within one.
 */
async function padded(frame: Frame): Promise<Frame> {
  const x = Math.round(frame.width * CLOSE_UP_PADDING);
  const y = Math.round(frame.height * CLOSE_UP_PADDING);
  const raw = (width: number, height: number) => ({ raw: { width, height, channels: 3 as const } });
  const { data, info } = await sharp(frame.data, raw(frame.width, frame.height))
    .extend({ left: x, right: x, top: y, bottom: y, extendWith: 'mirror' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toFrame(sharp(data, raw(info.width, info.height)));
}

export async function loadFaceEngine(minConfidence = MIN_DETECTION_CONFIDENCE): Promise<FaceEngine> {
  const faceapi = await loadFaceApi();
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: MAX_FACES });
  async function detect({ data, width, height }: Frame): Promise<DetectedFace[]> {
    const tensor = (faceapi.tf as unknown as TfRuntime).tensor3d(data, [height, width, 3], 'int32');
    try {
      // tsc needs the cast (our TfRuntime view of the tensor); the linter's program resolves
      // face-api's bundled types more loosely and calls it unnecessary.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      const faces = await faceapi.detectAllFaces(tensor as unknown as FaceApi.TNetInput, options).withFaceLandmarks().withFaceDescriptors();
      return faces.map((face) => {
        const box = face.detection.box;
        return {
          score: face.detection.score,
          box: [box.x / width, box.y / height, box.width / width, box.height / height],
          descriptor: Array.from(face.descriptor),
        };
      });
    } finally {
      tensor.dispose();
    }
  }

  return {
    async describe(image) {
      const frame = await decodeRgb(image);
      const faces = await detect(frame);
      if (!needsContext(faces)) return faces;
      // A close-up (or nothing found): look again with context around the frame.
      const again = facesFromPadded(await detect(await padded(frame)));
      return again.length > 0 ? again : faces;
    },
  };
}
