import { describe, expect, it } from 'vitest';
import { composeSms, fitOneSegment, fitsOneSegment, smsEncoding, smsSegments, smsUnits } from './sms.ts';

describe('SMS segments', () => {
  it('counts GSM-7 text in septets, extension characters as two', () => {
    expect(smsEncoding('Correction: fire count was 12')).toBe('GSM-7');
    expect(smsUnits('a{b}€')).toBe(8);
    expect(smsSegments('x'.repeat(160))).toBe(1);
    expect(smsSegments('x'.repeat(161))).toBe(2);
    expect(smsSegments('{'.repeat(80))).toBe(1);
    expect(smsSegments('{'.repeat(81))).toBe(2);
  });

  it('counts anything else as UCS-2: 70 in one segment, 67 per part after', () => {
    expect(smsEncoding('更正：火灾起数有误')).toBe('UCS-2');
    expect(smsSegments('更'.repeat(70))).toBe(1);
    expect(smsSegments('更'.repeat(71))).toBe(2);
    expect(smsSegments('更'.repeat(135))).toBe(3);
    // One non-GSM character turns the whole message into UCS-2.
    expect(smsSegments(`${'x'.repeat(100)}’`)).toBe(2);
    // Astral characters take two UTF-16 units.
    expect(smsUnits('𠀀')).toBe(2);
  });

  it('shortens the text, never the link, to fit one segment', () => {
    const link = 'https://corrections.example.org/c/abcdefghij';
    const chinese = fitOneSegment(
      '【更正】',
      '关于某区消防救援站火灾起数统计的更正说明，原报道数据有误，已核实并更正',
      ` ${link}`,
    );
    expect(fitsOneSegment(chinese)).toBe(true);
    expect(chinese.endsWith(link)).toBe(true);
    expect(chinese).toContain('…');
    const english = fitOneSegment(
      'Correction: ',
      'The number of fires reported for the district in October was wrong and has been corrected after review by the desk',
      ` ${link}`,
    );
    expect(fitsOneSegment(english)).toBe(true);
    expect(smsEncoding(english)).toBe('GSM-7');
    expect(english).toContain('...');
    expect(fitOneSegment('A: ', 'short', ' link')).toBe('A: short link');
  });

  it('composes the text and the link', () => {
    expect(composeSms('更正', 'http://x/c/1')).toBe('更正 http://x/c/1');
  });
});
