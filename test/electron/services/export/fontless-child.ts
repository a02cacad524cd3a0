/**
 * Run by font.test.ts in a child process whose FONTCONFIG_FILE hides every system font: exports a
 * one-panel sheet with a caption and prints what the caption band looks like as JSON.
 */
import path from 'node:path';
import { exportContactSheet } from '../../../../electron/services/export/contact-sheet';
import { decode, makeTempDir, removeDir, solidPng } from './helpers';
import { measureCaption } from './fontless-probe';

const dir = await makeTempDir('castboard-fontless-');
try {
  const image = await solidPng(dir, 'take.png', [30, 144, 255], 160, 90);
  const panels = [{ number: 1, imagePath: image, captions: { dialogue: 'Lights out in the lamp room' } }];
  const result = await exportContactSheet({ title: 'T', date: 'd', panels }, { cellWidth: 320, columns: 1, margin: 10, gutter: 0, header: false, panelNumbers: false, captions: ['dialogue'] }, path.join(dir, 'sheet.png'));
  process.stdout.write(JSON.stringify(measureCaption(await decode(result.files[0] ?? ''))));
} finally {
  await removeDir(dir);
}
