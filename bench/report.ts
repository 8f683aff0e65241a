// The figures: a printed table for people, bench/results.json ({name, value, unit}[]) for
// tools. A run of one figure (--only) merges into the existing file instead of replacing it,
// so checking a single figure does not throw away the rest of the last full run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Printed in the table only: how it was measured, what to keep in mind. */
  note?: string;
}

function formatValue(f: Figure): string {
  if (f.unit === 'bytes') return Math.round(f.value).toLocaleString('en');
  if (f.unit === 'ratio') return f.value.toFixed(2);
  if (f.unit === 's') return f.value.toFixed(1);
  return f.value < 10 ? f.value.toFixed(3) : f.value.toFixed(1);
}

export function printTable(figures: readonly Figure[], out: (s: string) => void): void {
  const rows = figures.map((f) => [f.name, formatValue(f), f.unit, f.note ?? '']);
  const w = [0, 1, 2].map((i) =>
    Math.max(...rows.map((r) => (r[i] as string).length), ['name', 'value', 'unit'][i]!.length),
  );
  const line = (r: string[]) =>
    `${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padEnd(w[2]!)}  ${r[3]}`.trimEnd();
  out(line(['name', 'value', 'unit', 'note']));
  out(line(['-'.repeat(w[0]!), '-'.repeat(w[1]!), '-'.repeat(w[2]!), '----']));
  for (const r of rows) out(line(r));
}

export function writeResults(file: string, figures: readonly Figure[], merge: boolean): void {
  const fresh = figures.map(({ name, value, unit }) => ({ name, value: Number(value.toPrecision(6)), unit }));
  let all = fresh;
  if (merge && existsSync(file)) {
    const names = new Set(fresh.map((f) => f.name));
    const old = (JSON.parse(readFileSync(file, 'utf8')) as { name: string; value: number; unit: string }[]).filter(
      (f) => !names.has(f.name),
    );
    all = [...old, ...fresh];
  }
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
