/** X12 interchange parsing with the strict envelope rules of soap.md (EDI pass-through). */

export interface Delimiters {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

export interface Segment {
  id: string;
  elements: string[];
  /** 1-based position of the segment in its transaction set (ST = 1); 0 outside one. */
  position: number;
}

/** Not X12 at all: answered with a SOAP fault. */
export class NotX12 extends Error {}

/** A syntax error inside a recognisable interchange: answered with a 999 naming where. */
export class X12SyntaxError extends Error {
  constructor(
    message: string,
    readonly segmentId: string,
    readonly segmentPosition: number,
    readonly elementPosition: number | null,
    /** IK3/IK4 error code (X12 005010X231A1). */
    readonly code: string,
    readonly badValue?: string,
  ) {
    super(message);
  }
}

export interface Interchange {
  delimiters: Delimiters;
  isa: string[];
  gs: string[];
  st: string[];
  /** The transaction set's segments between ST and SE. */
  body: Segment[];
  raw: { isa13: string; gs06: string; st02: string };
}

const ISA_LENGTH = 106;

/** The ISA fixes every separator; its fixed width is checked before anything else. */
export function delimitersOf(text: string): Delimiters {
  const start = text.trimStart();
  if (!start.startsWith('ISA')) throw new NotX12('The input is not an X12 interchange (no ISA segment)');
  if (start.length < ISA_LENGTH) throw new NotX12('The ISA segment is shorter than its fixed 106 characters');
  const element = start[3];
  const isa = start.slice(0, ISA_LENGTH);
  const parts = isa.slice(0, ISA_LENGTH - 1).split(element);
  if (parts.length !== 17 || parts[16].length !== 1)
    throw new NotX12('The ISA segment is not 106 characters with 16 elements (fixed width)');
  return { element, repetition: parts[11], component: parts[16], segment: isa[ISA_LENGTH - 1] };
}

function count(value: string, segmentId: string, position: number, element: number): number {
  if (!/^\d+$/.test(value))
    throw new X12SyntaxError(
      `${segmentId}${String(element).padStart(2, '0')} must be a number`,
      segmentId,
      position,
      element,
      '6',
      value,
    );
  return Number(value);
}

/** One interchange, one functional group, one 270 transaction set, all counts and numbers checked. */
export function parseInterchange(text: string, expectedSet: string): Interchange {
  const d = delimitersOf(text);
  const segments = text
    .trimStart()
    .split(d.segment)
    .map((s) => s.replace(/^[\r\n]+/, ''))
    .filter((s) => s.trim() !== '')
    .map((s) => s.split(d.element));
  const ids = segments.map((s) => s[0]);
  const need = (id: string, at: number) => {
    if (ids[at] !== id)
      throw new X12SyntaxError(
        `Expected ${id} at segment ${at + 1}, found ${ids[at] ?? 'nothing'}`,
        id,
        at + 1,
        null,
        '3',
      );
  };
  need('ISA', 0);
  need('GS', 1);
  need('ST', 2);
  const seIndex = ids.indexOf('SE');
  if (seIndex < 0) throw new X12SyntaxError('The transaction set has no SE segment', 'SE', 0, null, '3');
  need('GE', seIndex + 1);
  need('IEA', seIndex + 2);
  if (segments.length !== seIndex + 3)
    throw new X12SyntaxError(
      'Only one functional group with one transaction set is accepted',
      ids[seIndex + 3],
      seIndex + 4,
      null,
      '2',
    );
  const [isa, gs, st, se, ge, iea] = [
    segments[0],
    segments[1],
    segments[2],
    segments[seIndex],
    segments[seIndex + 1],
    segments[seIndex + 2],
  ];
  const stPos = (i: number) => i - 1; // ST is position 1
  if (st[1] !== expectedSet)
    throw new X12SyntaxError(`ST01 must be ${expectedSet}, found ${st[1]}`, 'ST', 1, 1, '7', st[1]);
  if (iea[2] !== isa[13])
    throw new X12SyntaxError(`IEA02 (${iea[2]}) does not match ISA13 (${isa[13]})`, 'IEA', 0, 2, '7', iea[2]);
  if (count(iea[1], 'IEA', 0, 1) !== 1)
    throw new X12SyntaxError('IEA01 must count the 1 functional group', 'IEA', 0, 1, '7', iea[1]);
  if (ge[2] !== gs[6])
    throw new X12SyntaxError(`GE02 (${ge[2]}) does not match GS06 (${gs[6]})`, 'GE', 0, 2, '7', ge[2]);
  if (count(ge[1], 'GE', 0, 1) !== 1)
    throw new X12SyntaxError('GE01 must count the 1 transaction set', 'GE', 0, 1, '7', ge[1]);
  if (se[2] !== st[2])
    throw new X12SyntaxError(
      `SE02 (${se[2]}) does not match ST02 (${st[2]})`,
      'SE',
      stPos(seIndex),
      2,
      '7',
      se[2],
    );
  const included = seIndex - 2 + 1;
  if (count(se[1], 'SE', stPos(seIndex), 1) !== included)
    throw new X12SyntaxError(
      `SE01 says ${se[1]} segments, the transaction set has ${included}`,
      'SE',
      stPos(seIndex),
      1,
      '7',
      se[1],
    );
  const body = segments.slice(3, seIndex).map((s, i) => ({ id: s[0], elements: s, position: i + 2 }));
  return { delimiters: d, isa, gs, st, body, raw: { isa13: isa[13], gs06: gs[6], st02: st[2] } };
}
