import { type Interchange, parseInterchange, type Segment, X12SyntaxError } from './envelope';

/** The sandbox payer's IDs (NM1*PR … PI): any other payer gets an AAA rejection. */
export const SANDBOX_PAYERS: Record<string, string> = {
  SBX001: 'CONDUIT SANDBOX HEALTH PLAN',
  '87726': 'SANDBOX UNITED',
};

function stamp(now: Date) {
  const iso = now.toISOString();
  return {
    ymd: iso.slice(0, 10).replace(/-/g, ''),
    yymmdd: iso.slice(2, 10).replace(/-/g, ''),
    hhmm: iso.slice(11, 16).replace(':', ''),
  };
}

function find(body: Segment[], id: string, qualifier: string): Segment | undefined {
  return body.find((s) => s.id === id && s.elements[1] === qualifier);
}

/** Writes segments with the request's own separators; the ISA keeps its fixed width. */
function write(x: Interchange, segments: string[][]): string {
  const d = x.delimiters;
  return segments.map((s) => s.join(d.element)).join(d.segment) + d.segment;
}

/** Envelope of an answer: sender and receiver swapped, control numbers echoing the request. */
function envelope(x: Interchange, now: Date, functionalId: string, set: string[][]): string[][] {
  const t = stamp(now);
  const isa = [...x.isa];
  [isa[5], isa[6], isa[7], isa[8]] = [x.isa[7], x.isa[8], x.isa[5], x.isa[6]];
  isa[9] = t.yymmdd;
  isa[10] = t.hhmm;
  const gs = [...x.gs];
  [gs[2], gs[3]] = [x.gs[3], x.gs[2]];
  gs[1] = functionalId;
  gs[4] = t.ymd;
  gs[5] = t.hhmm;
  return [isa, gs, ...set, ['GE', '1', x.raw.gs06], ['IEA', '1', x.raw.isa13]];
}

function transactionSet(x: Interchange, id: string, version: string, content: string[][]): string[][] {
  const st = ['ST', id, x.raw.st02, version];
  return [st, ...content, ['SE', String(content.length + 2), x.raw.st02]];
}

/** The sandbox payer's 271 for a valid 270 (soap.md "EDI pass-through"). */
export function answer270(x: Interchange, now = new Date()): string {
  const bht = x.body.find((s) => s.id === 'BHT');
  if (!bht) throw new X12SyntaxError('BHT is required', 'BHT', 2, null, '3');
  const payer = find(x.body, 'NM1', 'PR');
  if (!payer) throw new X12SyntaxError('The information source (NM1*PR) is required', 'NM1', 0, null, '3');
  const subscriber = find(x.body, 'NM1', 'IL');
  if (!subscriber) throw new X12SyntaxError('The subscriber (NM1*IL) is required', 'NM1', 0, null, '3');
  const provider = find(x.body, 'NM1', '1P') ?? ['NM1', '1P', '2', 'PROVIDER'];
  const payerId = payer.elements[9] ?? '';
  const memberId = subscriber.elements[9] ?? '';
  if (!memberId)
    throw new X12SyntaxError(
      'NM109 (member ID) is required for the subscriber',
      'NM1',
      subscriber.position,
      9,
      '1',
    );
  const t = stamp(now);
  const head = [
    ['BHT', '0022', '11', bht.elements[3] ?? '', t.ymd, t.hhmm],
    ['HL', '1', '', '20', '1'],
  ];
  const payerName = SANDBOX_PAYERS[payerId];
  if (!payerName) {
    const content = [
      ...head,
      ['NM1', 'PR', '2', payer.elements[3] ?? '', '', '', '', '', 'PI', payerId],
      ['AAA', 'N', '', '79', 'C'],
    ];
    return write(x, envelope(x, now, 'HB', transactionSet(x, '271', x.st[3] ?? '005010X279A1', content)));
  }
  const coverage = memberId.toUpperCase().startsWith('X')
    ? [['EB', '6', '', '30']]
    : [
        ['EB', '1', 'IND', '30', '', 'SANDBOX PPO'],
        ['EB', 'B', 'IND', '30', '', '', '27', '25'],
        ['EB', 'C', 'IND', '30', '', '', '23', '1500'],
      ];
  const content = [
    ...head,
    ['NM1', 'PR', '2', payerName, '', '', '', '', 'PI', payerId],
    ['HL', '2', '1', '21', '1'],
    Array.isArray(provider) ? provider : provider.elements,
    ['HL', '3', '2', '22', '0'],
    subscriber.elements,
    ...coverage,
  ];
  return write(x, envelope(x, now, 'HB', transactionSet(x, '271', x.st[3] ?? '005010X279A1', content)));
}

/** A 999 rejecting the transaction set, naming the segment and element at fault. */
export function reject999(x: Interchange, e: X12SyntaxError, now = new Date()): string {
  const content: string[][] = [
    ['AK1', 'HS', x.raw.gs06, x.gs[8] ?? '005010X279A1'],
    ['AK2', x.st[1] ?? '270', x.raw.st02],
    ['IK3', e.segmentId, String(e.segmentPosition), '', e.code],
    ...(e.elementPosition ? [['IK4', String(e.elementPosition), '', e.code, e.badValue ?? '']] : []),
    ['IK5', 'R', '5'],
    ['AK9', 'R', '1', '1', '0'],
  ];
  return write(x, envelope(x, now, 'FA', transactionSet(x, '999', '005010X231A1', content)));
}

/** DoEligibilityInquiryEDI: a 271, or a 999 for a broken interchange (NotX12 is thrown for faults). */
export function eligibilityInquiry(text: string, now = new Date()): string {
  let x: Interchange | null = null;
  try {
    x = parseInterchange(text, '270');
    return answer270(x, now);
  } catch (err) {
    if (!(err instanceof X12SyntaxError)) throw err;
    // A broken envelope still has an ISA (delimitersOf passed): answer 999 with what it names.
    const partial = x ?? salvage(text);
    return reject999(partial, err, now);
  }
}

/** The envelope fields a 999 needs, read leniently from an interchange that failed validation. */
function salvage(text: string): Interchange {
  const parts = text.trimStart();
  const element = parts[3];
  const segment = parts[105];
  const segs = parts.split(segment).map((s) => s.replace(/^[\r\n]+/, '').split(element));
  const get = (id: string) => segs.find((s) => s[0] === id) ?? [id];
  const isa = get('ISA');
  const gs = get('GS');
  const st = get('ST');
  return {
    delimiters: { element, segment, component: parts[104], repetition: isa[11] ?? '^' },
    isa,
    gs,
    st,
    body: [],
    raw: { isa13: isa[13] ?? '000000000', gs06: gs[6] ?? '1', st02: st[2] ?? '0001' },
  };
}
