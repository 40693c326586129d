/**
 * Article references (第十八条, 本法第二十条第二款, 《工会法》第十八条) resolved to the articles of the
 * library's statutes. The sentences are from the 工会法 (2021), the 劳动争议调解仲裁法 and the
 * 最高人民法院 interpretation (一) of 2020 as printed, unless a test says it adapted one.
 */
import { describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, Mention } from '../../../../src/model';
import { articleAnchor, citedEntries, findMentions, linkableMentions } from '../../../../src/pipeline/links/references';
import { toChineseNumeral } from '../../../../src/pipeline/numerals';

function doc(id: string, title: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return { id, url: `/${id}/index.html`, title, titleEditorial: false, kind: '法律', source: 's.txt', furniture: [], outline: [], clauseCount: 1, ...extra };
}
/** Article n of a document, as the parser publishes it: number 第N条, paragraphs (款, and 项 lines) as text lines. */
function article(docId: string, n: number | string, ...paragraphs: string[]): ClauseRecord {
  const number = typeof n === 'number' ? `第${toChineseNumeral(n)}条` : n;
  const key = typeof n === 'number' ? String(n) : n;
  return {
    id: `${docId}/${key}`,
    url: `/${docId}/${key}.html`,
    source: 's.txt',
    doc: docId,
    number,
    path: [],
    text: paragraphs.join('\n'),
    keywords: [],
    links: [],
  };
}
/** A clause of a document that is not an article (a numbered item of a notice). */
function item(docId: string, text: string): ClauseRecord {
  return { id: `${docId}/1`, url: `/${docId}/1.html`, source: 's.txt', doc: docId, number: '1', path: [], text, keywords: [], links: [] };
}

