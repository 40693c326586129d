import { describe, expect, it } from 'vitest';
import { excerpt, printedNumber } from '../../../src/site/display';

describe('printedNumber', () => {
  it('shows the marker as printed, without surrounding spaces', () => {
    expect(printedNumber({ number: '14', marker: '14. ' })).toBe('14.');
    expect(printedNumber({ number: '一是', marker: '一是' })).toBe('一是');
  });

  it('falls back to the number where no marker is given', () => {
    expect(printedNumber({ number: '（三）' })).toBe('（三）');
  });

  it('is null for an unnumbered clause', () => {
    expect(printedNumber({ number: null })).toBeNull();
  });
});

describe('excerpt', () => {
  it('keeps short first paragraphs whole', () => {
    expect(excerpt('为贯彻落实。\n第二段', 28)).toBe('为贯彻落实。');
  });

  it('cuts long text at a character count and marks the cut', () => {
    expect(excerpt('一二三四五六七八九十', 4)).toBe('一二三四……');
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    expect(excerpt('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁……');
  });
});
