export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const line = (cells: readonly string[]) =>
    `| ${columns.map((_, i) => pad(cells[i] ?? '', i)).join(' | ')} |`;
  const dashes = (i: number) => '-'.repeat(widths[i]! + 1);
  const alignment = (column: Column, i: number) =>
    column.align === 'right' ? `${dashes(i)}:` : `:${dashes(i)}`;
  const rule = `|${columns.map(alignment).join('|')}|`;
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}
