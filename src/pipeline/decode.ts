/**
 * Decoding a seed file's bytes into the source text that every later stage works on.
 *
 * The text returned by {@link decodeSource} is *the* source text of the library: every
 * `Span` in the parse tree (see `Span` in ../model.ts) indexes into it. Offsets are
 * JavaScript string indices (UTF-16 code units) of the **normalised** text, i.e. after
 *   - a leading byte-order mark has been removed, and
 *   - line endings have been normalised: CRLF → LF and lone CR → LF.
 * Nothing else is changed (no Unicode normalisation, no width folding, no trimming), so
 * the decoded text still contains every printed character of the seed.
 *
 * Accepted encodings: UTF-8 (with or without BOM); UTF-16 (little- or big-endian) that
 * starts with its byte-order mark, as Windows Notepad saves "Unicode"; and, as a fallback for
 * files saved by Chinese Windows tools, GB18030 (which includes GBK and GB2312). UTF-16
 * without a BOM is not guessed at. Anything else is an error that names the file and the
 * first byte that is not valid UTF-8.
 *
 * All decoding is the WHATWG Encoding Standard's (`TextDecoder`); its GB18030 is that of
 * GB18030-2022 (the 18 codes that moved out of the Private Use Area in 2022, such as A6D9 →
 * U+FE10, decode to the standard characters) and rejects four-byte codes outside the
 * assigned ranges.
 */

/**
 * An error about a place in a source file. Its message reads `<file>:<line>: <message>`
 * (or `<file>: <message>` when no line is known), the form editors and terminals link.
 * Other pipeline stages use it too for file:line errors.
 */
export class SourceError extends Error {
  /** The file as given by the caller (e.g. "seeds/004_c5ab4ba5001bdcd8.txt"). */
  readonly file: string;
  /** 1-based line number, when the error has one. */
  readonly line?: number;
  /** 0-based byte offset into the file as stored (before any decoding), when relevant. */
  readonly byteOffset?: number;
  /** The message without the `<file>:<line>: ` prefix. */
  readonly detail: string;

