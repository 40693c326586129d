// @ts-check
/*
 * 条文通 — browser script of the site, served as /assets/site.js and loaded by a classic
 * <script defer> with a relative src, so it also runs when the site is opened from disk
 * (file://), where module scripts are blocked.
 *
 * Copy buttons (docs/contracts.md, "Copying a link or a citation"): <button data-copy-kind>
 * inside an element with [data-copy-group]; the group's [role=status] element reports what was
 * copied (a paragraph's group inside the clause body, which has none, reports in the
 * clause's). Groups are `hidden` in the HTML and shown here, so readers without JavaScript
 * never see dead buttons. Where the build had a canonical site (TIAOWEN_SITE) a button's
 * `data-copy` holds its text; without one the link is the address the page was opened at
 * (`pageLink`), plus the paragraph's `data-copy-anchor` (#p2, an article's #p1-3), and a
 * citation is `data-copy-cite` and that link. Opened from disk without a canonical site there
 * is no address: the link buttons are hidden (the clause says why) and citations are copied
 * without a link. The printed permalink line and the GB/T 7714 reference (date cited: today)
 * are filled in the same way.
 *
 * Arriving at a paragraph keeps the clause's title in view (a sticky context line, and a
 * scroll that shows the title where title and paragraph fit on the screen together).
 *
 * Highlight on arrival: a clause page opened as `…/7.html?h=<terms>#p2` (any paragraph
 * anchor, an article's #p1-3 too; a link from the search page; terms separated by spaces) wraps every occurrence of the terms in the clause
 * heading and body in <mark class="hit">, matching on folded text the way the search engine
 * folds (src/search/fold.ts: NFKC, lower case, punctuation/symbols/spaces ignored — so 会站家
 * finds 会、站、家), then brings the first highlight of the targeted paragraph into view.
 * Only text nodes are split; the terms are never parsed as HTML.
 *
 * `/` focuses the header's search box (the search page handles its own box).
 */
