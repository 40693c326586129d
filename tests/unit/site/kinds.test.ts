import { describe, expect, it } from 'vitest';
import { KIND_GROUPS, OTHER_GROUP, documentsByGroup, kindGroup } from '../../../src/site/kinds';

describe('the home page’s groups of kinds', () => {
  it('come in the fixed order 法律法规, 章程, 规划, 意见, 通知, 方案, 报告, 论文', () => {
    expect(KIND_GROUPS.map((g) => g.name)).toEqual(['法律法规', '章程', '规划', '意见', '通知', '方案', '报告', '论文']);
  });

  it('put laws, regulations, rules, judicial interpretations and decisions under 法律法规', () => {
    for (const kind of ['法律', '行政法规', '地方性法规', '条例', '规定', '办法', '司法解释', '细则', '决定']) expect(kindGroup(kind), kind).toBe('法律法规');
  });

  it('join 实施意见 with 意见, 分工方案 with 方案 and 工作报告 with 报告', () => {
    expect([kindGroup('实施意见'), kindGroup('意见')]).toEqual(['意见', '意见']);
    expect([kindGroup('分工方案'), kindGroup('方案')]).toEqual(['方案', '方案']);
    expect([kindGroup('工作报告'), kindGroup('报告')]).toEqual(['报告', '报告']);
  });

  it('send a kind no group names to 其他', () => {
    expect(kindGroup('讲话')).toBe(OTHER_GROUP);
    expect(OTHER_GROUP).toBe('其他');
  });

  it('name each kind in one group only', () => {
    const kinds = KIND_GROUPS.flatMap((g) => g.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});

describe('documents by group', () => {
  it('list the groups in their order, 其他 last, each with its documents in source order, and leave out empty groups', () => {
    const docs = [
      { id: 'plan', kind: '规划' },
      { id: 'paper', kind: '论文' },
      { id: 'speech', kind: '讲话' },
      { id: 'notice', kind: '通知' },
      { id: 'opinion', kind: '实施意见' },
      { id: 'law', kind: '法律' },
      { id: 'annex', kind: '分工方案' },
      { id: 'rules', kind: '条例' },
    ];
    expect(documentsByGroup(docs).map((g) => [g.name, g.docs.map((d) => d.id)])).toEqual([
      ['法律法规', ['law', 'rules']],
      ['规划', ['plan']],
      ['意见', ['opinion']],
      ['通知', ['notice']],
      ['方案', ['annex']],
      ['论文', ['paper']],
      ['其他', ['speech']],
    ]);
  });
});
