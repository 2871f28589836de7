import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHostedPageReturn } from './hosted-page';
import { parseSwipe, SwipeCollector } from './swipe';

const card = fc.record({
  pan: fc.stringMatching(/^4\d{12,18}$/),
  yy: fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  mm: fc.integer({ min: 1, max: 12 }).map((n) => String(n).padStart(2, '0')),
  last: fc.stringMatching(/^[A-Z]{1,10}$/),
  first: fc.stringMatching(/^[A-Z]{1,10}$/),
});
const track1 = (c: { pan: string; yy: string; mm: string; last: string; first: string }) =>
  `%B${c.pan}^${c.last}/${c.first}^${c.yy}${c.mm}1010000000000000?`;
const track2 = (c: { pan: string; yy: string; mm: string }) => `;${c.pan}=${c.yy}${c.mm}1010000000000?`;

describe('parseSwipe', () => {
  it('reads track 1, track 2 and both, as a reader types them', () => {
    fc.assert(
      fc.property(card, fc.constantFrom('1', '2', '12'), (c, tracks) => {
        const text = `${tracks.includes('1') ? track1(c) : ''}${tracks.includes('2') ? track2(c) : ''}\r\n`;
        const swipe = parseSwipe(text);
        expect(swipe).toMatchObject({
          trackData: text.trim(),
          lastFour: c.pan.slice(-4),
          expirationMonth: Number(c.mm),
          expirationYear: 2000 + Number(c.yy),
        });
        expect(swipe.holderName).toBe(tracks.includes('1') ? `${c.first} ${c.last}` : undefined);
      }),
    );
  });

  it('refuses a bad swipe without echoing any of it', () => {
    for (const bad of ['', 'hello', '%B4111111111111111^DOE/PAT^3013?', ';4111111111111111=3012', '%E?;E?']) {
      let message = '';
      try {
        parseSwipe(bad);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, bad).toMatch(/swipe again/);
      expect(message).not.toContain('4111');
    }
  });
});

describe('SwipeCollector', () => {
  const type = (collector: SwipeCollector, text: string, gapMs: number, start = 1_000) => {
    let answer: string | undefined;
    [...text, 'Enter'].forEach((key, i) => {
      answer = collector.push(key, start + i * gapMs) ?? answer;
    });
    return answer;
  };

  it('answers a reader’s burst ending with Enter, and nothing for a person typing', () => {
    fc.assert(
      fc.property(
        card,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 51, max: 400 }),
        (c, fast, slow) => {
          const text = track1(c) + track2(c);
          expect(type(new SwipeCollector(), text, fast)).toBe(text);
          expect(type(new SwipeCollector(), text, slow)).toBeUndefined();
        },
      ),
    );
  });

  it('ignores keys that do not start a swipe, and modifier keys', () => {
    const collector = new SwipeCollector();
    expect(type(collector, 'abc', 5)).toBeUndefined();
    expect(collector.push('Shift', 10_000)).toBeUndefined();
    expect(type(collector, ';4111111111111111=30121010000000000?', 5, 10_001)).toBe(
      ';4111111111111111=30121010000000000?',
    );
  });
});

describe('parseHostedPageReturn', () => {
  it('reads the return URL’s query', () => {
    expect(
      parseHostedPageReturn(
        'https://pms.example/paid?token=t1&transactionID=0CA7&respCode=000&respMessage=APPROVED&relayState=visit-7',
      ),
    ).toEqual({
      token: 't1',
      transactionId: '0CA7',
      responseCode: '000',
      responseMessage: 'APPROVED',
      relayState: 'visit-7',
      approved: true,
    });
    expect(parseHostedPageReturn('https://pms.example/paid?respCode=005').approved).toBe(false);
  });
});
