import { describe, expect, it } from 'vitest';
import { formatDate, furnitureLabel, furnitureNeedsLabel, relLabel } from '../../../src/site/labels';

describe('furnitureLabel', () => {
  it('names known furniture roles in Chinese', () => {
    expect(furnitureLabel('received')).toBe('收稿日期');
    expect(furnitureLabel('authorNote')).toBe('作者简介');
    expect(furnitureLabel('editor')).toBe('责任编辑');
  });

  it('falls back to the role code for an unknown role', () => {
    expect(furnitureLabel('somethingNew')).toBe('somethingNew');
  });
});

describe('furnitureNeedsLabel', () => {
  it('is false where the printed text already opens with the label', () => {
    expect(furnitureNeedsLabel('received', '收稿日期: 2017-01-11')).toBe(false);
    expect(furnitureNeedsLabel('abstract', '[摘要]当前,工会组织……')).toBe(false);
    expect(furnitureNeedsLabel('editor', '（责任编辑：张慧琳）')).toBe(false);
  });

  it('is true where the text does not say what it is', () => {
    expect(furnitureNeedsLabel('header', '山东省总工会文件')).toBe(true);
    expect(furnitureNeedsLabel('author', '李兴家')).toBe(true);
  });
});

describe('relLabel', () => {
  it('names every link relation in Chinese', () => {
    for (const rel of ['version', 'implements', 'implemented-by', 'related', 'cites']) {
      expect(relLabel(rel)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('formatDate', () => {
  it('writes ISO dates the Chinese way', () => {
    expect(formatDate('2014-12-08')).toBe('2014年12月8日');
    expect(formatDate('2021-06')).toBe('2021年6月');
    expect(formatDate('2017')).toBe('2017年');
  });

  it('leaves other date strings as they are', () => {
    expect(formatDate('2014年12月26日')).toBe('2014年12月26日');
  });
});
