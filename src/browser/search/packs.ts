/**
 * The clauses' display data online: packs of a run of clauses each, in reading order
 * (search-layout.ts `DisplayPack`). The search page preloads the first pack (today the only
 * one); any other loads when a result shown needs it, and once the first results are shown,
 * the rest load in the background, so later queries wait only for the index.
 *
 * Runs in the browser; no dependencies.
 */
import { type DisplayPack, packOf } from './search-layout';
import type { RecordData } from './record-index';

/** Display data by place in reading order, from packs loaded once each. */
export interface PackedRecords {
  /** The display data of the clause at this place in reading order. */
  record(place: number): Promise<RecordData>;
  /** Start loading every pack not asked for yet (a failed one is tried again when next asked for). */
  loadRest(): void;
}

/** Display data from these packs, each loaded (once, unless it fails) by `loadPack` with its index in `packs`. */
export function packedRecords(packs: readonly DisplayPack[], loadPack: (k: number) => Promise<RecordData[]>): PackedRecords {
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
  return {
    async record(place) {
      const k = packOf(packs, place);
      const data = (await pack(k))[place - packs[k]!.first];
      if (!data) throw new Error(`the display data of clause ${place} is not in its pack`);
      return data;
    },
    loadRest() {
      packs.forEach((_, k) => void pack(k).catch(() => {}));
    },
  };
}
