/**
 * `node --import tsx bench/scale/profile-summary.ts <file.cpuprofile> [top]`: the functions a V8 CPU
 * profile (written by `node --cpu-prof`, e.g. through `npm run bench:scale -- --cpu-prof procedures
 * --keep`) spent most self time in, with their share of all samples, and the same grouped by where
 * the code lives (a package under node_modules, a workspace project, node itself).
 */
import { readFileSync } from 'node:fs';
import { markdownTable } from '../markdown-table.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export function whereOf(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const workspace = /\/((?:apps|libs)\/[^/]+)\//.exec(url);
  return workspace ? workspace[1]! : url;
}

export function summarize(profile: CpuProfile, top: number): string {
  const counts = new Map<number, number>();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const idle = profile.nodes
    .filter((node) => node.callFrame.functionName === '(idle)')
    .reduce((sum, node) => sum + (counts.get(node.id) ?? 0), 0);
  const busy = total - idle;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = counts.get(node.id) ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = whereOf(url);
    const name = `${functionName || '(anonymous)'} — ${place}${url && !url.startsWith('node:') ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => [
        name,
        `${((100 * hits) / total).toFixed(1)} %`,
        name.startsWith('(idle)') ? '' : `${((100 * hits) / busy).toFixed(1)} %`,
        String(hits),
      ]);
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return [
    `${total.toLocaleString('en-US')} samples over ${seconds.toFixed(1)} s, ${((100 * idle) / total).toFixed(1)} % of them idle`,
    '',
    sharesTable('function (self time)', rows(byFunction)),
    '',
    sharesTable('where (self time)', rows(byPlace)),
  ].join('\n');
}

function sharesTable(what: string, rows: string[][]): string {
  return markdownTable(
    [
      { title: what, align: 'left' },
      { title: 'share of samples', align: 'right' },
      { title: 'share of busy samples', align: 'right' },
      { title: 'samples', align: 'right' },
    ],
    rows,
  );
}

const [file, top] = process.argv.slice(2);
if (file) console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)));
else console.error('usage: profile-summary.ts <file.cpuprofile> [top]');
