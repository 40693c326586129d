/**
 * TEMPORARY STUB — replaced by the real pipeline (decode → layout → parse → ids → segment).
 * The shape is final: see `Library` in ./model.ts.
 */
import type { Library } from './model';

let cached: Promise<Library> | undefined;

/** Load (once per process) the whole library from seeds/ and content/. */
export function loadLibrary(): Promise<Library> {
  cached ??= Promise.resolve(stub());
  return cached;
}

function stub(): Library {
  const documents = [
    {
      id: 'luhui-2014-79', url: '/luhui-2014-79/index.html',
      title: '山东省总工会关于新形势下加强基层工会建设的实施意见', titleEditorial: false,
      kind: '实施意见', source: '004_c5ab4ba5001bdcd8.txt', issuer: '山东省总工会', date: '2014-12-08',
      docNumber: '鲁会〔2014〕79号', furniture: [{ role: 'header', text: '山东省总工会文件', line: 15 }],
      outline: [{ level: 'part' as const, id: 'luhui-2014-79/1', marker: '一、', number: '一', title: '充分认识新形势下加强基层工会建设的重要意义和总体要求', children: [] }],
      clauseCount: 2,
    },
    {
      id: 'li-2017', url: '/li-2017/index.html', title: '破除体制性机制性顽疾 是工会“强三性”“去四化”的关键',
      titleEditorial: false, kind: '论文', source: '002_0a478edff0f21451.txt', author: '李兴家',
      furniture: [], outline: [], clauseCount: 1,
    },
  ];
  const clauses = [
    { id: 'luhui-2014-79/0', url: '/luhui-2014-79/0.html', source: documents[0].source, doc: 'luhui-2014-79', number: null, path: [],
      text: '为贯彻落实《中华全国总工会关于新形势下加强基层工会建设的意见》（总工发〔2014〕22号）精神，……', keywords: ['基层工会'], links: [] },
    { id: 'luhui-2014-79/1/1', url: '/luhui-2014-79/1/1.html', source: documents[0].source, doc: 'luhui-2014-79', number: '1', marker: '1.',
      path: ['一、充分认识新形势下加强基层工会建设的重要意义和总体要求'], heading: '加强基层工会建设的重要意义。',
      text: '基层工会直接联系和服务职工群众，是工会全部工作的基础。<script>alert(1)</script>', keywords: ['基层工会', '职工群众'], links: [] },
    { id: 'li-2017/0', url: '/li-2017/0.html', source: documents[1].source, doc: 'li-2017', number: null, path: [],
      text: '习近平总书记在中央党的群团工作会议上……', keywords: ['群团'], links: [] },
  ];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const bodyHtml = Object.fromEntries(clauses.map((c) => [c.id, `<p id="p1">${esc(c.text)}</p>`]));
  return { documents, clauses, bodyHtml, diagnostics: [] };
}
