/** One measured number, with the target it is held to where the issue sets one. */
export interface Measurement {
  readonly benchmark: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** Bound the value is held to (an upper bound unless `targetKind` says otherwise); undefined when informational. */
  readonly target?: number;
  /** 'maximum' (the default): the value must stay at or under the target; 'minimum': at or over it (a success rate). */
  readonly targetKind?: 'maximum' | 'minimum';
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Prints the measurements as an aligned table, then as one JSON document. Returns whether all targets held. */
export function printReport(measurements: readonly Measurement[]): boolean {
  const rows = measurements.map((measurement) => [
    measurement.benchmark,
    measurement.metric,
    formatNumber(measurement.value) + ' ' + measurement.unit,
    measurement.target === undefined ? '' : (measurement.targetKind === 'minimum' ? '≥ ' : '≤ ') + formatNumber(measurement.target) + ' ' + measurement.unit,
    measurement.target === undefined ? '' : meetsTarget(measurement) ? 'ok' : 'MISSED',
  ]);
  const header = ['benchmark', 'metric', 'value', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  const allMet = measurements.every(meetsTarget);
  console.log('');
  console.log(JSON.stringify({ machine: machineDescription(), allTargetsMet: allMet, measurements }, null, 2));
  return allMet;
}

function meetsTarget(measurement: Measurement): boolean {
  if (measurement.target === undefined) return true;
  return measurement.targetKind === 'minimum' ? measurement.value >= measurement.target : measurement.value <= measurement.target;
}

function formatNumber(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function machineDescription(): Record<string, unknown> {
  return { node: process.version, platform: process.platform, arch: process.arch };
}
