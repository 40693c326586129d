/** The quote check's build data: paragraphs read back from a clause's rendered body. */
import { describe, expect, it } from 'vitest';
import { bodyBlocks, clauseParagraphs, decodeHtml } from '../../../../src/integrations/quotes/quote-data';

/** A rendered body as the pipeline writes it (shortened by hand): a paragraph, a figure with caption and credit, a paragraph with a link. */
const BODY =
  '<p id="p1"><a class="para-link" href="#p1"></a>甲乙&amp;丙<span class="para-copy" hidden><button data-copy-cite="《示例》第一段"></button></span></p>\n' +
  '<figure class="figure" id="p2"><a class="para-link" href="#p2"></a><span class="figure-missing">（图片不在来源文本中）</span><figcaption>示意图<span class="para-copy" hidden><button data-copy-cite="《示例》第二段"></button></span></figcaption><p class="figure-credit">资料来源：统计</p></figure>\n' +
  '<p id="p3"><a class="para-link" href="#p3"></a>见<a href="x.html">《示例法》</a>。<span class="para-copy" hidden><button data-copy-cite="《示例》第三段"></button></span></p>';

describe('quote data from a rendered body', () => {
  it('decodes the entities of HTML text', () => expect(decodeHtml('a&amp;b&lt;&#x4e00;&#20108;')).toBe('a&b<一二'));

  it('reads each top-level block: its anchor, its citation and its text without the buttons', () => {
    expect(bodyBlocks(BODY)).toEqual([
      { anchor: 'p1', cite: '《示例》第一段', text: '甲乙&丙\n' },
      { anchor: 'p2', cite: '《示例》第二段', text: '示意图资料来源：统计\n' },
      { anchor: 'p3', cite: '《示例》第三段', text: '见《示例法》。' },
    ]);
  });

  it('gives the text lines to their blocks, a figure caption and credit to one', () => {
    expect(clauseParagraphs(['甲乙&丙', '示意图', '资料来源：统计', '见《示例法》。'], bodyBlocks(BODY), '《示例》')).toEqual([
      { a: 'p1', t: '甲乙&丙', c: '第一段' },
      { a: 'p2', t: '示意图\n资料来源：统计', c: '第二段' },
      { a: 'p3', t: '见《示例法》。', c: '第三段' },
    ]);
  });
});
