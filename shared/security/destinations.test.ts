import { describe, expect, it } from 'vitest';
import { isPublicAddress, urlProblem } from './destinations.ts';

const deployed = { allowLocalReceivers: false };
const local = { allowLocalReceivers: true };

describe('webhook destinations (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.100.100.200',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::5',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    'ff02::1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('deployed, takes https to a public name or address only', () => {
    expect(urlProblem('https://cms.example.org/hooks/desk', deployed)).toBeUndefined();
    expect(urlProblem('https://93.184.215.14/hook', deployed)).toBeUndefined();
    for (const url of [
      'http://cms.example.org/hook',
      'https://127.0.0.1/hook',
      'http://127.0.0.1:8080/hook',
      'http://localhost:8080/hook',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://0x7f000001/hook',
      'https://2130706433/hook',
      'https://[::ffff:169.254.169.254]/hook',
      'https://metadata/hook',
      'https://user:secret@cms.example.org/hook',
      'file:///etc/passwd',
      '/relative',
    ]) {
      expect(urlProblem(url, deployed), url).toBeDefined();
    }
  });

  it('locally, also takes http(s) to 127.0.0.1 and localhost (and nothing else private)', () => {
    expect(urlProblem('http://127.0.0.1:4567/hook', local)).toBeUndefined();
    expect(urlProblem('http://localhost:4567/hook', local)).toBeUndefined();
    expect(urlProblem('http://10.0.0.1/hook', local)).toBeDefined();
    expect(urlProblem('http://cms.example.org/hook', local)).toBeDefined();
  });
});
