/**
 * The clauses' display data online: packs of a run of clauses each, in reading order
 * (search-layout.ts `DisplayPack`), each loaded when a result shown needs it (today's
 * library: six packs of about 24 KB gzipped).
 *
 * Runs in the browser; no dependencies.
 */
import { type DisplayPack, packOf } from './search-layout';
import type { RecordData } from './record-index';

/**
 * The display data of the clause at a place in reading order, from these packs, each loaded
 * (once, unless it fails) by `loadPack` with its index in `packs`.
 */
export function packedRecords(packs: readonly DisplayPack[], loadPack: (k: number) => Promise<RecordData[]>): (place: number) => Promise<RecordData> {
  const loaded = new Map<number, Promise<RecordData[]>>();
  const pack = (k: number) => {
    let value = loaded.get(k);
    if (!value) {
      value = loadPack(k);
      value.catch(() => loaded.delete(k));
      loaded.set(k, value);
    }
    return value;
  };
  return async (place) => {
    const k = packOf(packs, place);
    const data = (await pack(k))[place - packs[k]!.first];
    if (!data) throw new Error(`the display data of clause ${place} is not in its pack`);
    return data;
  };
}