const GHF = 'gonghuifa-2021';
const LDZY = 'laodong-zhengyi-2007';
const JIESHI = 'laodong-zhengyi-jieshi1-2020';
const GHF_JIESHI = 'gonghuifa-jieshi-2020';
/** Dated as the library dates them: a statute by its latest adoption or revision. */
const documents = [
  doc(GHF, '中华人民共和国工会法', { date: '2021-12-24' }),
  doc(LDZY, '中华人民共和国劳动争议调解仲裁法', { date: '2007-12-29' }),
  doc(JIESHI, '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）', {
    kind: '司法解释',
    issuer: '最高人民法院',
    docNumber: '法释〔2020〕26号',
    date: '2020-12-25',
  }),
  doc(GHF_JIESHI, '最高人民法院关于在民事审判工作中适用《中华人民共和国工会法》若干问题的解释', { kind: '司法解释', date: '2020-12-23' }),
  doc('notice', '关于学习贯彻工会法的通知', { kind: '通知', date: '2022-03-01' }),
  doc('undated', '关于学习贯彻工会法的通知', { kind: '通知' }),
];
const library: ClauseRecord[] = [
  article(GHF, 3, '在中国境内的企业、事业单位、机关、社会组织（以下统称用人单位）中以工资收入为主要生活来源的劳动者，……都有依法参加和组织工会的权利。'),
  article(
    GHF,
    12,
    '基层工会、地方各级总工会、全国或者地方产业工会组织的建立，必须报上一级工会批准。',
    '上级工会可以派员帮助和指导企业职工组建工会，任何单位和个人不得阻挠。',
  ),
  article(
    GHF,
    13,
    '任何组织和个人不得随意撤销、合并工会组织。',
    '基层工会所在的用人单位终止或者被撤销，该工会组织相应撤销，并报告上一级工会。',
    '依前款规定被撤销的工会，其会员的会籍可以继续保留，具体管理办法由中华全国总工会制定。',
  ),
  article(
    GHF,
    18,
    '工会主席、副主席任期未满时，不得随意调动其工作。因工作需要调动时，应当征得本级工会委员会和上一级工会的同意。',
    '罢免工会主席、副主席必须召开会员大会或者会员代表大会讨论，非经会员大会全体会员或者会员代表大会全体代表过半数通过，不得罢免。',
  ),
  article(GHF, '第十八条之一', '（改编的条文，只为测试条号之一。）'),
  article(GHF, 36, '国有企业职工代表大会是企业实行民主管理的基本形式，是职工行使民主管理权力的机构，依照法律规定行使职权。'),
  article(GHF, 37, '集体企业的工会委员会，应当支持和组织职工参加民主管理和民主监督，维护职工选举和罢免管理人员、决定经营管理的重大问题的权力。'),
  article(
    GHF,
    38,
    '本法第三十六条、第三十七条规定以外的其他企业、事业单位的工会委员会，依照法律规定组织职工采取与企业、事业单位相适应的形式，参与企业、事业单位民主管理。',
  ),
  article(
    GHF,
    43,
    '工会经费的来源：',
    '（一）工会会员缴纳的会费；',
    '（二）建立工会组织的用人单位按每月全部职工工资总额的百分之二向工会拨缴的经费；',
    '（三）工会所属的企业、事业单位上缴的收入；',
    '（四）人民政府的补助；',
    '（五）其他收入。',
    '前款第二项规定的企业、事业单位、社会组织拨缴的经费在税前列支。',
  ),
  article(GHF, 47, '工会的财产、经费和国家拨给工会使用的不动产，任何组织和个人不得侵占、挪用和任意调拨。'),
  article(GHF, 51, '违反本法第三条、第十二条规定，阻挠职工依法参加和组织工会或者阻挠上级工会帮助、指导职工筹建工会的，由劳动行政部门责令其改正；……'),
  article(GHF, 55, '违反本法第四十七条规定，侵占工会经费和财产拒不返还的，工会可以向人民法院提起诉讼，要求返还，并赔偿损失。'),
  article(GHF, 58, '本法自公布之日起施行。1950年6月29日中央人民政府颁布的《中华人民共和国工会法》同时废止。'),
  article(GHF, 123, '（改编的条文，只为测试第一百二十三条。）'),
  article(
    LDZY,
    16,
    '因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令。人民法院应当依法发出支付令。',
  ),
  article(
    LDZY,
    27,
    '劳动争议申请仲裁的时效期间为一年。……',
    '前款规定的仲裁时效，因当事人一方向对方当事人主张权利……而中断。',
    '因不可抗力或者有其他正当理由，当事人不能在本条第一款规定的仲裁时效期间申请仲裁的，仲裁时效中止。',
  ),
  article(
    LDZY,
    47,
    '下列劳动争议，除本法另有规定的外，仲裁裁决为终局裁决，裁决书自作出之日起发生法律效力：',
    '（一）追索劳动报酬、工伤医疗费、经济补偿或者赔偿金，不超过当地月最低工资标准十二个月金额的争议；',
    '（二）因执行国家的劳动标准在工作时间、休息休假、社会保险等方面发生的争议。',
  ),
  article(LDZY, 48, '劳动者对本法第四十七条规定的仲裁裁决不服的，可以自收到仲裁裁决书之日起十五日内向人民法院提起诉讼。'),
  article(
    JIESHI,
    13,
    '劳动者依据劳动合同法第三十条第二款和调解仲裁法第十六条规定向人民法院申请支付令，符合民事诉讼法第十七章督促程序规定的，人民法院应予受理。',
  ),
  article(JIESHI, 16, '（条文从略。）'),
  article(JIESHI, 30, '（条文从略。）'),
  article(
    JIESHI,
    41,
    '劳动合同被确认为无效，劳动者已付出劳动的，用人单位应当按照劳动合同法第二十八条、第四十六条、第四十七条的规定向劳动者支付劳动报酬和经济补偿。',
  ),
  article(JIESHI, 46, '（条文从略。）'),
  article(JIESHI, 47, '（条文从略。）'),
];

