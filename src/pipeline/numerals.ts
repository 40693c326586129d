/** Chinese numerals as used in citations (第十四条, 第二十三条, 第一百零五条). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/**
 * Write a whole number from 0 to 99 999 999 in Chinese numerals, the way numbers of
 * articles are written: 10 → 十, 14 → 十四, 23 → 二十三, 105 → 一百零五, 110 → 一百一十.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) {
    throw new RangeError(`toChineseNumeral: unsupported number ${n}`);
  }
  if (n === 0) return DIGITS[0];
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    if (low === 0) return `${toChineseNumeral(high)}万`;
    return `${toChineseNumeral(high)}万${low < 1000 ? '零' : ''}${below10k(low, true)}`;
  }
  return below10k(n, false);
}

/** 1..9999; `inner` keeps 一十 (一万零一十) where the number is not at the start. */
function below10k(n: number, inner: boolean): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i];
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += DIGITS[0];
    pendingZero = false;
    // 10–19 at the start are 十, 十一…, not 一十, 一十一.
    if (d === 1 && unit === '十' && out === '' && !inner) out += unit;
    else out += DIGITS[d] + unit;
  });
  return out;
}

const VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Read a Chinese numeral below 10 000 (一, 十四, 二十三, 一百零五); null if it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in VALUES) {
      digit = VALUES[ch];
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (digit || 1) * unit;
    digit = 0;
  }
  return total + digit;
}
