// The budget allows `percent` of the window's requests (at least `minimum`) and forgets requests as the window slides.
import t from 'tap';
import { SlidingBudget } from '../../src/forwarding/sliding-budget.js';

function budget(now: { ms: number }, percent = 20, minimum = 3): SlidingBudget {
  return new SlidingBudget({ percent, minimum, windowMs: 10_000, buckets: 10, now: () => now.ms });
}

t.test('a quiet window still allows the minimum', async (t) => {
  const clock = { ms: 0 };
  const b = budget(clock);
  b.recordRequest();
  t.ok(b.tryAcquire());
  t.ok(b.tryAcquire());
  t.ok(b.tryAcquire());
  t.notOk(b.tryAcquire());
});

t.test('a busy window allows 20 % of its requests and no more', async (t) => {
  const clock = { ms: 0 };
  const b = budget(clock);
  let granted = 0;
  for (let i = 0; i < 1000; i++) {
    b.recordRequest();
    if (b.tryAcquire()) granted++;
  }
  t.equal(granted, 200);
});

t.test('spending is forgotten once the window has slid past it', async (t) => {
  const clock = { ms: 0 };
  const b = budget(clock, 20, 1);
  b.recordRequest();
  t.ok(b.tryAcquire());
  t.notOk(b.tryAcquire());
  clock.ms = 5_000;
  t.notOk(b.tryAcquire(), 'still inside the window');
  clock.ms = 10_500;
  t.ok(b.tryAcquire(), 'the old bucket has left the window');
  clock.ms = 100_000;
  t.ok(b.tryAcquire(), 'a long idle gap resets everything');
});
