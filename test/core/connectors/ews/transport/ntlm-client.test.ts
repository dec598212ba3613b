// The NTLM client messages: the primitives against the NTLMv2 test vectors of MS-NLMP 4.2.4, and whole
// AUTHENTICATE messages read back by the simulator's independent server side (NTLMv2 proof, MIC, AV pairs).
// gss-ntlmssp judges the same messages in kerberos-ntlm-front.test.ts.
import { describe, expect, it } from 'vitest';
import { hmacMd5, ntowfV2, rc4 } from '../../../../../src/core/connectors/ews/transport/ntlm/ntlm-crypto.js';
import { NtlmClient, splitAccount } from '../../../../../src/core/connectors/ews/transport/ntlm/ntlm-client.js';
import { AV, encodeAvPairs, NTLM_FLAG, parseAvPairs } from '../../../../../src/core/connectors/ews/transport/ntlm/ntlm-messages.js';
import { createChallenge, micValid, parseType3, responseAvPairs, verifyNtlmV2 } from '../../../../../src/sim/auth/ntlm.js';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const SERVER = { netbiosDomain: 'CONTOSO', netbiosComputer: 'EXCH01', dnsDomain: 'contoso.com', dnsComputer: 'exch01.contoso.com' };

describe('NTLMv2 primitives (MS-NLMP 4.2.4 test vectors)', () => {
  const responseKey = ntowfV2('Password', 'User', 'Domain');
  // temp = 0x0101, reserved, Time 0, ClientChallenge aa…, reserved, AV pairs of the vector's CHALLENGE, reserved.
  const temp = Buffer.concat([
    hex('0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000'),
    encodeAvPairs([
      { id: AV.NB_DOMAIN, value: Buffer.from('Domain', 'utf16le') },
      { id: AV.NB_COMPUTER, value: Buffer.from('Server', 'utf16le') },
    ]),
    hex('00000000'),
  ]);
  const proof = hmacMd5(responseKey, hex('0123456789abcdef'), temp);

  it('NTOWFv2', () => expect(responseKey.toString('hex')).toBe('0c868a403bfd7a93a3001ef22ef02e3f'));
  it('NTProofStr', () => expect(proof.toString('hex')).toBe('68cd0ab851e51c96aabc927bebef6a1c'));
  it('SessionBaseKey', () => expect(hmacMd5(responseKey, proof).toString('hex')).toBe('8de40ccadbc14a82f15cb0ad0de95ca3'));
  it('EncryptedRandomSessionKey (RC4 of the random session key 0x55…)', () =>
    expect(rc4(hmacMd5(responseKey, proof), Buffer.alloc(16, 0x55)).toString('hex')).toBe('c5dad2544fc9799094ce1ce90bc9d03e'));
  it('RC4 (RFC 6229, 40-bit key 0102030405, first keystream bytes)', () =>
    expect(rc4(hex('0102030405'), Buffer.alloc(8)).toString('hex')).toBe('b2396305f03dc027'));
});

