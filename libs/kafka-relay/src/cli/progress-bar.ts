import type { ReplayProgress } from '../replay.js';

/** One line: `[#########-----------]  45%  1234 events  position 5678 of 9999`. */
export function progressLine(progress: ReplayProgress, width = 30): string {
  const fraction = Math.max(0, Math.min(1, progress.fraction));
  const filled = Math.round(fraction * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const at = progress.position === undefined ? 'not started' : `position ${progress.position}`;
  const of = progress.until === undefined ? 'an empty log' : `${progress.until}`;
  return `[${bar}] ${percent}  ${progress.published} events  ${at} of ${of}`;
}
