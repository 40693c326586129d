/**
 * The basket in the browser's localStorage, under one key, as a JSON list of entries. Every
 * page of the site reads and writes the same list: over http all pages share one origin, and
 * from the offline copy (file://) Chromium and Firefox both give all files one storage. Where
 * storage is refused (private modes, a browser set to block it) the functions say so.
 */
import { addEntry, type BasketEntry, entryKey, readEntries } from './entries';

/** The localStorage key of the basket. */
export const STORAGE_KEY = 'tiaowen-basket-v1';

/** The browser's storage, or null where it is refused. */
function storage(): Storage | null {
  try {
    const s = window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** The entries in the basket now (none where storage is refused). */
export function loadBasket(): BasketEntry[] {
  const s = storage();
  if (!s) return [];
  try {
    return readEntries(s.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

/** Store the entries as the basket; false where storage is refused or full. */
export function saveBasket(entries: readonly BasketEntry[]): boolean {
  const s = storage();
  if (!s) return false;
  try {
    if (entries.length) s.setItem(STORAGE_KEY, JSON.stringify(entries));
    else s.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** What adding an entry did: whether it is new, whether it was stored, and how many entries the basket holds. */
export interface AddResult {
  added: boolean;
  stored: boolean;
  count: number;
}

/**
 * Add a passage to the basket (at its end; a passage already there stays where it is). The
 * one call other pages' scripts need: `addToBasket({ clause, anchor?, url, cite, label?, heading?, text })`.
 */
export function addToBasket(entry: BasketEntry): AddResult {
  const before = loadBasket();
  const after = addEntry(before, entry);
  const stored = after === before ? storage() !== null : saveBasket(after);
  return { added: after !== before, stored, count: after.length };
}

/** Whether the basket holds this passage. */
export function inBasket(entry: Pick<BasketEntry, 'clause' | 'anchor'>): boolean {
  const key = entryKey(entry);
  return loadBasket().some((e) => entryKey(e) === key);
}

/** What an add button's status line says after adding. */
export function addedText(result: AddResult, label: string): string {
  if (!result.stored) return '无法加入材料篮：浏览器不允许本站保存数据';
  return result.added ? `已加入材料篮（共 ${result.count} 条）：${label}` : `材料篮里已有：${label}（共 ${result.count} 条）`;
}