describe('NtlmClient', () => {
  const account = { username: 'CONTOSO\\svc-calpump', password: 'Passw0rd!' };

  function exchange(opts: { password?: string; binding?: Buffer; targetName?: string; withTimestamp?: boolean } = {}) {
    const client = new NtlmClient(account);
    const type1 = client.negotiateMessage();
    let { message: type2, state } = createChallenge(type1, SERVER);
    if (opts.withTimestamp === false) {
      // A server that sends no MsvAvTimestamp: rebuild the target info without it.
      const infoLen = type2.readUInt16LE(40);
      const infoOff = type2.readUInt32LE(44);
      const pairs = parseAvPairs(type2.subarray(infoOff, infoOff + infoLen)).filter((p) => p.id !== AV.TIMESTAMP);
      const info = encodeAvPairs(pairs);
      type2 = Buffer.concat([type2.subarray(0, infoOff), info]);
      type2.writeUInt16LE(info.length, 40);
      type2.writeUInt16LE(info.length, 42);
      state = { ...state, type2 };
    }
    const type3 = client.authenticateMessage(type2, { channelBindings: opts.binding, targetName: opts.targetName });
    return { type1, type2, type3, state };
  }

  it('sends the 40-byte NEGOTIATE with a version, as Windows does', () => {
    const m = new NtlmClient(account).negotiateMessage();
    expect(m).toHaveLength(40);
    expect(m.subarray(0, 8).toString('latin1')).toBe('NTLMSSP\0');
    const flags = m.readUInt32LE(12);
    for (const f of [NTLM_FLAG.VERSION, NTLM_FLAG.EXTENDED_SESSIONSECURITY, NTLM_FLAG.UNICODE, NTLM_FLAG.KEY_EXCH, NTLM_FLAG.N128])
      expect(flags & f).toBe(f);
    expect(m.readUInt8(32)).toBe(10); // Windows 10 / Server 2019
    expect(m.readUInt8(39)).toBe(15); // NTLM revision 15
  });

  it('answers with an NTLMv2 AUTHENTICATE the server side verifies, MIC included', () => {
    const binding = Buffer.alloc(16, 0xab);
    const { type1, type2, type3, state } = exchange({ binding, targetName: 'HTTP/mail.contoso.com' });
    const fields = parseType3(type3, state.flags);
    expect(fields).toMatchObject({ user: 'svc-calpump', domain: 'CONTOSO', workstation: 'CALPUMP', micOffset: 72 });
    expect(fields.lmResponse).toEqual(Buffer.alloc(24)); // with a server timestamp: Z(24)
    const sessionKey = verifyNtlmV2(fields, 'Passw0rd!', state.challenge);
    expect(sessionKey).toBeDefined();
    expect(micValid({ type1, type2, type3 }, fields, sessionKey!)).toBe(true);
    const pairs = responseAvPairs(fields.ntResponse);
    expect(pairs.get(AV.CHANNEL_BINDINGS)).toEqual(binding);
    expect(pairs.get(AV.TARGET_NAME)?.toString('utf16le')).toBe('HTTP/mail.contoso.com');
    expect(pairs.get(AV.FLAGS)!.readUInt32LE(0) & 0x2).toBe(0x2);
    // The server's own pairs travel back unchanged.
    expect(pairs.get(AV.DNS_COMPUTER)?.toString('utf16le')).toBe('exch01.contoso.com');
  });

  it('a changed byte anywhere in the three messages breaks the MIC', () => {
    const { type1, type2, type3, state } = exchange({ targetName: 'HTTP/mail.contoso.com' });
    const fields = parseType3(type3, state.flags);
    const key = verifyNtlmV2(fields, 'Passw0rd!', state.challenge)!;
    const t1 = Buffer.from(type1);
    t1[12] ^= 0x10; // a NEGOTIATE flag
    expect(micValid({ type1: t1, type2, type3 }, fields, key)).toBe(false);
  });

  it('without a channel binding sends 16 zero bytes ("no binding"), as a client over plain HTTP', () => {
    const { type3, state } = exchange();
    expect(responseAvPairs(parseType3(type3, state.flags).ntResponse).get(AV.CHANNEL_BINDINGS)).toEqual(Buffer.alloc(16));
  });

  it('a wrong password fails the NTLMv2 proof', () => {
    const client = new NtlmClient({ ...account, password: 'wrong' });
    const type1 = client.negotiateMessage();
    const { message, state } = createChallenge(type1, SERVER);
    const fields = parseType3(client.authenticateMessage(message), state.flags);
    expect(verifyNtlmV2(fields, 'Passw0rd!', state.challenge)).toBeUndefined();
  });

  it('sends no MIC when the server sends no timestamp, and a real LMv2 response instead', () => {
    const { type3, state } = exchange({ withTimestamp: false });
    const fields = parseType3(type3, state.flags);
    expect(fields.lmResponse.equals(Buffer.alloc(24))).toBe(false);
    expect((responseAvPairs(fields.ntResponse).get(AV.FLAGS)?.readUInt32LE(0) ?? 0) & 0x2).toBe(0);
    expect(type3.subarray(72, 88)).toEqual(Buffer.alloc(16));
  });

  it('refuses to answer a challenge before NEGOTIATE, or a message that is no CHALLENGE', () => {
    expect(() => new NtlmClient(account).authenticateMessage(Buffer.alloc(48))).toThrow(/NEGOTIATE/);
    const c = new NtlmClient(account);
    c.negotiateMessage();
    expect(() => c.authenticateMessage(Buffer.from('NTLMSSP\0\x01\0\0\0', 'latin1'))).toThrow(/CHALLENGE/);
  });

  it('splits DOMAIN\\user and keeps a UPN whole (sent with an empty domain)', () => {
    expect(splitAccount('contoso\\svc')).toEqual({ domain: 'CONTOSO', user: 'svc' });
    expect(splitAccount('svc@contoso.com')).toEqual({ domain: '', user: 'svc@contoso.com' });
  });
});
