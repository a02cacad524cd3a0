/**
 * Subtitles of the dialogue for the animatic (SubRip .srt): one cue per panel with dialogue, timed
 * to the same frame-exact cuts as the video, so the cue changes with the picture.
 */
import type { ProductionPanel } from './production-input';

/** "00:01:02,500" */
export function srtTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

/** `cuts` from cutFrames(panels, fps). Blank lines inside dialogue would end a cue, so they are closed up. */
export function srtDocument(panels: readonly ProductionPanel[], cuts: readonly number[], fps: number): string {
  const cues: string[] = [];
  panels.forEach((panel, index) => {
    const text = panel.dialogue.replace(/\r\n?/g, '\n').replace(/\n\s*\n+/g, '\n').trim();
    if (!text) return;
    const start = (cuts[index] ?? 0) / fps;
    const end = (cuts[index + 1] ?? 0) / fps;
    cues.push(`${cues.length + 1}\n${srtTime(start)} --> ${srtTime(end)}\n${text}\n`);
  });
  return cues.join('\n');
}
