/** A valid 005010X279A1 270 interchange (for tests and the Developers page samples). */
export function sample270(o: { payerId?: string; memberId?: string; control?: string } = {}): string {
  const control = o.control ?? '000000905';
  const isa = `ISA*00*          *00*          *ZZ*CLINICSUBMIT   *ZZ*CONDUITHC      *261124*0930*^*00501*${control}*0*T*:`;
  const body = [
    'ST*270*1234*005010X279A1',
    'BHT*0022*13*10001234*20261124*0930',
    'HL*1**20*1',
    `NM1*PR*2*SANDBOX PAYER*****PI*${o.payerId ?? 'SBX001'}`,
    'HL*2*1*21*1',
    'NM1*1P*2*LAKESIDE CLINIC*****XX*1234567893',
    'HL*3*2*22*0',
    `NM1*IL*1*DOE*PAT****MI*${o.memberId ?? 'M123456789'}`,
    'DMG*D8*19800402',
    'DTP*291*D8*20261124',
    'EQ*30',
  ];
  return (
    [
      isa,
      'GS*HS*CLINICSUBMIT*CONDUITHC*20261124*0930*1*X*005010X279A1',
      ...body,
      `SE*${body.length + 1}*1234`,
      'GE*1*1',
      `IEA*1*${control}`,
    ].join('~') + '~'
  );
}
