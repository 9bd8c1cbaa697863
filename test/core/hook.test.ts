import { hook, unwiredHooks } from '../../src/core/hook';

describe('hook', () => {
  it('refuses a call before it is wired, naming the hook', () => {
    const h = hook<[n: number], number>('test.unwired');
    expect(() => h.call(1)).toThrow('hook test.unwired is not wired');
    expect(h.wired).toBe(false);
    expect(unwiredHooks()).toContain('test.unwired');
  });

  it('calls its provider with the arguments and returns its result', () => {
    const h = hook<[a: number, b: number], number>('test.wired');
    h.provide((a, b) => a * 10 + b);
    expect(h.call(4, 2)).toBe(42);
    expect(h.wired).toBe(true);
    expect(unwiredHooks()).not.toContain('test.wired');
  });

  it('refuses a second provider', () => {
    const h = hook<[], number>('test.twice');
    h.provide(() => 1);
    expect(() => h.provide(() => 2)).toThrow('hook test.twice is already provided');
    expect(h.call()).toBe(1);
  });
});
