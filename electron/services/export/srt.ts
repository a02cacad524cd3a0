/**
 * Subtitles of the dialogue for the animatic (SubRip .srt), timed to the same frame-exact cuts as
 * the video, so the cues change with the picture. Each panel's dialogue is wrapped as subtitles
 * are (subtitle-lines.ts: at most 2 lines of 42 characters on screen); dialogue that needs more
 * is shown as consecutive cues sharing the panel's time in proportion to their length, the first
 * starting at the panel's cut and the last ending at the next one, with no gap or overlap.
 * Cues are numbered from 1 and separated by a blank line (LF line ends).
 */
import type { ProductionPanel } from './production-input';
import { cueBoundaries, subtitleCues } from './subtitle-lines';

/** "00:01:02,500" */
export function srtTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

/** `cuts` from cutFrames(panels, fps). */
export function srtDocument(panels: readonly ProductionPanel[], cuts: readonly number[], fps: number): string {
  const cues: string[] = [];
  panels.forEach((panel, index) => {
    const texts = subtitleCues(panel.dialogue);
    if (texts.length === 0) return;
    const startMs = Math.round(((cuts[index] ?? 0) / fps) * 1000);
    const endMs = Math.round(((cuts[index + 1] ?? 0) / fps) * 1000);
    const bounds = cueBoundaries(texts, startMs, endMs);
    texts.forEach((text, part) => {
      cues.push(`${cues.length + 1}\n${srtTime((bounds[part] ?? startMs) / 1000)} --> ${srtTime((bounds[part + 1] ?? endMs) / 1000)}\n${text}\n`);
    });
  });
  return cues.join('\n');
}
