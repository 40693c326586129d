import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SourceError, decodeSource, firstInvalidUtf8, looksChinese, normaliseLineEndings, utf16ByteOrder } from '../../../src/pipeline/decode';

const fixtures = join(process.cwd(), 'tests/fixtures/decode');
const seeds = join(process.cwd(), 'seeds');

const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function inputOf(name: string): { file: string; bytes: Uint8Array } {
  const input = ['input.txt', 'input.bin'].find((f) => existsSync(join(fixtures, name, f)));
  if (!input) throw new Error(`fixture ${name} has no input.txt or input.bin`);
  return { file: `${name}/${input}`, bytes: new Uint8Array(readFileSync(join(fixtures, name, input))) };
}

describe('decodeSource on the fixture folders', () => {
  it('finds the expected fixture cases', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['utf-8', 'utf-8-bom', 'crlf', 'gb18030', 'invalid-byte', 'empty', 'utf-16le', 'utf-16le-bom', 'utf-16be-bom']),
    );
  });

  for (const name of cases) {
    const expectedFile = join(fixtures, name, 'expected.txt');
    if (existsSync(expectedFile)) {
      it(`decodes the ${name} fixture to the expected text`, () => {
        const { file, bytes } = inputOf(name);
        expect(decodeSource(bytes, file)).toBe(readFileSync(expectedFile, 'utf8'));
      });
    } else {
      it(`rejects the ${name} fixture with the expected message`, () => {
        const { file, bytes } = inputOf(name);
        const message = readFileSync(join(fixtures, name, 'expected-error.txt'), 'utf8').trim();
        expect(() => decodeSource(bytes, file)).toThrow(message);
        try {
          decodeSource(bytes, file);
        } catch (err) {
          expect(err).toBeInstanceOf(SourceError);
          expect((err as Error).message).toBe(message);
          expect((err as SourceError).file).toBe(file);
        }
      });
    }
  }
});

describe('decodeSource', () => {
  it('decodes every seed as UTF-8 without changing a character', () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const raw = readFileSync(join(seeds, f));
      expect(decodeSource(new Uint8Array(raw), `seeds/${f}`)).toBe(raw.toString('utf8'));
    }
  });

  it('decodes every seed saved as GB18030 or GBK back to the same text', () => {
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(seeds, f), 'utf8');
      for (const encoding of ['gb18030', 'gbk']) {
        const bytes = new Uint8Array(iconv.encode(text, encoding));
        expect(decodeSource(bytes, `seeds/${f}`), `${f} as ${encoding}`).toBe(text);
      }
    }
  });

  it('decodes the codes GB18030-2022 moved out of the Private Use Area to the standard characters', () => {
    // GB18030-2022: A6D9 is U+FE10 (vertical comma) and FE59 is U+9FB4, no longer U+E78D and U+E81E.
    const bytes = new Uint8Array([...iconv.encode('职工之家', 'gb18030'), 0xa6, 0xd9, 0xfe, 0x59]);
    expect(decodeSource(bytes, 'x.txt')).toBe('职工之家\ufe10\u9fb4');
  });

  it('rejects a four-byte GB18030 code between the BMP range and the supplementary range', () => {
    // Four-byte codes map the BMP up to 84 31 A4 39 (U+FFFF); U+10000 starts at 90 30 81 30.
    const bytes = new Uint8Array([...iconv.encode('职工之家', 'gb18030'), 0x84, 0x31, 0xa5, 0x30]);
    expect(() => decodeSource(bytes, 'x.txt')).toThrow('x.txt: not valid UTF-8 at byte 2 (and not GB18030 either)');
    const supplementary = new Uint8Array([...iconv.encode('职工之家', 'gb18030'), 0x90, 0x30, 0x81, 0x30]);
    expect(decodeSource(supplementary, 'x.txt')).toBe('职工之家\u{10000}');
  });

  it('drops a GB18030 byte-order mark', () => {
    const bytes = new Uint8Array([0x84, 0x31, 0x95, 0x33, ...iconv.encode('职工之家', 'gb18030')]);
    expect(decodeSource(bytes, 'x.txt')).toBe('职工之家');
  });

  it('decodes every seed saved as UTF-16 with a byte-order mark, either byte order and CRLF, back to the same text', () => {
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(seeds, f), 'utf8');
      const le = Buffer.from(`\ufeff${text.replace(/\n/g, '\r\n')}`, 'utf16le');
      expect(decodeSource(new Uint8Array(le), `seeds/${f}`), `${f} as UTF-16LE`).toBe(text);
      const be = Buffer.from(le).swap16();
      expect(decodeSource(new Uint8Array(be), `seeds/${f}`), `${f} as UTF-16BE`).toBe(text);
    }
  });

  it('keeps a U+FFFD that the UTF-16 file itself holds', () => {
    const bytes = Buffer.from('\ufeff工会\ufffd驿站', 'utf16le');
    expect(decodeSource(new Uint8Array(bytes), 'x.txt')).toBe('工会\ufffd驿站');
  });

  it('tells the byte orders of UTF-16 apart by the byte-order mark only', () => {
    expect(utf16ByteOrder(new Uint8Array([0xff, 0xfe, 0x01, 0x02]))).toBe('utf-16le');
    expect(utf16ByteOrder(new Uint8Array([0xfe, 0xff, 0x01, 0x02]))).toBe('utf-16be');
    expect(utf16ByteOrder(new Uint8Array(Buffer.from('工会', 'utf16le')))).toBeNull();
    expect(utf16ByteOrder(new Uint8Array([0xff]))).toBeNull();
  });

  it('reports the byte offset of the damage on the error object', () => {
    const bytes = new Uint8Array([...Buffer.from('工会驿站'), 0xc0, 0x80]);
    try {
      decodeSource(bytes, 'seeds/x.txt');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SourceError);
      expect((err as SourceError).byteOffset).toBe(12);
      expect((err as Error).message).toBe('seeds/x.txt: not valid UTF-8 at byte 12 (and not GB18030 either)');
    }
  });

  it('counts a byte-order mark in the reported byte offset', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('abc'), 0xff]);
    expect(() => decodeSource(bytes, 'x.txt')).toThrow('x.txt: not valid UTF-8 at byte 6 (and not GB18030 either)');
  });

  it('does not reread damaged UTF-8 Chinese text as GB18030 mojibake', () => {
    // Pure ideographs with no ASCII happen to form valid GB18030 byte pairs.
    const good = Buffer.from('职工之家工会驿站司机之家困难职工');
    const bytes = new Uint8Array([...good, 0xe5]);
    expect(() => decodeSource(bytes, 'x.txt')).toThrow(`x.txt: not valid UTF-8 at byte ${good.length}`);
  });

  it('keeps a byte-order mark that is not at the start', () => {
    expect(decodeSource(new Uint8Array(Buffer.from('工会\ufeff驿站')), 'x.txt')).toBe('工会\ufeff驿站');
  });

  it('treats a byte-order mark alone as an empty source', () => {
    expect(() => decodeSource(new Uint8Array([0xef, 0xbb, 0xbf]), 'x.txt')).toThrow('x.txt: source is empty');
  });

  it('normalises CRLF and lone CR but leaves other characters alone', () => {
    expect(normaliseLineEndings('a\r\nb\rc\n\r\nd\u2028e')).toBe('a\nb\nc\n\nd\u2028e');
    expect(decodeSource(new Uint8Array(Buffer.from('一\r\r\n二\n\r三')), 'x.txt')).toBe('一\n\n二\n\n三');
  });
});

