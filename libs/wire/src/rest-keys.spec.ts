import { describe, expect, it } from 'vitest';
import { canonicalize } from './rest-keys';

describe('canonicalize', () => {
  it('matches names in any case and reports unknown ones with their path', () => {
    const r = canonicalize(
      { amount: '1', card: { cvn: '1', Shade: 2 }, Colour: 'x' },
      { Amount: true, Card: { CVN: true } },
    );
    expect(r.value).toEqual({ Amount: '1', Card: { CVN: '1' } });
    expect(r.unknown.map((e) => e.field)).toEqual(['Card.Shade', 'Colour']);
  });

  it('never repeats a card number sent as a field name', () => {
    const r = canonicalize({ '4111111111111111': '1', Card: { x4111111111111111: 1 } }, { Card: {} });
    expect(JSON.stringify(r.unknown)).not.toContain('411111');
    expect(r.unknown).toHaveLength(2);
  });
});
