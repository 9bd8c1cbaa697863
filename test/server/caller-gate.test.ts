import { CallerGate } from '../../src/server/caller-gate';

describe('CallerGate', () => {
  it('lets `max` requests of a caller run, queues the rest in arrival order, and leaves other callers alone', async () => {
    const gate = new CallerGate(2, 10_000);
    const order: string[] = [];
    const a1 = await gate.enter('a');
    const a2 = await gate.enter('a');
    const a3 = gate.enter('a').then((leave) => (order.push('a3'), leave));
    const a4 = gate.enter('a').then((leave) => (order.push('a4'), leave));
    const b1 = await gate.enter('b');
    expect(gate.running('a')).toBe(2);
    expect(gate.running('b')).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    a1();
    a1(); // giving a slot back twice frees one slot only
    (await a3)();
    expect(order).toEqual(['a3']);
    a2();
    (await a4)();
    expect(order).toEqual(['a3', 'a4']);
    expect(gate.running('a')).toBe(0);
    b1();
    expect(gate.running('b')).toBe(0);
  });

  it('refuses a request that waited too long as RATE_LIMITED, and keeps the queue behind it moving', async () => {
    const gate = new CallerGate(1, 50);
    const first = await gate.enter('flood');
    const started = Date.now();
    await expect(gate.enter('flood')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const next = gate.enter('flood');
    first();
    (await next)();
    expect(gate.running('flood')).toBe(0);
  });
});