/** The mentions of a clause with the given text, resolved against the library above (its own clauses replaced). */
function mentionsIn(clause: ClauseRecord): Mention[] {
  const clauses = [...library.filter((c) => c.id !== clause.id), clause];
  return findMentions(documents, clauses).get(clause.id) ?? [];
}
const inNotice = (text: string) => mentionsIn(item('notice', text));
/** The mentions of article n of a document, with the given paragraphs as its text. */
const inArticle = (docId: string, n: number, ...paragraphs: string[]) => mentionsIn(article(docId, n, ...paragraphs));
const targets = (mentions: Mention[]) => mentions.map((m) => [m.text, m.target, m.anchor]);

describe('article references naming a law of the library', () => {
  it('links 《中华人民共和国工会法》第十八条 in another document to that article, as one mention with the title', () => {
    expect(inNotice('各级工会要严格执行《中华人民共和国工会法》第十八条关于工会主席、副主席任期内不得随意调动工作的规定。')).toStrictEqual([
      { text: '《中华人民共和国工会法》第十八条', kind: 'article', target: `${GHF}/18` },
    ]);
  });

  it('reads 《工会法》 as the 中华人民共和国工会法, alone and before an article', () => {
    expect(targets(inNotice('学习宣传《工会法》，落实《工会法》第十八条。'))).toEqual([
      ['《工会法》', GHF, undefined],
      ['《工会法》第十八条', `${GHF}/18`, undefined],
    ]);
  });

  it('links a bare law name only where it is a library title, or one without 中华人民共和国', () => {
    expect(targets(inNotice('依照工会法第十八条、中华人民共和国工会法第十二条和劳动争议调解仲裁法第十六条的规定'))).toEqual([
      ['工会法第十八条', `${GHF}/18`, undefined],
      ['中华人民共和国工会法第十二条', `${GHF}/12`, undefined],
      ['劳动争议调解仲裁法第十六条', `${LDZY}/16`, undefined],
    ]);
    // 调解仲裁法 is how the interpretation shortens the law's name; it is not guessed.
    expect(
      inArticle(
        JIESHI,
        13,
        '劳动者依据劳动合同法第三十条第二款和调解仲裁法第十六条规定向人民法院申请支付令，符合民事诉讼法第十七章督促程序规定的，人民法院应予受理。',
      ),
    ).toEqual([]);
  });

  it("links 本法第四十七条 to the article of the clause's own law", () => {
    expect(inArticle(GHF, 55, '违反本法第四十七条规定，侵占工会经费和财产拒不返还的，工会可以向人民法院提起诉讼，要求返还，并赔偿损失。')).toStrictEqual([
      { text: '本法第四十七条', kind: 'article', target: `${GHF}/47` },
    ]);
    expect(targets(inArticle(LDZY, 48, '劳动者对本法第四十七条规定的仲裁裁决不服的，可以自收到仲裁裁决书之日起十五日内向人民法院提起诉讼。'))).toEqual([
      ['本法第四十七条', `${LDZY}/47`, undefined],
    ]);
  });

  it("reads 本条例, 本章程 and 本办法 as the clause's own document too (adapted sentences)", () => {
    for (const own of ['本条例', '本章程', '本办法', '本规定'])
      expect(targets(inArticle(GHF, 55, `违反${own}第四十七条规定的`)), own).toEqual([[`${own}第四十七条`, `${GHF}/47`, undefined]]);
  });

  it('gives each article of a list the law of the first: 本法第三条、第十二条', () => {
    expect(targets(inArticle(GHF, 51, '违反本法第三条、第十二条规定，阻挠职工依法参加和组织工会的'))).toEqual([
      ['本法第三条', `${GHF}/3`, undefined],
      ['第十二条', `${GHF}/12`, undefined],
    ]);
    expect(targets(inArticle(GHF, 38, '本法第三十六条、第三十七条规定以外的其他企业、事业单位的工会委员会'))).toEqual([
      ['本法第三十六条', `${GHF}/36`, undefined],
      ['第三十七条', `${GHF}/37`, undefined],
    ]);
    expect(targets(inNotice('落实《工会法》第三条和第十二条的规定'))).toEqual([
      ['《工会法》第三条', `${GHF}/3`, undefined],
      ['第十二条', `${GHF}/12`, undefined],
    ]);
  });

  it("leaves the articles of a list after a law the library lacks unlinked, though the clause's own law has them", () => {
    expect(inArticle(JIESHI, 41, '用人单位应当按照劳动合同法第二十八条、第四十六条、第四十七条的规定向劳动者支付劳动报酬和经济补偿。')).toEqual([]);
  });
});

