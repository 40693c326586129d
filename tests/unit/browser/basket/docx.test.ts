import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxDocument } from '../../../../src/browser/basket/docx';
import type { DocxPlan } from '../../../../src/browser/basket/export';

const plan: DocxPlan = {
  title: '材料汇编',
  passages: [
    { heading: '《甲法》第一条 总则', paragraphs: ['第一段写有<&>。', '第二段。'], footnote: '《甲法》（某〔2020〕1号）第一条 https://example.org/a/1.html' },
    { heading: '《甲法》第二条第二款', paragraphs: ['只有一段。'], footnote: '《甲法》第二条第二款' },
  ],
};

/** The files of the .docx of the plan, as text. */
async function parts(p: DocxPlan): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(docxDocument(p))));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The paragraphs of a WordprocessingML part: each one's style and text, entities decoded. */
function paragraphs(xml: string): { style: string | null; text: string; notes: string[] }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1] ?? null,
    text: [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join(''),
    notes: [...m[1]!.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((r) => r[1]!),
  }));
}

describe('the basket Word document', () => {
  it('holds the title, each heading and each paragraph in order, a footnote reference at the end of each passage', async () => {
    const files = await parts(plan);
    expect(paragraphs(files['word/document.xml']!)).toEqual([
      { style: 'Title', text: '材料汇编', notes: [] },
      { style: 'Heading1', text: '《甲法》第一条 总则', notes: [] },
      { style: null, text: '第一段写有<&>。', notes: [] },
      { style: null, text: '第二段。', notes: ['1'] },
      { style: 'Heading1', text: '《甲法》第二条第二款', notes: [] },
      { style: null, text: '只有一段。', notes: ['2'] },
    ]);
  });

  it('puts each citation in its footnote, in the footnote text style', async () => {
    const notes = (await parts(plan))['word/footnotes.xml']!;
    const byId = Object.fromEntries([...notes.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)].map((m) => [m[1], paragraphs(m[2]!)]));
    expect(byId).toEqual({
      '1': [{ style: 'FootnoteText', text: '《甲法》（某〔2020〕1号）第一条 https://example.org/a/1.html', notes: [] }],
      '2': [{ style: 'FootnoteText', text: '《甲法》第二条第二款', notes: [] }],
    });
  });

  it('sets the text in 仿宋 and the title and headings in 黑体, by name, with a fixed 28 pt line', async () => {
    const styles = (await parts(plan))['word/styles.xml']!;
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    expect(/<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0]).toMatch(/w:eastAsia="仿宋".*<w:sz w:val="32"\/>.*w:line="560" w:lineRule="exact"/s);
    expect(style('Title')).toMatch(/w:eastAsia="黑体".*<w:sz w:val="44"\/>/s);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体".*<w:sz w:val="32"\/>/s);
    expect(style('FootnoteText')).toContain('w:eastAsia="仿宋"');
    expect(styles).not.toMatch(/<w:embed|\.ttf|\.woff/);
  });

  it('lays the page out as A4 with the margins of an official document', async () => {
    const body = (await parts(plan))['word/document.xml']!;
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });
});
