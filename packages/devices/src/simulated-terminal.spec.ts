import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from './cards';
import type { CardRequest, StatusEvent } from './device';
import { decodeTlv, findTag } from './emv/tlv';
import { SimulatedTerminal } from './simulated-terminal';

const sale: CardRequest = {
  action: 'Sale',
  amount: '25.00',
  amountCents: 2500,
  entryModes: ['emv', 'nfc', 'swipe', 'key'],
};

async function read(terminal: SimulatedTerminal, request: CardRequest = sale, signal?: AbortSignal) {
  const statuses: StatusEvent[] = [];
  const result = await terminal.readCard(request, { signal, onStatus: (s) => statuses.push(s) });
  return { result, statuses, types: statuses.map((s) => s.type) };
}

describe('SimulatedTerminal', () => {
  it('reports what it is', async () => {
    expect(await new SimulatedTerminal({ holdMs: 0 }).connect()).toEqual({
      model: 'Conduit Sim T1',
      serialNumber: 'SIM-0001',
      firmware: '1.0.0',
      capabilities: ['chip', 'contactless', 'swipe', 'keyed', 'pin'],
    });
  });

  it('insert: waiting, reading, processing, then remove card and complete with a TC', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visa', presentation: 'insert' });
    const { result, statuses } = await read(terminal);
    expect(statuses).toEqual([
      { type: 'WaitingForCard', text: 'Sale $25.00: Insert, tap or swipe card' },
      { type: 'ReadingCard', text: 'Reading card… do not remove' },
      { type: 'Processing', text: 'Processing… please wait' },
    ]);
    expect(result).toMatchObject({ kind: 'card', pinVerified: false, card: { entryMode: 'emv' } });
    if (result.kind !== 'card') throw new Error(result.kind);
    const tlv = decodeTlv(result.card.emvData!);
    expect(findTag(tlv, '9F02')).toBe('000000002500');
    expect(findTag(tlv, '9F34')).toBe('1E0300');
    const after: StatusEvent[] = [];
    const done = await terminal.complete(
      { outcome: 'approved', issuerResponse: '8A023030910A0102030405060708090A' },
      { onStatus: (s) => after.push(s) },
    );
    expect(done).toEqual({ cryptogramType: 'TC' });
    expect(after.map((s) => s.type)).toEqual(['RemoveCard', 'Complete']);
  });

  it('counts transactions per card in the ATC', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visa' });
    const atc = async () => {
      const { result } = await read(terminal);
      return result.kind === 'card' ? findTag(decodeTlv(result.card.emvData!), '9F36') : undefined;
    };
    expect([await atc(), await atc()]).toEqual(['0001', '0002']);
  });

  it('tap: contactless data, no PIN, nothing to remove', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visaDebitPin', presentation: 'tap' });
    const { result, types } = await read(terminal);
    expect(types).toEqual(['WaitingForCard', 'ReadingCard', 'Processing']);
    expect(result).toMatchObject({ kind: 'card', card: { entryMode: 'nfc' } });
    const after: StatusEvent[] = [];
    await terminal.complete({ outcome: 'declined' }, { onStatus: (s) => after.push(s) });
    expect(after).toEqual([{ type: 'Complete', text: 'Declined' }]);
  });

  it('asks a PIN-preferring card for its PIN, and records it in 9F34', async () => {
    const terminal = new SimulatedTerminal({
      holdMs: 0,
      card: TEST_CARDS.mastercardDebitPin.pan,
      pin: ['0000', '1234'],
    });
    const { result, statuses, types } = await read(terminal);
    expect(types).toEqual([
      'WaitingForCard',
      'ReadingCard',
      'EnterPin',
      'EnterPin',
      'EnterPin',
      'Processing',
    ]);
    expect(statuses.filter((s) => s.type === 'EnterPin').map((s) => s.text)).toEqual([
      'Enter PIN',
      'Incorrect PIN: 2 tries left',
      'PIN OK',
    ]);
    expect(JSON.stringify(statuses)).not.toMatch(/0000|1234/);
    expect(result).toMatchObject({ kind: 'card', pinVerified: true });
    if (result.kind === 'card') expect(findTag(decodeTlv(result.card.emvData!), '9F34')).toBe('440302');
  });

  it('ends with "PIN tries exceeded" after three wrong PINs', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visaDebitPin', pin: '9999' });
    const { result } = await read(terminal);
    expect(result).toEqual({ kind: 'error', code: 'pin_tries_exceeded', message: 'PIN tries exceeded' });
  });

  it('chip read failure: asks for a swipe and sends track data with fallback', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visa', failChipRead: true });
    const { result, statuses } = await read(terminal);
    expect(statuses.map((s) => s.text)).toContain('Chip read failed: please swipe card');
    expect(result).toMatchObject({ kind: 'card', card: { entryMode: 'swipe', fallback: true } });
    if (result.kind === 'card')
      expect(result.card.trackData).toMatch(/^%B4111111111111111\^DOE\/PAT\^\d{4}201/);
  });

  it('a chip card swiped is told to use the chip; the customer then inserts it', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visa', presentation: 'swipe' });
    const { result, statuses } = await read(terminal);
    expect(statuses[1]).toEqual({ type: 'WaitingForCard', text: 'Chip card: please insert the chip' });
    expect(result).toMatchObject({ kind: 'card', card: { entryMode: 'emv' } });
  });

  it('keys the card number when told to', async () => {
    const terminal = new SimulatedTerminal({
      holdMs: 0,
      card: 'amex',
      presentation: 'key',
      expiration: '06/31',
    });
    const { result } = await read(terminal);
    expect(result).toEqual({
      kind: 'card',
      pinVerified: false,
      card: { entryMode: 'key', cardNumber: '340000000000009', expiration: '06/31', cvn: '123' },
    });
  });

  it('waits for the next scripted customer, in order', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0 });
    const pending = read(terminal);
    await new Promise((r) => setTimeout(r, 20));
    terminal
      .nextCustomer({ presentation: 'tap', card: 'mastercard' })
      .nextCustomer({ presentation: 'insert', card: 'amex' });
    expect((await pending).result).toMatchObject({ kind: 'card', card: { entryMode: 'nfc' } });
    const second = (await read(terminal)).result;
    if (second.kind !== 'card') throw new Error(second.kind);
    expect(findTag(decodeTlv(second.card.emvData!), '5A')).toBe('340000000000009F');
  });

  it('refuses a presentation the request does not allow and waits for another', async () => {
    const terminal = new SimulatedTerminal({
      holdMs: 0,
      customers: [{ presentation: 'tap' }, { presentation: 'insert' }],
    });
    const { result, statuses } = await read(terminal, { ...sale, entryModes: ['emv'] });
    expect(statuses[1]).toEqual({ type: 'WaitingForCard', text: 'Card not accepted that way: Insert card' });
    expect(result).toMatchObject({ kind: 'card', card: { entryMode: 'emv' } });
  });

  it('times out when nobody presents a card', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, customers: [{ presentation: 'none' }] });
    const started = Date.now();
    const { result, types } = await read(terminal, { ...sale, timeoutMs: 60 });
    expect(result).toEqual({ kind: 'cancelled', reason: 'timeout' });
    expect(types).toEqual(['WaitingForCard']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('honours the customer’s cancel, cancel() and an AbortSignal', async () => {
    const byCustomer = new SimulatedTerminal({ holdMs: 0, customers: [{ presentation: 'cancel' }] });
    expect((await read(byCustomer)).result).toEqual({ kind: 'cancelled', reason: 'customer' });

    const waiting = new SimulatedTerminal({ holdMs: 0 });
    const pending = read(waiting);
    setTimeout(() => waiting.cancel(), 10);
    expect((await pending).result).toEqual({ kind: 'cancelled', reason: 'operator' });

    const controller = new AbortController();
    const reading = new SimulatedTerminal({ holdMs: 200, card: 'visa' });
    const inProgress = read(reading, sale, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const { result, types } = await inProgress;
    expect(result).toEqual({ kind: 'cancelled', reason: 'operator' });
    expect(types).not.toContain('Processing');
  });

  it('an issuer decline (8A other than 00) makes the card answer an AAC', async () => {
    const terminal = new SimulatedTerminal({ holdMs: 0, card: 'visa' });
    await read(terminal);
    expect(await terminal.complete({ outcome: 'declined', issuerResponse: '8A023035' })).toEqual({
      cryptogramType: 'AAC',
    });
  });
});
