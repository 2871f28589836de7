import { describe, expect, it } from 'vitest';
import { delimitersOf, NotX12 } from './envelope';
import { eligibilityInquiry } from './eligibility';
import { sample270 } from './fixtures';

const segs = (x12: string) =>
  x12
    .split('~')
    .filter(Boolean)
    .map((s) => s.split('*'));
const seg = (x12: string, id: string) => segs(x12).find((s) => s[0] === id);

describe('EDI eligibility (soap.md, sandbox payer)', () => {
  it('answers a valid 270 with an active 271 that echoes the control numbers and counts its segments', () => {
    const out = eligibilityInquiry(sample270());
    expect(out.startsWith('ISA*')).toBe(true);
    expect(out.split('~')[0]).toHaveLength(105);
    expect(seg(out, 'ST')).toEqual(['ST', '271', '1234', '005010X279A1']);
    expect(seg(out, 'BHT')?.[3]).toBe('10001234');
    expect(seg(out, 'ISA')?.[13]).toBe('000000905');
    expect(seg(out, 'IEA')).toEqual(['IEA', '1', '000000905']);
    expect(seg(out, 'GE')).toEqual(['GE', '1', '1']);
    expect(seg(out, 'ISA')?.[6].trim()).toBe('CONDUITHC');
    const all = segs(out);
    const st = all.findIndex((s) => s[0] === 'ST');
    const se = all.findIndex((s) => s[0] === 'SE');
    expect(Number(all[se][1])).toBe(se - st + 1);
    expect(all.filter((s) => s[0] === 'EB').map((s) => s[1])).toEqual(['1', 'B', 'C']);
  });

  it('reports inactive coverage for member IDs starting with X, and rejects unknown payers with AAA', () => {
    expect(seg(eligibilityInquiry(sample270({ memberId: 'X999' })), 'EB')?.slice(0, 4)).toEqual([
      'EB',
      '6',
      '',
      '30',
    ]);
    const unknown = eligibilityInquiry(sample270({ payerId: 'NOPE' }));
    expect(seg(unknown, 'AAA')).toEqual(['AAA', 'N', '', '79', 'C']);
    expect(seg(unknown, 'EB')).toBeUndefined();
  });

  it('answers a 999 naming the segment and element of a broken envelope', () => {
    const wrongCount = sample270().replace(/SE\*\d+\*1234/, 'SE*99*1234');
    const r = eligibilityInquiry(wrongCount);
    expect(seg(r, 'ST')?.[1]).toBe('999');
    expect(seg(r, 'IK3')?.[1]).toBe('SE');
    expect(seg(r, 'IK4')?.slice(0, 2)).toEqual(['IK4', '1']);
    expect(seg(r, 'IK5')).toEqual(['IK5', 'R', '5']);
    const mismatch = eligibilityInquiry(sample270().replace('IEA*1*000000905', 'IEA*1*000000906'));
    expect(seg(mismatch, 'IK3')?.[1]).toBe('IEA');
    expect(seg(mismatch, 'IK4')?.[1]).toBe('2');
    const missingSe = eligibilityInquiry(sample270().replace(/SE\*\d+\*1234~/, ''));
    expect(seg(missingSe, 'IK3')?.[1]).toBe('SE');
  });

  it('takes separators from the ISA, and refuses what is not X12', () => {
    const alt = sample270().replace(/\*/g, '|').replace(/~/g, '\n');
    expect(delimitersOf(alt)).toMatchObject({ element: '|', segment: '\n', component: ':' });
    expect(seg(eligibilityInquiry(alt).replace(/\|/g, '*').replace(/\n/g, '~'), 'ST')?.[1]).toBe('271');
    expect(() => eligibilityInquiry('hello world')).toThrow(NotX12);
    expect(() => eligibilityInquiry('ISA*00*short~')).toThrow(NotX12);
  });
});
