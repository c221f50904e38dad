import type { Clock } from "./clock.ts";

interface Event {
  at: number;
  seq: number;
  run: () => void;
}

/**
 * A time-ordered queue of simulator events. Nothing runs on a timer: `runDue` plays every event up to the
 * clock's now in order, so a request sees exactly the state the deployment would have at that moment, and a
 * test that advances the clock gets the same result every time.
 */
export class Scheduler {
  private heap: Event[] = [];
  private seq = 0;
  /** While an event runs, "now" is that event's time, so what it schedules and stamps keeps the timeline exact. */
  private running: number | null = null;

  constructor(
    private clock: Clock,
    private speed: number,
  ) {}

  now(): number {
    return this.running ?? this.clock.now();
  }

  /** Seeding replays history on a clock of its own, then hands time back to the real one. */
  useClock(clock: Clock): void {
    this.clock = clock;
  }

  /** Schedules after a simulated duration; SIM_SPEED shortens or stretches every duration alike. */
  after(ms: number, run: () => void): void {
    this.at(this.now() + this.span(ms), run);
  }

  /** Schedules at a moment on the clock. */
  at(time: number, run: () => void): void {
    this.push({ at: Math.max(time, this.now()), seq: this.seq++, run });
  }

  /** How long a simulated duration lasts on the clock. */
  span(ms: number): number {
    return ms / this.speed;
  }

  /**
   * Resolves once `ms` of simulated time have passed. A request plays what came due; on a real clock a
   * timer does too, so a handler waiting here answers on time with no request behind it.
   */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.after(ms, resolve);
      setTimeout(() => this.runDue(), this.span(ms) + 5).unref();
    });
  }

  get pending(): number {
    return this.heap.length;
  }

  runDue(): void {
    const limit = this.clock.now();
    for (let next = this.heap[0]; next !== undefined && next.at <= limit; next = this.heap[0]) {
      this.pop();
      this.running = next.at;
      try {
        next.run();
      } finally {
        this.running = null;
      }
    }
  }

  private less(a: Event, b: Event): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(event: Event): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Event;
      if (!this.less(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let at = -1;
      const l = heap[left];
      const r = heap[right];
      if (l !== undefined && this.less(l, smallest)) {
        smallest = l;
        at = left;
      }
      if (r !== undefined && this.less(r, smallest)) {
        smallest = r;
        at = right;
      }
      if (at === -1) break;
      heap[i] = smallest;
      i = at;
    }
    heap[i] = last;
  }
}
