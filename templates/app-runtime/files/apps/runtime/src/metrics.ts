/**
 * Metrik dalam format teks Prometheus (exposition format 0.0.4): penghitung, histogram dan gauge
 * yang dihitung saat diminta. Urutan keluaran tetap: metrik menurut pendaftaran, deret menurut label.
 */
export type Labels = Readonly<Record<string, string>>;

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Nilai label: `\`, `"` dan baris baru di-escape. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatLabels(names: readonly string[], values: readonly string[], extra = ''): string {
  const parts = names.map((n, i) => `${n}="${escapeLabelValue(values[i] ?? '')}"`);
  if (extra) parts.push(extra);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {
    if (!NAME.test(name)) throw new Error(`nama metrik tidak sah: ${name}`);
    for (const l of labelNames) if (!LABEL.test(l) || l === 'le') throw new Error(`label tidak sah pada ${name}: ${l}`);
  }

  abstract readonly type: 'counter' | 'gauge' | 'histogram';

  protected valuesOf(labels: Labels): string[] {
    const unknown = Object.keys(labels).filter((k) => !this.labelNames.includes(k));
    if (unknown.length > 0) throw new Error(`${this.name}: label tak dikenal ${unknown.join(', ')}`);
    return this.labelNames.map((n) => labels[n] ?? '');
  }

  protected abstract samples(): string[];

  render(): string {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, ...this.samples()].join('\n') + '\n';
  }
}

/** Deret per kombinasi label, diurutkan menurut labelnya. */
class Series<T> {
  private readonly map = new Map<string, { values: string[]; state: T }>();
  constructor(private readonly fresh: () => T) {}
  get(values: string[]): T {
    const key = JSON.stringify(values);
    let entry = this.map.get(key);
    if (!entry) this.map.set(key, (entry = { values, state: this.fresh() }));
    return entry.state;
  }
  sorted(): Array<{ values: string[]; state: T }> {
    return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  }
}

export class Counter extends Metric {
  readonly type = 'counter';
  private readonly series = new Series(() => ({ n: 0 }));
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new Error(`${this.name}: penghitung hanya bertambah`);
    this.series.get(this.valuesOf(labels)).n += by;
  }
  value(labels: Labels = {}): number {
    return this.series.get(this.valuesOf(labels)).n;
  }
  protected samples(): string[] {
    return this.series.sorted().map(({ values, state }) => `${this.name}${formatLabels(this.labelNames, values)} ${formatNumber(state.n)}`);
  }
}

/** Nilai yang dibaca saat diminta; `labels` tetap (misalnya metrik info bernilai 1). */
export class Gauge extends Metric {
  readonly type = 'gauge';
  constructor(
    name: string,
    help: string,
    private readonly read: () => number,
    private readonly labels: Labels = {},
  ) {
    super(name, help, Object.keys(labels));
  }
  protected samples(): string[] {
    return [`${this.name}${formatLabels(this.labelNames, this.valuesOf(this.labels))} ${formatNumber(this.read())}`];
  }
}

export const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Histogram extends Metric {
  readonly type = 'histogram';
  private readonly series: Series<{ counts: number[]; sum: number; count: number }>;
  constructor(name: string, help: string, labelNames: readonly string[], private readonly buckets: readonly number[] = DEFAULT_BUCKETS) {
    super(name, help, labelNames);
    this.series = new Series(() => ({ counts: buckets.map(() => 0), sum: 0, count: 0 }));
  }
  observe(labels: Labels, value: number): void {
    const s = this.series.get(this.valuesOf(labels));
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }
  protected samples(): string[] {
    const out: string[] = [];
    for (const { values, state } of this.series.sorted()) {
      this.buckets.forEach((b, i) => out.push(`${this.name}_bucket${formatLabels(this.labelNames, values, `le="${formatNumber(b)}"`)} ${state.counts[i]}`));
      out.push(`${this.name}_bucket${formatLabels(this.labelNames, values, 'le="+Inf"')} ${state.count}`);
      out.push(`${this.name}_sum${formatLabels(this.labelNames, values)} ${formatNumber(state.sum)}`);
      out.push(`${this.name}_count${formatLabels(this.labelNames, values)} ${state.count}`);
    }
    return out;
  }
}

export class Registry {
  private readonly metrics = new Map<string, Metric>();

  private add<M extends Metric>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`metrik ${metric.name} sudah terdaftar`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames));
  }

  gauge(name: string, help: string, read: () => number, labels: Labels = {}): Gauge {
    return this.add(new Gauge(name, help, read, labels));
  }

  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets?: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, labelNames, buckets));
  }

  render(): string {
    return [...this.metrics.values()].map((m) => m.render()).join('');
  }
}
