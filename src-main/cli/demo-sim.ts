// The discrete-event loop of the demo seeder: intakes arrive in time order, each case's
// story waits on a time-ordered queue, and the context's clock jumps from event to event, so
// the audit log and the outbox read as if the branch had really worked those weeks.
import type { BusinessCalendar } from './demo-calendar';
import type { Wait } from './demo-lifecycle';
import type { Rng } from './prng';

type Story = Generator<Wait, void, void>;

interface Entry {
  at: number;
  seq: number;
  story: Story;
}

/** A binary min-heap on (at, seq): equal times keep their scheduling order. */
class EventQueue {
  private readonly items: Entry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Entry | undefined {
    return this.items[0];
  }

  push(e: Entry): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i] as Entry, a[p] as Entry)) break;
      [a[i], a[p]] = [a[p] as Entry, a[i] as Entry];
      i = p;
    }
  }

  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l] as Entry, a[m] as Entry)) m = l;
        if (r < a.length && less(a[r] as Entry, a[m] as Entry)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Entry, a[i] as Entry];
        i = m;
      }
    }
    return top;
  }
}

const less = (x: Entry, y: Entry) => x.at < y.at || (x.at === y.at && x.seq < y.seq);

/**
 * n intake instants between `from` and `end`, ascending, inside business hours, with
 * busier weekends and afternoons. Drawn up front so that numbering follows receipt order.
 */
export function intakeTimes(rng: Rng, cal: BusinessCalendar, from: number, end: number, n: number): Float64Array {
  const first = cal.dayIndex(from);
  const last = cal.dayIndex(end);
  const cumulative: number[] = [];
  let total = 0;
  for (let d = first; d <= last; d++) {
    const { open, close } = cal.hoursOf(d);
    const usable = Math.max(0, Math.min(close, end) - Math.max(open, from)) / (close - open);
    total += usable * (cal.isWeekend(d) ? 1.5 : 1);
    cumulative.push(total);
  }
  const out = new Float64Array(n);
  if (total === 0) throw new Error('the simulated period has no business hours');
  for (let i = 0; i < n; i++) {
    let t = -1;
    while (t < from || t > end) {
      const r = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > r) hi = mid;
        else lo = mid + 1;
      }
      const { open, close } = cal.hoursOf(first + lo);
      // Triangular: most complaints come in the middle of the day.
      t = open + ((rng.next() + rng.next()) / 2) * (close - open);
    }
    out[i] = Math.floor(t);
  }
  return out.sort();
}

export interface SimulationOptions {
  clock: { t: number };
  rng: Rng;
  calendar: BusinessCalendar;
  /** Nothing happens after this instant: stories that would go on simply stop there. */
  end: number;
  /** Runs `n` events in one database transaction (fast: one commit per batch). */
  inBatch: (work: () => void) => void;
  batchEvents: number;
  onIntake?: (count: number) => void;
}

export class Simulation {
  private readonly queue = new EventQueue();
  private seq = 0;
  events = 0;

  constructor(private readonly o: SimulationOptions) {}

  /** Runs a story until its next wait and queues it; a wait past the end drops it. */
  advance(story: Story): void {
    const r = story.next();
    this.events++;
    if (r.done) return;
    const raw = this.o.clock.t + r.value * 60_000;
    if (raw > this.o.end) return;
    const at = Math.max(this.o.calendar.align(raw, this.o.rng), this.o.clock.t);
    if (at > this.o.end) return;
    this.queue.push({ at, seq: this.seq++, story });
  }

  /** Receives case i at times[i] by starting its story; then drains the queue. */
  run(times: Float64Array, start: (i: number) => Story): void {
    let next = 0;
    const step = () => {
      const top = this.queue.peek();
      if (next < times.length && (!top || (times[next] as number) <= top.at)) {
        this.o.clock.t = times[next] as number;
        this.advance(start(next));
        next++;
        this.o.onIntake?.(next);
      } else {
        const e = this.queue.pop() as Entry;
        this.o.clock.t = e.at;
        this.advance(e.story);
      }
    };
    while (next < times.length || this.queue.size > 0) {
      this.o.inBatch(() => {
        for (let n = 0; n < this.o.batchEvents && (next < times.length || this.queue.size > 0); n++) step();
      });
    }
  }

  /** Lets a running story start a side story at the current time (used by `spawn`). */
  spawn(story: Story): void {
    this.advance(story);
  }
}
