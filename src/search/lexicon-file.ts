/** Where the build writes the search lexicon, relative to the search page (search/lexicon.bin, gzipped JSON). */
export const LEXICON_FILE = 'lexicon.bin';