describe('a bare 第N条', () => {
  it("names an article of the clause's own law when the clause is itself an article (adapted from 第五十一条)", () => {
    expect(inArticle(GHF, 51, '违反第十二条规定，阻挠上级工会帮助、指导职工筹建工会的')).toStrictEqual([
      { text: '第十二条', kind: 'article', target: `${GHF}/12` },
    ]);
    expect(targets(inArticle(GHF, 51, '依照第十二条第二款规定'))).toEqual([['第十二条第二款', `${GHF}/12`, 'p2']]);
  });

  it('names nothing in a clause that is not an article, even of a law that has the article', () => {
    expect(inNotice('按照第十二条规定，报上一级工会批准。')).toEqual([]);
    const preamble: ClauseRecord = { ...article(GHF, 12, '按照第十二条规定，报上一级工会批准。'), id: `${GHF}/0`, number: null };
    expect(mentionsIn(preamble)).toEqual([]);
  });

  it('names nothing after a word that ends a name the library does not hold', () => {
    expect(inArticle(GHF, 51, '依照劳动合同法第十二条、刑法第十二条、《劳动法》第十二条、民法典第三条的规定')).toStrictEqual([
      { text: '《劳动法》', kind: 'title' },
    ]);
  });

  it("names nothing where the article is missing from the clause's own law, or is the clause itself", () => {
    expect(inArticle(GHF, 51, '依照第九十九条规定')).toEqual([]);
    expect(inArticle(GHF, 55, '违反本法第九十九条规定')).toEqual([]);
    expect(inArticle(GHF, 12, '依照第十二条规定')).toEqual([]);
  });

  it('is no reference inside a title', () => {
    expect(inArticle(GHF, 51, '依照《关于〈工会法〉第十二条的解释》')).toEqual([
      { text: '《关于〈工会法〉第十二条的解释》', kind: 'title' },
      { text: '〈工会法〉', kind: 'title', self: true },
    ]);
  });
});

describe('relative references', () => {
  it('leaves 前款, 本条第一款, 前条 and 上一条 as plain text', () => {
    expect(inArticle(GHF, 13, '依前款规定被撤销的工会，其会员的会籍可以继续保留')).toEqual([]);
    expect(inArticle(LDZY, 27, '当事人不能在本条第一款规定的仲裁时效期间申请仲裁的，仲裁时效中止。')).toEqual([]);
    expect(inArticle(GHF, 43, '前款第二项规定的企业、事业单位、社会组织拨缴的经费在税前列支。')).toEqual([]);
    expect(inArticle(GHF, 51, '有前条、上一条规定情形的，依照本款处理。')).toEqual([]);
  });
});

