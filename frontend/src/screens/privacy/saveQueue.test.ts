import { describe, expect, it } from 'vitest';
import { SaveQueue, type QueueState, type Timers } from './saveQueue';

/** Timers that only fire when the test says so. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  const timers: Timers = {
    set: (fn) => {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clear: (h) => {
      pending.delete(h as number);
    },
  };
  return {
    timers,
    get count() {
      return pending.size;
    },
    fire() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

/** A save function whose calls resolve (or fail) when the test says so. */
function controlledSave() {
  const calls: { value: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ value, resolve, reject });
    });
  return { calls, save };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('SaveQueue', () => {
  it('saves only the newest value once typing pauses', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('a');
    q.schedule('ab');
    q.schedule('abc');
    expect(t.count).toBe(1);
    expect(q.state).toBe('waiting');
    expect(s.calls).toHaveLength(0);
    t.fire();
    expect(s.calls.map((c) => c.value)).toEqual(['abc']);
    expect(q.state).toBe('saving');
    s.calls[0]!.resolve();
    await settle();
    expect(q.state).toBe('idle');
  });

  it('runs one save at a time and sends what came in meanwhile right after', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('one');
    t.fire();
    q.schedule('two');
    q.schedule('three');
    t.fire(); // the pause is over while "one" is still saving
    expect(s.calls.map((c) => c.value)).toEqual(['one']);
    s.calls[0]!.resolve();
    await settle();
    expect(s.calls.map((c) => c.value)).toEqual(['one', 'three']);
    s.calls[1]!.resolve();
    await settle();
    expect(q.state).toBe('idle');
  });

  it('waits for the pause of a value that came in during a save', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('one');
    t.fire();
    q.schedule('two'); // still within its pause when "one" finishes
    s.calls[0]!.resolve();
    await settle();
    expect(s.calls).toHaveLength(1);
    expect(q.state).toBe('waiting');
    t.fire();
    expect(s.calls.map((c) => c.value)).toEqual(['one', 'two']);
  });

  it('flush saves at once and resolves when everything is saved', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('typed');
    let done = false;
    const flushed = q.flush().then(() => (done = true));
    expect(t.count).toBe(0);
    expect(s.calls.map((c) => c.value)).toEqual(['typed']);
    await settle();
    expect(done).toBe(false);
    s.calls[0]!.resolve();
    await flushed;
    expect(done).toBe(true);
  });

  it('flush during a save also saves the value that waits', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('one');
    t.fire();
    q.schedule('two');
    const flushed = q.flush();
    s.calls[0]!.resolve();
    await settle();
    expect(s.calls.map((c) => c.value)).toEqual(['one', 'two']);
    s.calls[1]!.resolve();
    await flushed;
    expect(q.state).toBe('idle');
  });

  it('flush with nothing to save resolves at once', async () => {
    const q = new SaveQueue(async () => {}, { timers: manualTimers().timers });
    await expect(q.flush()).resolves.toBeUndefined();
  });

  it('keeps going after a failed save', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('bad');
    t.fire();
    s.calls[0]!.reject(new Error('refused'));
    await settle();
    expect(q.state).toBe('idle');
    q.schedule('good');
    t.fire();
    expect(s.calls.map((c) => c.value)).toEqual(['bad', 'good']);
  });

  it('cancel forgets the waiting value', () => {
    const t = manualTimers();
    const s = controlledSave();
    const q = new SaveQueue(s.save, { timers: t.timers });
    q.schedule('x');
    q.cancel();
    t.fire();
    expect(s.calls).toHaveLength(0);
    expect(q.state).toBe('idle');
  });

  it('reports its state changes', async () => {
    const t = manualTimers();
    const s = controlledSave();
    const states: QueueState[] = [];
    const q = new SaveQueue(s.save, { timers: t.timers, onstate: (st) => states.push(st) });
    q.schedule('x');
    t.fire();
    s.calls[0]!.resolve();
    await settle();
    expect(states).toEqual(['waiting', 'saving', 'idle']);
  });

  it('uses real timers by default', async () => {
    const saved: string[] = [];
    const q = new SaveQueue(async (v: string) => void saved.push(v), { delay: 5 });
    q.schedule('later');
    await new Promise((r) => setTimeout(r, 20));
    expect(saved).toEqual(['later']);
  });
});