(function () {
  'use strict';

  /**
   * Copy with the old execCommand route: works on file:// and over plain http, where
   * navigator.clipboard is missing or refused.
   * @param {string} text
   * @returns {boolean}
   */
  function copyWithTextarea(text) {
    var active = document.activeElement;
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.style.position = 'fixed';
    area.style.top = '0';
    area.style.left = '-9999px';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, text.length);
    var ok = false;
    try {
      // Deprecated, but the only way to copy where navigator.clipboard is unavailable.
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    if (active && active instanceof HTMLElement) active.focus();
    return ok;
  }

  /**
   * @param {string} text
   * @returns {Promise<boolean>}
   */
  function copyText(text) {
    if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(
        function () {
          return true;
        },
        function () {
          return copyWithTextarea(text);
        },
      );
    }
    return Promise.resolve(copyWithTextarea(text));
  }

  /* ------------------------------------------------------------ links and citations */

  /**
   * The link a copy button gives (pure): the canonical URL of the page where the build had a
   * canonical site; else the address the page was opened at, without its query and fragment;
   * else — opened from disk (file:) without a canonical site — null, as there is no address to
   * give. `anchor` (p2, p1-3) adds the paragraph's fragment.
   * @param {string | null | undefined} canonical the page's canonical URL, if any
   * @param {string} href the address the page was opened at (location.href)
   * @param {string | null | undefined} anchor
   * @returns {string | null}
   */
  function pageLink(canonical, href, anchor) {
    var base = canonical || '';
    if (!base) {
      var at = href.search(/[?#]/);
      base = at < 0 ? href : href.slice(0, at);
      if (/^file:/i.test(base)) return null;
    }
    return anchor ? base + '#' + anchor : base;
  }

  /**
   * What a copy button copies (pure): its link, or the citation followed by a space and the
   * link (as src/site/citation.ts citationText), or the citation alone where there is no link.
   * @param {string} kind link | citation
   * @param {string} cite the citation without a link
   * @param {string | null} link
   * @returns {string | null} null for a link button without a link
   */
  function copiedText(kind, cite, link) {
    if (kind === 'link') return link;
    return link ? cite + ' ' + link : cite;
  }

  /**
   * A day as YYYY-MM-DD in the reader's own time zone: the date cited of a GB/T 7714 reference.
   * @param {Date} date
   * @returns {string}
   */
  function isoDay(date) {
    var pad = function (/** @type {number} */ n) {
      return (n < 10 ? '0' : '') + n;
    };
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
  }

  /** The address of this page for copying, or null from disk without a canonical site. @param {string} [anchor] */
  function hereLink(anchor) {
    return pageLink(null, location.href, anchor);
  }

  /** From disk without a canonical site, there is no link to copy. */
  var NO_LINK_NOTE = '离线版没有网址，未附链接';

  /**
   * Fill in what only the browser knows: the printed permalink line, and the date cited and
   * (without a canonical site) the address of the GB/T 7714 reference.
   */
  function fillAddresses() {
    document.querySelectorAll('[data-permalink]').forEach(function (line) {
      var slot = line.querySelector('[data-permalink-url]');
      if (!slot || slot.textContent) return;
      var link = hereLink();
      if (!link) return; // from disk: no address, no line
      slot.textContent = link;
      line.removeAttribute('hidden');
    });
    document.querySelectorAll('[data-gbt]').forEach(function (ref) {
      var date = ref.querySelector('[data-cite-date]');
      if (date) date.textContent = isoDay(new Date());
      var slot = ref.querySelector('[data-cite-url]');
      var part = ref.querySelector('[data-cite-link]');
      if (!slot || !part || slot.textContent) return;
      var link = hereLink();
      if (!link) return;
      slot.textContent = link;
      part.removeAttribute('hidden');
    });
  }

  /**
   * The text a button copies now, and a note on what was left out.
   * @param {Element} button
   * @returns {{ text: string | null, note: string }}
   */
  function textOf(button) {
    var kind = button.getAttribute('data-copy-kind') || '';
    if (kind === 'gbt') {
      var ref = button.closest('.cite-format');
      var line = ref && ref.querySelector('[data-gbt]');
      var shown = line ? /** @type {Element} */ (line.cloneNode(true)) : null;
      if (shown) shown.querySelectorAll('[hidden]').forEach(function (part) {
        part.remove();
      });
      var gbt = shown ? (shown.textContent || '').replace(/\s+/g, ' ').trim() : '';
      return { text: gbt || null, note: line && line.querySelector('[data-cite-link][hidden]') ? NO_LINK_NOTE : '' };
    }
    var given = button.getAttribute('data-copy');
    if (given) return { text: given, note: '' };
    var link = hereLink(button.getAttribute('data-copy-anchor') || '');
    return { text: copiedText(kind, button.getAttribute('data-copy-cite') || '', link), note: link ? '' : NO_LINK_NOTE };
  }

  /** @param {Element} group */
  function setUpGroup(group) {
    var status = group.querySelector('[role="status"]') || document.querySelector('.clause-actions [role="status"]');
    var timer = 0;
    group.removeAttribute('hidden');
    group.querySelectorAll('button[data-copy-kind]').forEach(function (button) {
      // A link button with nothing to copy (from disk without a canonical site) is not shown.
      if (textOf(button).text === null) {
        button.setAttribute('hidden', '');
        var note = group.querySelector('.copy-note');
        if (note) note.removeAttribute('hidden');
        return;
      }
      button.addEventListener('click', function () {
        var copy = textOf(button);
        var text = copy.text || '';
        var what = button.getAttribute('data-copy-label') || '';
        copyText(text).then(function (ok) {
          button.setAttribute('data-copied', ok ? (copy.note ? 'nolink' : 'true') : 'false');
          window.clearTimeout(timer);
          timer = window.setTimeout(function () {
            button.removeAttribute('data-copied');
            if (ok && status) status.textContent = '';
          }, 6000);
          if (!status) return;
          var live = /** @type {Element} */ (status);
          live.textContent = ok ? '已复制' + what + (copy.note ? '（' + copy.note + '）' : '') + '：' + text : '复制失败，请手动复制：' + text;
        });
      });
    });
  }

  /* ------------------------------------------------------------ arriving at a paragraph */

  /**
   * On a clause page: a context line (the clause's place and heading) sticks to the top while
   * the title is out of view; and arriving at a paragraph (#p2) that fits on the screen
   * together with the title scrolls so that the title shows too.
   */
  function keepTitleInView() {
    var title = document.getElementById('clause-title');
    var page = document.querySelector('.clause-page');
    if (!title || !page) return;
    var context = /** @type {Element} */ (page);
    var heading = /** @type {Element} */ (title);
    if ('IntersectionObserver' in window) {
      new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        if (e) context.toggleAttribute('data-title-hidden', !e.isIntersecting && e.boundingClientRect.top < 0);
      }).observe(heading);
    }
    var show = function () {
      if (location.hash.length < 2) return;
      var target;
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch (e) {
        target = null;
      }
      if (!target || !target.closest('.clause-body')) return;
      // From the document's name above the title where that fits too, else from the title.
      var place = document.querySelector('.clause-doc');
      var bottom = target.getBoundingClientRect().bottom;
      var room = window.innerHeight || document.documentElement.clientHeight;
      var top = place && bottom - place.getBoundingClientRect().top + 16 <= room ? place.getBoundingClientRect().top : heading.getBoundingClientRect().top;
      // Both fit: show from the title down; otherwise the paragraph stays at the top, under the context line.
      if (bottom - top + 16 <= room && (top < 0 || bottom > room)) window.scrollBy(0, top - 8);
    };
    show();
    window.addEventListener('hashchange', show);
    if (document.readyState !== 'complete') window.addEventListener('load', show, { once: true });
  }

  /* ------------------------------------------------------------ highlight on arrival */

  /** What folding drops: punctuation, symbols, separators, spaces, controls (as fold.ts). */
  var DROP = /[\p{P}\p{S}\p{Z}\s\p{Cc}\p{Cf}]/u;

  /**
   * Fold a text (NFKC per character, lower case, punctuation/symbols/spaces dropped) and
   * remember, for each folded character, the raw range [start, end) it came from.
   * @param {string} text
   * @returns {{ folded: string, start: number[], end: number[] }}
   */
  function foldWithMap(text) {
    var folded = '';
    /** @type {number[]} */
    var start = [];
    /** @type {number[]} */
    var end = [];
    var offset = 0;
    for (var ch of text) {
      for (var c of ch.normalize('NFKC').toLowerCase()) {
        if (DROP.test(c)) continue;
        folded += c;
        for (var k = 0; k < c.length; k++) {
          start.push(offset);
          end.push(offset + ch.length);
        }
      }
      offset += ch.length;
    }
    return { folded: folded, start: start, end: end };
  }

  /**
   * The terms of an `h` parameter: split on spaces, folded, empty ones dropped, unique.
   * @param {string} h
   * @returns {string[]}
   */
  function highlightTerms(h) {
    /** @type {string[]} */
    var out = [];
    h.split(/\s+/).forEach(function (t) {
      var f = foldWithMap(t).folded;
      if (f && out.indexOf(f) < 0) out.push(f);
    });
    return out;
  }

  /**
   * Every occurrence of the (folded) terms in a raw text, as sorted, merged raw ranges.
   * @param {string} text
   * @param {string[]} terms
   * @returns {{ start: number, end: number }[]}
   */
  function findRanges(text, terms) {
    var m = foldWithMap(text);
    /** @type {{ start: number, end: number }[]} */
    var found = [];
    terms.forEach(function (term) {
      if (!term) return;
      for (var at = m.folded.indexOf(term); at >= 0; at = m.folded.indexOf(term, at + term.length)) {
        found.push({ start: m.start[at], end: m.end[at + term.length - 1] });
      }
    });
    found.sort(function (a, b) {
      return a.start - b.start || a.end - b.end;
    });
    /** @type {{ start: number, end: number }[]} */
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else merged.push({ start: r.start, end: r.end });
    });
    return merged;
  }

  /**
   * Wrap the occurrences of the terms in `el`'s text in <mark class="hit">, splitting text
   * nodes only (a match across two nodes gets one mark in each). Returns the number of matches.
   * @param {Element} el
   * @param {string[]} terms
   * @returns {number}
   */
  function highlightIn(el, terms) {
    var doc = el.ownerDocument;
    var walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    /** @type {Text[]} */
    var nodes = [];
    /** @type {number[]} */
    var offsets = [];
    var text = '';
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var parent = n.parentElement;
      if (parent && parent.closest('script, style, template, mark.hit')) continue;
      nodes.push(/** @type {Text} */ (n));
      offsets.push(text.length);
      text += /** @type {Text} */ (n).data;
    }
    var ranges = findRanges(text, terms);
    if (!ranges.length) return 0;
    nodes.forEach(function (node, i) {
      var from = offsets[i];
      var data = node.data;
      var to = from + data.length;
      var frag = doc.createDocumentFragment();
      var at = 0;
      var marked = false;
      ranges.forEach(function (r) {
        var s = Math.max(r.start, from) - from;
        var e = Math.min(r.end, to) - from;
        if (e <= s) return;
        if (s > at) frag.appendChild(doc.createTextNode(data.slice(at, s)));
        var mark = doc.createElement('mark');
        mark.className = 'hit';
        mark.textContent = data.slice(s, e);
        frag.appendChild(mark);
        at = e;
        marked = true;
      });
      if (!marked || !node.parentNode) return;
      if (at < data.length) frag.appendChild(doc.createTextNode(data.slice(at)));
      node.parentNode.replaceChild(frag, node);
    });
    return ranges.length;
  }

  /** Undo highlightIn: put the marks' text back. @param {ParentNode} root */
  function clearHighlights(root) {
    root.querySelectorAll('mark.hit').forEach(function (mark) {
      var parent = mark.parentNode;
      if (!parent) return;
      parent.replaceChild(mark.ownerDocument.createTextNode(mark.textContent || ''), mark);
      parent.normalize();
    });
  }

  /** @param {Element} el */
  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }

  /** On a clause page opened with ?h=, highlight the terms and show the first one. */
  function highlightOnArrival() {
    var body = document.querySelector('.clause-body');
    if (!body) return;
    var h;
    try {
      h = new URLSearchParams(location.search).get('h');
    } catch (e) {
      h = null;
    }
    if (!h) return;
    var terms = highlightTerms(h);
    if (!terms.length) return;

    var count = 0;
    var title = document.getElementById('clause-title');
    if (title) count += highlightIn(title, terms);
    Array.prototype.forEach.call(body.children, function (/** @type {Element} */ part) {
      count += highlightIn(part, terms);
    });
    if (!count) return;

    var note = document.createElement('p');
    note.className = 'hit-note';
    var what = document.createElement('span');
    what.textContent =
      '已标出搜索词' +
      terms
        .map(function (t) {
          return '“' + t + '”';
        })
        .join('') +
      '（' +
      count +
      ' 处）';
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = '取消标出';
    clear.addEventListener('click', function () {
      var main = document.querySelector('main') || document.body;
      clearHighlights(main);
      note.remove();
      try {
        var url = new URL(location.href);
        url.searchParams.delete('h');
        history.replaceState(history.state, '', url.pathname + url.search + url.hash);
      } catch (e) {
        /* file:// in some browsers: keep the URL */
      }
    });
    note.append(what, clear);
    body.parentNode && body.parentNode.insertBefore(note, body);

    // Bring the first highlight of the targeted paragraph (or of the clause) into view.
    var target = null;
    if (location.hash.length > 1) {
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch (e) {
        target = null;
      }
    }
    var first = (target && target.querySelector('mark.hit')) || body.querySelector('mark.hit');
    if (!first) return;
    var show = function () {
      if (first && !inView(first)) first.scrollIntoView({ block: 'center' });
    };
    if (target && !inView(target)) target.scrollIntoView();
    show();
    // The browser's own scroll to the #fragment may come later, at load.
    if (document.readyState !== 'complete') window.addEventListener('load', show, { once: true });
  }

  /* ------------------------------------------------------------ keyboard */

  /**
   * Is the element a text field, where `/` is a character to type?
   * @param {EventTarget | null} el
   */
  function isTypingTarget(el) {
    if (!(el instanceof Element)) return false;
    var tag = el.localName;
    if (tag === 'textarea' || tag === 'select') return true;
    if (tag === 'input') {
      var type = (el.getAttribute('type') || 'text').toLowerCase();
      return ['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color'].indexOf(type) < 0;
    }
    return /** @type {HTMLElement} */ (el).isContentEditable === true;
  }

  /** `/` focuses the header's search box, except on the search page, which has its own. */
  function onKeydown(/** @type {KeyboardEvent} */ event) {
    if (event.key !== '/' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (document.getElementById('search-input') || isTypingTarget(event.target)) return;
    var box = /** @type {HTMLInputElement | null} */ (document.querySelector('.site-header input[type="search"]'));
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  }

  function init() {
    fillAddresses();
    document.querySelectorAll('[data-copy-group]').forEach(setUpGroup);
    keepTitleInView();
    highlightOnArrival();
    document.addEventListener('keydown', onKeydown);
  }

  // For the unit tests, which run this file in a sandbox with a `module` object.
  if (typeof module !== 'undefined' && module && module.exports) {
    module.exports = {
      foldWithMap: foldWithMap,
      highlightTerms: highlightTerms,
      findRanges: findRanges,
      highlightIn: highlightIn,
      pageLink: pageLink,
      copiedText: copiedText,
      isoDay: isoDay,
    };
    return;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
