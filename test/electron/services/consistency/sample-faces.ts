/**
 * Test images made from the photos @vladmandic/face-api ships (demo/sample1-6.jpg), with sharp:
 * a character reference cropped around one face, the same face re-framed / resized / recoloured,
 * faces of other people, a blank image and a flat illustration. Shared by the consistency tests,
 * the CLI and browser tests and the benchmark; all PNG, as the project's image store requires.
 * The crop boxes are around faces the detector finds in the originals (pixel boxes in the
 * 1920 px-wide samples).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const demoDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

export const samplePath = (n: number): string => path.join(demoDir, `sample${n}.jpg`);

interface Crop {
  sample: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Head-and-shoulders crops around faces of different people. */
export const PEOPLE = {
  /** sample1, the face at x 414, y 354 (177 x 240). */
  ada: { sample: 1, left: 320, top: 240, width: 370, height: 480 },
  /** sample2, the face at x 1447, y 153 (194 x 242). */
  ben: { sample: 2, left: 1350, top: 50, width: 390, height: 470 },
  /** sample3, the face at x 585, y 329 (199 x 271). */
  cleo: { sample: 3, left: 490, top: 220, width: 390, height: 500 },
} satisfies Record<string, Crop>;

export type Person = keyof typeof PEOPLE;

/** The face boxes the detector finds in the samples (x, y, width, height in sample pixels). */
const FACES: Record<Person, { left: number; top: number; width: number; height: number }> = {
  ada: { left: 414, top: 354, width: 177, height: 240 },
  ben: { left: 1447, top: 153, width: 194, height: 242 },
  cleo: { left: 585, top: 329, width: 199, height: 271 },
};

/**
 * An extreme close-up, upscaled to 1024 px wide: `face` is the face box itself (the face fills
 * the frame), `eyes` a square from the brows to the mouth.
 */
export async function closeUp(person: Person, framing: 'face' | 'eyes'): Promise<Buffer> {
  const face = FACES[person];
  const inset = Math.round(face.width * 0.09);
  const box = framing === 'face' ? face : { left: face.left + inset, top: face.top + Math.round(face.height * 0.19), width: face.width - 2 * inset, height: face.width - 2 * inset };
  return sharp(samplePath(PEOPLE[person].sample)).extract(box).resize({ width: 1024 }).png().toBuffer();
}

/** A portrait crop of one person, as a character reference image. */
export async function portrait(person: Person): Promise<Buffer> {
  const crop = PEOPLE[person];
  return sharp(samplePath(crop.sample)).extract({ left: crop.left, top: crop.top, width: crop.width, height: crop.height }).png().toBuffer();
}

/**
 * The same person re-framed (a tighter crop, off-centre), resized, recoloured (hue, saturation,
 * brightness) and placed in a wider 16:9 frame: what a generated panel of the character looks like.
 */
export async function reframed(person: Person, variant = 0): Promise<Buffer> {
  const crop = PEOPLE[person];
  const inset = 30 + variant * 10;
  const face = await sharp(samplePath(crop.sample))
    .extract({ left: crop.left + inset, top: crop.top + inset, width: crop.width - 2 * inset, height: crop.height - inset })
    .resize({ height: 420 + variant * 40 })
    .modulate({ hue: 20 + variant * 15, saturation: 0.7, brightness: 1.1 })
    .png()
    .toBuffer();
  return sharp({ create: { width: 1024, height: 576, channels: 3, background: { r: 60 + variant * 30, g: 90, b: 120 } } })
    .composite([{ input: face, left: 120 + variant * 200, top: 40 }])
    .png()
    .toBuffer();
}

/** An empty grey frame. */
export function blank(): Promise<Buffer> {
  return sharp({ create: { width: 1024, height: 576, channels: 3, background: { r: 128, g: 128, b: 128 } } }).png().toBuffer();
}

/** A flat vector illustration in the faceless style common in flat design: sky, sun, hills, a figure. */
export function flatIllustration(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="576">
    <rect width="1024" height="576" fill="#8ecae6"/>
    <circle cx="820" cy="120" r="70" fill="#ffb703"/>
    <path d="M0 420 Q 260 300 520 420 T 1024 400 V 576 H 0 Z" fill="#219ebc"/>
    <path d="M0 480 Q 300 400 640 480 T 1024 470 V 576 H 0 Z" fill="#023047"/>
    <rect x="420" y="300" width="90" height="150" rx="20" fill="#fb8500"/>
    <circle cx="465" cy="250" r="55" fill="#f4d6b0"/>
    <path d="M410 240 Q 465 170 520 240 Q 500 205 465 200 Q 430 205 410 240 Z" fill="#3d2b1f"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The person's portrait flattened to a few colours after a heavy blur: a poster-like stylisation. */
export async function posterised(person: Person): Promise<Buffer> {
  const flat = await sharp(await portrait(person)).blur(12).png({ palette: true, colours: 3, dither: 0 }).toBuffer();
  return sharp(flat).png().toBuffer();
}

/** Two people side by side: `larger` full size on the left, `smaller` at 60 % on the right. */
export async function twoPeople(larger: Person, smaller: Person): Promise<Buffer> {
  const big = await portrait(larger);
  const crop = PEOPLE[smaller];
  const small = await sharp(await portrait(smaller)).resize({ width: Math.round(crop.width * 0.6) }).png().toBuffer();
  return sharp({ create: { width: 1000, height: 560, channels: 3, background: { r: 70, g: 80, b: 95 } } })
    .composite([
      { input: big, left: 40, top: 40 },
      { input: small, left: 700, top: 180 },
    ])
    .png()
    .toBuffer();
}
