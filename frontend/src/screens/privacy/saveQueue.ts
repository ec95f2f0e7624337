// A debounced save queue: the newest value is saved once typing pauses (or
// at once on flush, e.g. when a field loses focus), one save at a time, and a
// value that arrives while a save runs is saved right after it. Values that
// were superseded before their turn are never sent. Free of Svelte and of
// real timers, so it is unit tested.

export type QueueState = 'idle' | 'waiting' | 'saving';

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class SaveQueue<T> {
  #save: (value: T) => Promise<void>;
  #delay: number;
  #timers: Timers;
  #onstate: (s: QueueState) => void;
  #timer: unknown = null;
  #pending: { value: T } | null = null;
  #running: Promise<void> | null = null;

  constructor(
    save: (value: T) => Promise<void>,
    opts: { delay?: number; timers?: Timers; onstate?: (s: QueueState) => void } = {},
  ) {
    this.#save = save;
    this.#delay = opts.delay ?? 700;
    this.#timers = opts.timers ?? realTimers;
    this.#onstate = opts.onstate ?? (() => {});
  }

  get state(): QueueState {
    if (this.#running) return 'saving';
    return this.#pending ? 'waiting' : 'idle';
  }

  /** True while a value waits or is being saved. */
  get busy(): boolean {
    return this.state !== 'idle';
  }

  /** Queues value, replacing any value still waiting, and restarts the pause. */
  schedule(value: T): void {
    this.#pending = { value };
    this.#stopTimer();
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      this.#kick();
    }, this.#delay);
    this.#emit();
  }

  /** Saves what waits now; resolves once nothing waits or runs. */
  async flush(): Promise<void> {
    this.#stopTimer();
    this.#kick();
    while (this.#running) await this.#running;
  }

  /** Forgets a value that waits (a save already running still finishes). */
  cancel(): void {
    this.#stopTimer();
    this.#pending = null;
    this.#emit();
  }

  #stopTimer(): void {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }

  #kick(): void {
    if (this.#running || !this.#pending) return;
    const { value } = this.#pending;
    this.#pending = null;
    this.#running = this.#save(value)
      .catch(() => {
        // the save function reports its own failures
      })
      .finally(() => {
        this.#running = null;
        // A value that came in meanwhile and whose pause is over goes next.
        if (this.#pending && this.#timer === null) this.#kick();
        this.#emit();
      });
    this.#emit();
  }

  #emit(): void {
    this.#onstate(this.state);
  }
}