  constructor(file: string, detail: string, options: { line?: number; byteOffset?: number; cause?: unknown } = {}) {
    const where = options.line === undefined ? file : `${file}:${options.line}`;
    super(`${where}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SourceError';
    this.file = file;
    this.detail = detail;
    if (options.line !== undefined) this.line = options.line;
    if (options.byteOffset !== undefined) this.byteOffset = options.byteOffset;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

/**
 * Decode a seed file. `file` is only used in error messages.
 *
 * - An empty source (no bytes, or nothing but whitespace) throws `<file>: source is empty`.
 * - A UTF-16 byte-order mark (FF FE or FE FF) makes the file UTF-16 of that byte order; an
 *   odd number of bytes or an unpaired surrogate throws `<file>: not valid UTF-16LE at
 *   byte <n>` (resp. UTF-16BE).
 * - Valid UTF-8 (after an optional BOM) is decoded as UTF-8.
 * - Otherwise the bytes are tried as GB18030; that decoding is accepted only if it has no
 *   replacement characters (U+FFFD), no control characters other than tab/LF/CR/FF, and
 *   looks like Chinese text (see {@link looksChinese}) — and only if the bytes before the
 *   first invalid UTF-8 sequence do not already hold several well-formed multi-byte UTF-8
 *   characters (then the file is damaged UTF-8, and reading it as GB18030 would produce
 *   mojibake).
 * - Otherwise it throws `<file>: not valid UTF-8 at byte <n> (and not GB18030 either)`,
 *   where `<n>` is the 0-based offset of the first invalid UTF-8 sequence in the file as
 *   stored (a BOM, if present, counts).
 *
 * The result has its BOM removed and its line endings normalised to LF; all offsets used
 * downstream refer to this normalised text.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new SourceError(file, 'source is empty');

  const utf16 = utf16ByteOrder(bytes);
  if (utf16) return finish(decodeUtf16(bytes, utf16, file), file);

  const bomLength = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
  const body = bytes.subarray(bomLength);

  let text: string;
  const invalidAt = firstInvalidUtf8(body);
  if (invalidAt < 0) {
    // The scanner and the WHATWG decoder agree on validity; `fatal` makes sure of it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } else {
    // A file whose first several non-ASCII characters are well-formed UTF-8 is a UTF-8 file
    // with damage, not GB18030 (GB18030 Chinese text fails as UTF-8 within a character or
    // two), so it is not re-read as GB18030, which could silently turn it into mojibake.
    const gb = utf8CharsBefore(body, invalidAt) >= UTF8_EVIDENCE ? null : decodeGb18030(body);
    if (gb === null) {
      throw new SourceError(file, `not valid UTF-8 at byte ${bomLength + invalidAt} (and not GB18030 either)`, { byteOffset: bomLength + invalidAt });
    }
    text = gb;
  }

  return finish(text, file);
}

/** Drop a leading BOM, normalise line endings and refuse a text with nothing but whitespace. */
function finish(decoded: string, file: string): string {
  const text = normaliseLineEndings(decoded.replace(/^\uFEFF/, ''));
  if (/^\s*$/u.test(text)) throw new SourceError(file, 'source is empty');
  return text;
}

/** The byte order a UTF-16 byte-order mark at the start of `bytes` announces, or null. */
export function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === UTF16LE_BOM[0] && bytes[1] === UTF16LE_BOM[1]) return 'utf-16le';
  if (bytes[0] === UTF16BE_BOM[0] && bytes[1] === UTF16BE_BOM[1]) return 'utf-16be';
  return null;
}

/**
 * Decode UTF-16 of the given byte order (BOM included in `bytes`, dropped from the result).
 * Throws naming the byte offset of a cut-off last code unit or of an unpaired surrogate.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  const fail = (at: number) => new SourceError(file, `not valid ${name} at byte ${at}`, { byteOffset: at });
  if (bytes.length % 2 !== 0) throw fail(bytes.length - 1);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  // The decoder replaces an unpaired surrogate with U+FFFD; a U+FFFD in the file itself is kept.
  for (let i = 0, at = 0; i < text.length; i++, at += 2) {
    const code = text.charCodeAt(i);
    if (code !== 0xfffd) continue;
    const high = encoding === 'utf-16le' ? bytes[at + 1]! : bytes[at]!;
    const low = encoding === 'utf-16le' ? bytes[at]! : bytes[at + 1]!;
    if (((high << 8) | low) !== 0xfffd) throw fail(at);
  }
  return text;
}

/** CRLF → LF, then any remaining lone CR → LF. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * The 0-based offset of the first byte that starts an ill-formed UTF-8 sequence, or -1 if
 * all of `bytes` is well-formed UTF-8 (Unicode 15 §3.9, Table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence at the end).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      if (b0 === 0xe0) lo = 0xa0; // no overlong 3-byte forms
      if (b0 === 0xed) hi = 0x9f; // no surrogates
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      if (b0 === 0xf0) lo = 0x90; // no overlong 4-byte forms
      if (b0 === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i; // 0x80–0xC1 (continuation or overlong lead) and 0xF5–0xFF
    if (i + need >= n) return i; // truncated at the end of the input
    const b1 = bytes[i + 1]!;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const b = bytes[i + k]!;
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * How many well-formed multi-byte UTF-8 characters before the first invalid one make a file
 * UTF-8 for sure. GB18030 Chinese text rarely forms even one valid multi-byte UTF-8 sequence
 * (most GB lead bytes, 0xB0–0xC1 and 0xF5–0xF7, cannot start one): re-encoding the five
 * seeds as GB18030 and reading them as UTF-8 from every third character on, the valid prefix
 * never held more than one multi-byte character (20,391 windows).
 */
const UTF8_EVIDENCE = 3;

/** The number of multi-byte (non-ASCII) UTF-8 sequences in `bytes[0, end)`, assumed well-formed. */
function utf8CharsBefore(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i]! >= 0xc0) count++;
  return count;
}

/**
 * Decode as GB18030, or return null if the result is not plausible Chinese text: it must
 * contain no U+FFFD (the decoder's substitute for undecodable bytes), no C0 control
 * characters other than tab, LF, CR and FF, and must look Chinese. A leading GB18030
 * byte-order mark (84 31 95 33, U+FEFF) is removed by {@link finish}.
 */
function decodeGb18030(bytes: Uint8Array): string | null {
  const text = new TextDecoder('gb18030').decode(bytes);
  if (text.includes('\uFFFD')) return null;
  // Control characters other than tab, line feed and carriage return: binary, not a text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/u.test(text)) return null;
  return looksChinese(text) ? text : null;
}

/**
 * Whether a text looks like Chinese: at least one CJK ideograph, and CJK ideographs make
 * up at least half of its letters (`\p{L}`). Latin-1 or other single-byte text that
 * happens to form valid GB18030 byte pairs decodes into a few stray ideographs amid Latin
 * letters and fails this test; real Chinese policy text is far above the threshold.
 */
export function looksChinese(text: string): boolean {
  let letters = 0;
  let cjk = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Han}/u.test(ch)) cjk++;
  }
  return cjk > 0 && cjk * 2 >= letters;
}
