// Ranks the pages of elements.json by how close they are to an address that does not exist, word by word:
// `/docs/elements/autotask-crn/authentcate.html` is closest to Autotask CRM's Authenticate page. Each word of
// the address counts by its best match among a page's words (its path, its title, its element's name and key),
// misspellings by their edit distance. Used by the 404 page (assets/js/not-found.js); no DOM here.

/** Words every address has, which tell pages apart no better than nothing. */
const COMMON = new Set(["docs", "doc", "elements", "element", "html", "htm", "md", "index", "www", "en"]);

/** The words of an address or a title: lower case letters and digits, the common ones left out. */
export function wordsOf(text) {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A malformed escape: the words stay as written.
  }
  return decoded
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !COMMON.has(word));
}

/** Levenshtein distance, with one row of memory. */
function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** 1 for the same word, down to 0 for words with little in common; a word the other starts with counts most of 1. */
function likeness(word, other) {
  if (word === other) return 1;
  if (word.length >= 3 && (other.startsWith(word) || word.startsWith(other))) return 0.8;
  const score = 1 - distance(word, other) / Math.max(word.length, other.length);
  return score >= 0.5 ? score : 0;
}

/** Every page of elements.json (its elements' Overviews among them) with the words it can be found by. */
export function candidatesOf(elementsJson) {
  const candidates = [];
  for (const element of elementsJson.elements ?? []) {
    const elementWords = [...wordsOf(element.folder ?? ""), ...wordsOf(element.name ?? ""), ...wordsOf(element.key ?? "")];
    for (const page of element.pages ?? []) {
      const words = [...new Set([...elementWords, ...wordsOf(new URL(page.url, "http://site").pathname), ...wordsOf(page.title ?? "")])];
      candidates.push({ title: page.title, element: element.name, url: page.url, words, overview: page.url === element.url });
    }
  }
  return candidates;
}

/**
 * The `limit` candidates closest to `address`, best first; none when the address has no words of its own or
 * nothing comes close (on average, each word of the address must half match).
 */
export function closestPages(address, candidates, limit = 5) {
  const wanted = wordsOf(address);
  if (wanted.length === 0) return [];
  const scored = [];
  for (const candidate of candidates) {
    let score = 0;
    for (const word of wanted) score += Math.max(0, ...candidate.words.map((other) => likeness(word, other)));
    // Of two equal matches the page with fewer words of its own (the more specific one) comes first.
    if (score / wanted.length >= 0.5) scored.push({ candidate, score: score - candidate.words.length / 1000 });
  }
  // An address that names only an element matches all its pages alike: its Overview comes first.
  return scored
    .sort((a, b) => b.score - a.score || b.candidate.overview - a.candidate.overview || a.candidate.url.localeCompare(b.candidate.url))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
