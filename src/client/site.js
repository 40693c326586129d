// @ts-check
/*
 * 条文通 — browser script of the site, served as /assets/site.js and loaded by a classic
 * <script defer> with a relative src, so it also runs when the site is opened from disk
 * (file://), where module scripts are blocked.
 *
 * Copy buttons: <button data-copy="text">…</button> inside an element with
 * [data-copy-group]; the group's [role=status] element reports the result (a paragraph's
 * group inside the clause body, which has none, reports in the clause's). Groups are
 * `hidden` in the HTML and shown here, so readers without JavaScript never see dead buttons.
 * Each paragraph's pair copies its own link (#p2, or an article's 款 and 项: #p2, #p1-3) and
 * citation (…第十二条第二款, …第十二条第一款第（三）项), both written at build time.
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

  /** @param {Element} group */
  function setUpGroup(group) {
    var status = group.querySelector('[role="status"]') || document.querySelector('.clause-actions [role="status"]');
    var timer = 0;
    group.removeAttribute('hidden');
    group.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        var text = button.getAttribute('data-copy') || '';
        var what = button.getAttribute('data-copy-label') || '';
        copyText(text).then(function (ok) {
          button.setAttribute('data-copied', ok ? 'true' : 'false');
          if (!status) return;
          var live = /** @type {Element} */ (status);
          live.textContent = ok ? '已复制' + what : '复制失败，请手动复制：' + text;
          window.clearTimeout(timer);
          if (ok) {
            timer = window.setTimeout(function () {
              live.textContent = '';
            }, 6000);
          }
        });
      });
    });
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
    document.querySelectorAll('[data-copy-group]').forEach(setUpGroup);
    highlightOnArrival();
    document.addEventListener('keydown', onKeydown);
  }

  // For the unit tests, which run this file in a sandbox with a `module` object.
  if (typeof module !== 'undefined' && module && module.exports) {
    module.exports = { foldWithMap: foldWithMap, highlightTerms: highlightTerms, findRanges: findRanges, highlightIn: highlightIn };
    return;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
