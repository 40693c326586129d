// @ts-check
/*
 * 条文通 — browser script of the site, served as /assets/site.js and loaded by a classic
 * <script defer> with a relative src, so it also runs when the site is opened from disk
 * (file://), where module scripts are blocked.
 *
 * Copy buttons: <button data-copy="text">…</button> inside an element with
 * [data-copy-group]; the group's [role=status] element reports the result. Groups are
 * `hidden` in the HTML and shown here, so readers without JavaScript never see dead buttons.
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
    var status = group.querySelector('[role="status"]');
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

  function init() {
    document.querySelectorAll('[data-copy-group]').forEach(setUpGroup);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