describe('the 款 and 项 named', () => {
  it('anchors 第N条第M款 at the 款, p{M}, whatever the items before it', () => {
    expect(targets(inNotice('依照《工会法》第十八条第二款规定'))).toEqual([['《工会法》第十八条第二款', `${GHF}/18`, 'p2']]);
    expect(targets(inNotice('依照《工会法》第四十三条第二款规定'))).toEqual([['《工会法》第四十三条第二款', `${GHF}/43`, 'p2']]);
  });

  it("anchors a 项 at its item, p{M}-{K} (adapted from the interpretation's 第十九条)", () => {
    expect(targets(inNotice('劳动者依据劳动争议调解仲裁法第四十七条第一项规定，追索劳动报酬'))).toEqual([
      ['劳动争议调解仲裁法第四十七条第一项', `${LDZY}/47`, 'p1-1'],
    ]);
    expect(targets(inNotice('《工会法》第四十三条第一款第二项'))).toEqual([['《工会法》第四十三条第一款第二项', `${GHF}/43`, 'p1-2']]);
    // As the 2020 interpretation prints it: 第四十二条第一款第（二）项 (here of the 2021 text's 第四十三条).
    expect(targets(inNotice('按照工会法第四十三条第一款第（二）项规定的“全部职工”“工资总额”确定拨缴数额'))).toEqual([
      ['工会法第四十三条第一款第（二）项', `${GHF}/43`, 'p1-2'],
    ]);
  });

  it('links to the article without an anchor where the 款 named is not there', () => {
    expect(targets(inNotice('《工会法》第十八条第五款'))).toEqual([['《工会法》第十八条第五款', `${GHF}/18`, undefined]]);
  });

  it('finds 款 and 项 from the text lines of the article', () => {
    const text = ['款一', '（一）项一', '（二）项二', '款二', '（一）项三'].join('\n');
    expect([articleAnchor({ text }, 1), articleAnchor({ text }, 2), articleAnchor({ text }, 3)]).toEqual(['p1', 'p2', undefined]);
    expect([articleAnchor({ text }, undefined, 2), articleAnchor({ text }, 2, 1), articleAnchor({ text }, 2, 2)]).toEqual(['p1-2', 'p2-1', 'p2']);
    expect([articleAnchor({ text }), articleAnchor({ text }, undefined, 9)]).toEqual([undefined, undefined]);
  });

  it('finds them from the anchors published with the article where it has them', () => {
    const text = ['款一', '1. 项一', '款二'].join('\n');
    // From the lines alone, 「1. 项一」 would be a 款 of its own.
    expect([articleAnchor({ text }, 3), articleAnchor({ text }, 1, 1)]).toEqual(['p3', 'p1']);
    expect(articleAnchor({ text, anchors: ['p1', 'p1-1', 'p2'] }, 3)).toBeUndefined();
    expect(articleAnchor({ text, anchors: ['p1', 'p1-1', 'p2'] }, 1, 1)).toBe('p1-1');
  });
});

describe('versions of a law', () => {
  it("links a reference of a document older than the law's text to the law, not to the article of that number", () => {
    // The 2020 interpretation cites the 2009 text: its 第十八条 is 第十九条 of the 2021 text in the library.
    expect(
      inArticle(GHF_JIESHI, 2, '根据工会法第十八条规定，人民法院审理劳动争议案件，涉及确定基层工会专职主席、副主席或者委员延长的劳动合同期限的'),
    ).toStrictEqual([{ text: '工会法第十八条', kind: 'article', target: GHF }]);
  });

  it('links a reference to the law where the citing document has no date', () => {
    expect(mentionsIn(item('undated', '落实《工会法》第十八条'))).toStrictEqual([{ text: '《工会法》第十八条', kind: 'article', target: GHF }]);
  });

  it('links a reference of a later document to the article', () => {
    expect(targets(inArticle(JIESHI, 41, '依据劳动争议调解仲裁法第四十七条第一项规定'))).toEqual([
      ['劳动争议调解仲裁法第四十七条第一项', `${LDZY}/47`, 'p1-1'],
    ]);
  });
});

describe('article numbers', () => {
  it('reads article numbers up to 千, 之一, and digits', () => {
    expect(targets(inNotice('《工会法》第一百二十三条、第十八条之一、第18条'))).toEqual([
      ['《工会法》第一百二十三条', `${GHF}/123`, undefined],
      ['第十八条之一', `${GHF}/第十八条之一`, undefined],
      ['第18条', `${GHF}/18`, undefined],
    ]);
  });

  it('links a reference to an article the library lacks to the law it names', () => {
    expect(inNotice('依照《工会法》第九十九条和工会法第一百零八条')).toStrictEqual([
      { text: '《工会法》第九十九条', kind: 'article', target: GHF },
      { text: '工会法第一百零八条', kind: 'article', target: GHF },
    ]);
  });
});

