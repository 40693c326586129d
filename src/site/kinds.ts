/**
 * The groups the home page lists documents in, by kind: one table, in the order the page
 * shows them. A kind no group names goes to 其他, last.
 */
import type { DocumentRecord } from '../model';

/** The groups and the kinds each holds, in the home page's order. */
export const KIND_GROUPS: readonly { name: string; kinds: readonly string[] }[] = [
  { name: '法律法规', kinds: ['法律', '行政法规', '地方性法规', '条例', '规定', '办法', '司法解释', '细则', '决定'] },
  { name: '章程', kinds: ['章程'] },
  { name: '规划', kinds: ['规划'] },
  { name: '意见', kinds: ['意见', '实施意见'] },
  { name: '通知', kinds: ['通知'] },
  { name: '方案', kinds: ['分工方案', '方案'] },
  { name: '报告', kinds: ['工作报告', '报告'] },
  { name: '论文', kinds: ['论文'] },
];

/** The group of kinds no other group names. */
export const OTHER_GROUP = '其他';

const groupOfKind = new Map(KIND_GROUPS.flatMap((g) => g.kinds.map((k) => [k, g.name] as const)));

/** The home page group of a document kind: 法律法规 for 条例, 意见 for 实施意见, 其他 for a kind no group names. */
export function kindGroup(kind: string): string {
  return groupOfKind.get(kind.trim()) ?? OTHER_GROUP;
}

/** The documents by group, in the groups' fixed order (empty groups left out), each in the order given. */
export function documentsByGroup<D extends Pick<DocumentRecord, 'kind'>>(documents: readonly D[]): { name: string; docs: D[] }[] {
  const order = [...KIND_GROUPS.map((g) => g.name), OTHER_GROUP];
  const byGroup = new Map(order.map((name) => [name, [] as D[]]));
  for (const doc of documents) byGroup.get(kindGroup(doc.kind))!.push(doc);
  return order.flatMap((name) => {
    const docs = byGroup.get(name)!;
    return docs.length ? [{ name, docs }] : [];
  });
}