describe('firstInvalidUtf8', () => {
  const at = (...bytes: number[]) => firstInvalidUtf8(new Uint8Array(bytes));

  it('accepts well-formed UTF-8 of every length', () => {
    expect(at()).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array(Buffer.from('a¢€𠮷工会\u{10FFFF}')))).toBe(-1);
  });

  it('rejects stray continuation bytes and invalid lead bytes', () => {
    expect(at(0x41, 0x80)).toBe(1);
    expect(at(0x41, 0xc1, 0x81)).toBe(1);
    expect(at(0xf5, 0x80, 0x80, 0x80)).toBe(0);
    expect(at(0x41, 0x42, 0xff)).toBe(2);
  });

  it('rejects overlong forms, surrogates and code points above U+10FFFF', () => {
    expect(at(0xc0, 0x80)).toBe(0);
    expect(at(0xe0, 0x9f, 0xbf)).toBe(0);
    expect(at(0xf0, 0x8f, 0xbf, 0xbf)).toBe(0);
    expect(at(0x61, 0xed, 0xa0, 0x80)).toBe(1);
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0);
  });

  it('rejects a sequence that is broken off or cut short', () => {
    expect(at(0xe5, 0xae)).toBe(0);
    expect(at(0x61, 0xe5, 0xae, 0x41)).toBe(1);
    expect(at(0x61, 0xf0, 0x9f, 0x98)).toBe(1);
  });

  it('agrees with the WHATWG decoder on validity', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(1 + (n % 7));
      for (let i = 0; i < bytes.length; i++) bytes[i] = n % 3 === 0 ? random() | 0x80 : random();
      let valid = true;
      try {
        decoder.decode(bytes);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(bytes) === -1, `bytes ${Buffer.from(bytes).toString('hex')}`).toBe(valid);
    }
  });
});

describe('looksChinese', () => {
  it('accepts Chinese text with numbers and Latin abbreviations', () => {
    expect(looksChinese('推出28个VR工会展馆,加快上线和优化OA等工作系统。')).toBe(true);
  });

  it('rejects Latin text with a stray ideograph', () => {
    expect(looksChinese('Caf閟 et cr鑓hes')).toBe(false);
    expect(looksChinese('12345 ,.;')).toBe(false);
  });
});

describe('SourceError', () => {
  it('formats file and line like a compiler message', () => {
    const err = new SourceError('seeds/004.txt', 'duplicate number 14', { line: 42 });
    expect(err.message).toBe('seeds/004.txt:42: duplicate number 14');
    expect(err.name).toBe('SourceError');
    expect(err.line).toBe(42);
    expect(err.detail).toBe('duplicate number 14');
    expect(err).toBeInstanceOf(Error);
  });

  it('leaves the line out when there is none', () => {
    const err = new SourceError('seeds/004.txt', 'source is empty');
    expect(err.message).toBe('seeds/004.txt: source is empty');
    expect(err.line).toBeUndefined();
    expect(err.byteOffset).toBeUndefined();
  });
});
