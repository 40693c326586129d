import { describe, expect, it } from 'vitest';
import { addParagraphLinks, prefixIds } from '../../../src/site/html';

describe('addParagraphLinks', () => {
  it('adds an empty self-link to each paragraph anchor', () => {
    expect(addParagraphLinks('<p id="p1">甲</p><p id="p2">乙</p>')).toBe(
      '<p id="p1"><a class="para-link" href="#p1" aria-label="第1段的链接" data-pagefind-ignore></a>甲</p>' +
        '<p id="p2"><a class="para-link" href="#p2" aria-label="第2段的链接" data-pagefind-ignore></a>乙</p>',
    );
  });

  it('keeps other attributes of the paragraph', () => {
    expect(addParagraphLinks('<p class="x" id="p3" data-y="1">丙</p>')).toContain(
      '<p class="x" id="p3" data-y="1"><a class="para-link" href="#p3"',
    );
  });

  it('leaves escaped text that looks like a tag alone', () => {
    const html = '<p id="p1">&lt;p id="p9"&gt;</p>';
    expect(addParagraphLinks(html)).not.toContain('#p9');
  });

  it('does not put links inside table rows or ids that are not paragraph anchors', () => {
    expect(addParagraphLinks('<tr id="p1"><td>x</td></tr>')).toBe('<tr id="p1"><td>x</td></tr>');
    expect(addParagraphLinks('<p id="intro">x</p>')).toBe('<p id="intro">x</p>');
  });

  it('adds no text to the page', () => {
    const out = addParagraphLinks('<p id="p1">甲</p>');
    expect(out.replace(/<[^>]*>/g, '')).toBe('甲');
  });
});

describe('prefixIds', () => {
  it('prefixes ids and the fragment links pointing at them', () => {
    expect(prefixIds('<p id="p1">x <a href="#p1">¶</a></p>', 'c7-')).toBe('<p id="c7-p1">x <a href="#c7-p1">¶</a></p>');
  });

  it('prefixes id references in label and aria attributes', () => {
    expect(prefixIds('<label for="f1">a</label><div aria-labelledby="h1 h2">b</div>', 'z-')).toBe(
      '<label for="z-f1">a</label><div aria-labelledby="z-h1 z-h2">b</div>',
    );
  });

  it('does not touch text or other attributes', () => {
    const html = '<p id="p1" class="id">id="p1" &amp; href="#p1"</p>';
    expect(prefixIds(html, 'q-')).toBe('<p id="q-p1" class="id">id="p1" &amp; href="#p1"</p>');
  });
});