describe("mentions of the clause's own document", () => {
  it('keeps its own title as a mention marked self, without a target', () => {
    expect(inArticle(GHF, 58, '本法自公布之日起施行。1950年6月29日中央人民政府颁布的《中华人民共和国工会法》同时废止。')).toStrictEqual([
      { text: '《中华人民共和国工会法》', kind: 'title', self: true },
    ]);
  });

  it('keeps its own 文号, and the number after its own title, marked self', () => {
    expect(inArticle(JIESHI, 13, '本解释（法释〔2020〕26号）')).toStrictEqual([{ text: '法释〔2020〕26号', kind: 'docNumber', self: true }]);
    expect(inArticle(JIESHI, 13, '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》（法释〔2020〕26号）')).toStrictEqual([
      { text: '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》', kind: 'title', docNumber: '法释〔2020〕26号', self: true },
      { text: '法释〔2020〕26号', kind: 'docNumber', self: true },
    ]);
    expect(inNotice('《关于审理劳动争议案件适用法律问题的解释（一）》（法释〔2020〕26号）').map((m) => m.target)).toEqual([JIESHI, JIESHI]);
  });

  it('reads its own title before an article as 本法', () => {
    expect(targets(inArticle(GHF, 51, '违反《中华人民共和国工会法》第十二条规定的'))).toEqual([['《中华人民共和国工会法》第十二条', `${GHF}/12`, undefined]]);
  });
});

describe('the list of cited documents and articles', () => {
  it("lists an article once per place named, with the 款 as printed, and leaves out the document's own title", () => {
    const mentions = inNotice(
      '《工会法》第十八条第二款、第十八条，又见工会法第十八条第二款和《工会法》第九十九条、《工会法》、《中国工会章程》、工会法第四十三条第一款第（二）项',
    );
    expect(citedEntries(mentions)).toEqual([
      { target: `${GHF}/18`, anchor: 'p2', part: '第二款' },
      { target: `${GHF}/18` },
      { target: GHF },
      { text: '《中国工会章程》' },
      { target: `${GHF}/43`, anchor: 'p1-2', part: '第一款第（二）项' },
    ]);
    expect(citedEntries([{ text: '《中华人民共和国工会法》', kind: 'title', self: true }])).toEqual([]);
  });
});

describe('which mentions the page links', () => {
  const at = (text: string, target: string, anchor?: string): Mention => ({ text, kind: 'article', target, ...(anchor ? { anchor } : {}) });

  it('links every mention whose text is printed only where it is that mention', () => {
    const mentions = [at('本法第三条', 'g/3'), at('第十二条', 'g/12')];
    expect(linkableMentions(mentions, '违反本法第三条、第十二条规定')).toEqual(mentions);
  });

  it('does not link a text also printed where it names something else', () => {
    const mentions = [at('本法第三条', 'g/3'), at('第十二条', 'g/12')];
    expect(linkableMentions(mentions, '违反本法第三条、第十二条和劳动合同法第十二条规定')).toEqual([mentions[0]]);
  });

  it('does not link one text that leads to two places', () => {
    const mentions = [at('第十二条', 'g/12'), at('第十二条', 'g/12', 'p2'), at('本法第三条', 'g/3')];
    expect(linkableMentions(mentions, '第十二条、本法第三条、第十二条')).toEqual([mentions[2]]);
  });

  it("counts a text inside a longer linked text as that text's, as the page does", () => {
    const mentions = [at('《工会法》第十二条', 'g/12'), at('第十二条', 'g/12')];
    expect(linkableMentions(mentions, '《工会法》第十二条、第十二条')).toEqual(mentions);
    expect(linkableMentions([{ text: '《劳动法》', kind: 'title' }, mentions[1]], '《劳动法》第十二条、第十二条')).toEqual([]);
  });
});
