// The search dialog: a small UI of our own over Pagefind's JavaScript API. Pagefind's ready-made UI would
// add inline styles (against the site's Content-Security-Policy) and tens of kilobytes. site.js loads this
// module, and search.css, the first time a reader opens search; the dialog is built then.
const MAX_RESULTS = 10;

/**
 * The dialog's words in English. A page in another language passes its own as JSON in the search button's
 * `data-labels` (from `_data/i18n/<lang>.yml`, src/i18n/ui-labels.ts); a word it lacks stays English.
 */
const ENGLISH = {
  title: "Search the guides",
  close: "Close",
  hub: "Hub",
  all_hubs: "All hubs",
  element: "Element",
  all_elements: "All elements",
  results: "Results",
  none: "No pages match.",
  one: "1 page.",
  many: "{count} pages.",
  more: "{count} pages, the best {shown} shown.",
  keys: "move, Enter opens, Esc closes",
  unavailable: "Search is not available: the search index is written by `npm run build`.",
};

/** The dialog's markup; `text` escapes a label for it. */
const dialogHtml = (t, text) => `
  <div class="search__bar">
    <input class="search__input" type="search" aria-label="${text(t.title)}" autocomplete="off" spellcheck="false" placeholder="${text(t.title)}">
    <button class="search__close" type="button">${text(t.close)}</button>
  </div>
  <div class="search__filters">
    <label>${text(t.hub)} <select class="search__filter" data-filter="hub"><option value="">${text(t.all_hubs)}</option></select></label>
    <label>${text(t.element)} <select class="search__filter" data-filter="element"><option value="">${text(t.all_elements)}</option></select></label>
  </div>
  <p class="search__status" role="status"></p>
  <ol class="search__results" aria-label="${text(t.results)}"></ol>
  <p class="search__help"><kbd>↑</kbd> <kbd>↓</kbd> ${text(t.keys)}</p>`;

let search;

/**
 * Opens the dialog, building it on the first call. `where` holds the search button's data attributes:
 * `bundle`, the URL of Pagefind's files, `base`, the site's base path, and `labels` on a page not in English.
 * Pagefind searches the index of the page's language (its <html lang>). `term`, when given, is searched for.
 */
export function open(where, term) {
  search ??= createSearch(where);
  search.open(term);
}

function createSearch({ bundle, base, labels }) {
  const t = { ...ENGLISH, ...parseLabels(labels) };
  const dialog = Object.assign(document.createElement("dialog"), { className: "search", innerHTML: dialogHtml(t, escapeHtml) });
  dialog.setAttribute("aria-label", t.title);
  document.body.append(dialog);
  const input = dialog.querySelector(".search__input");
  const results = dialog.querySelector(".search__results");
  const status = dialog.querySelector(".search__status");
  const filters = [...dialog.querySelectorAll(".search__filter")];
  let pagefind;
  let generation = 0;

  const loadPagefind = () =>
    (pagefind ??= Promise.all([import(`${bundle}pagefind.js`), shardBundles(bundle).catch(() => null)]).then(async ([api, shards]) => {
      const settings = { baseUrl: base, excerptLength: 18 };
      // Pagefind loads its WebAssembly and worker from the first bundle searched, and merges the others into it.
      await api.options(shards ? { ...settings, basePath: shards.first } : settings);
      await api.init();
      if (shards) await Promise.all(shards.merged.map((url) => api.mergeIndex(url, { ...settings, language: shards.language })));
      // Pagefind adds up the counts of every bundle's filters.
      fillFilters(await api.filters());
      return api;
    }));

  function fillFilters(available) {
    for (const select of filters) {
      const counts = available[select.dataset.filter] ?? {};
      for (const value of Object.keys(counts).sort()) select.add(new Option(`${value} (${counts[value]})`, value));
    }
  }

  async function run() {
    const current = ++generation;
    const term = input.value.trim();
    const chosen = {};
    for (const select of filters) if (select.value) chosen[select.dataset.filter] = select.value;
    if (!term && !Object.keys(chosen).length) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    let found;
    try {
      const api = await loadPagefind();
      // Filters alone (no words) list every page they match.
      found = await api.debouncedSearch(term || null, { filters: chosen }, 100);
    } catch {
      status.textContent = t.unavailable;
      return;
    }
    if (!found || current !== generation) return;
    const shown = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (current !== generation) return;
    results.replaceChildren(...shown.map(resultItem));
    const count = found.results.length;
    const words = count === 0 ? t.none : count === 1 ? t.one : count > MAX_RESULTS ? t.more : t.many;
    status.textContent = words.replace("{count}", count).replace("{shown}", MAX_RESULTS);
  }

  // Arrow keys move between the query and the results; Enter in the query opens the first result;
  // typing on a result goes back to the query.
  dialog.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLSelectElement) return;
    const links = [...results.querySelectorAll("a")];
    const index = links.indexOf(document.activeElement);
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && links.length) {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    } else if (event.key === "Enter" && event.target === input && links.length) {
      event.preventDefault();
      links[0].click();
    } else if (index >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus();
    }
  });
  input.addEventListener("input", run);
  for (const select of filters) select.addEventListener("change", run);
  dialog.querySelector(".search__close").addEventListener("click", () => dialog.close());
  // A click on the backdrop lands on the <dialog> itself (its children cover the box).
  dialog.addEventListener("click", (event) => event.target === dialog && dialog.close());
  // A result on the current page only scrolls, so get the dialog out of the way.
  results.addEventListener("click", (event) => event.target instanceof Element && event.target.closest("a") && dialog.close());

  return {
    open(term) {
      if (!dialog.open) dialog.showModal();
      input.focus();
      if (typeof term === "string") {
        input.value = term;
        run();
      } else {
        input.select();
      }
      loadPagefind().catch(() => {});
    },
  };
}

/**
 * A site built in shards (issue 14) has a Pagefind bundle per shard: the first at `bundle`, the others in the
 * folders that `bundle`/shards.json lists (a one-machine build lists none). Resolves to the bundles to search
 * as one index, or null to search the first alone. Only bundles with pages in the language Pagefind searches
 * for this page take part, each searched in that language: Pagefind would otherwise fall back to another
 * language in a bundle without it. The first is one that Pagefind, left to itself, searches in that language.
 */
async function shardBundles(bundle) {
  const home = new URL(bundle, location.href);
  const folders = await fetchJson(new URL("shards.json", home));
  if (!Array.isArray(folders) || !folders.length) return null;
  // Whole URLs: Pagefind skips a bundle whose path starts the first's (pagefind/ when the first is pagefind/shard-3/).
  const urls = [home, ...folders.filter((folder) => typeof folder === "string").map((folder) => new URL(folder, home))];
  const bundles = await Promise.all(
    urls.map(async (url) => ({ url: url.href, pages: pagesPerLanguage(await fetchJson(new URL("pagefind-entry.json", url))) })),
  );
  const all = {};
  for (const { pages } of bundles) for (const [key, count] of Object.entries(pages)) all[key] = (all[key] ?? 0) + count;
  // As Pagefind reads the page's language (pagefind.js, detectLanguage).
  const lang = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();
  const language = languageIndex(all, lang);
  const holding = bundles.filter(({ pages }) => Object.hasOwn(pages, language));
  if (!holding.length) return null;
  const first = holding.find(({ pages }) => languageIndex(pages, lang) === language) ?? holding[0];
  return { first: first.url, merged: holding.filter((b) => b !== first).map((b) => b.url), language };
}

/** The language index Pagefind searches for a page in `lang`, given its indexes' page counts (its findIndex). */
function languageIndex(pages, lang) {
  if (Object.hasOwn(pages, lang)) return lang;
  const primary = lang.split("-")[0];
  if (Object.hasOwn(pages, primary)) return primary;
  return Object.keys(pages).sort((a, b) => pages[b] - pages[a])[0];
}

/** A bundle's pagefind-entry.json as { language: page count }; none when it could not be read. */
function pagesPerLanguage(entry) {
  const languages = entry?.languages && typeof entry.languages === "object" ? entry.languages : {};
  return Object.fromEntries(Object.entries(languages).map(([key, index]) => [key, Number(index?.page_count) || 0]));
}

/** The JSON at `url`, or undefined when it is missing or not JSON. Revalidated, so a new deploy's list is seen. */
async function fetchJson(url) {
  try {
    const response = await fetch(url, { cache: "no-cache" });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** One result: where it is (element · hub), the page title, and an excerpt with the matched words marked. */
function resultItem(data) {
  const link = document.createElement("a");
  link.className = "search__link";
  link.href = data.url;
  const where = [data.meta.element, data.meta.hub].filter(Boolean).join(" · ");
  if (where) link.append(span("search__where", where));
  link.append(span("search__title", data.meta.title || data.url), excerpt(data.excerpt));
  const item = document.createElement("li");
  item.append(link);
  return item;
}

/**
 * Pagefind's excerpt is HTML: the page text, escaped, with <mark> around matches. It is parsed in an inert
 * document and rebuilt from text and <mark> only, so nothing else can reach the page.
 */
function excerpt(html) {
  const out = span("search__excerpt", "");
  for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
    if (node.nodeName === "MARK") out.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
    else out.append(node.textContent ?? "");
  }
  return out;
}

function parseLabels(json) {
  try {
    return json ? JSON.parse(json) : {};
  } catch {
    return {};
  }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function span(className, text) {
  return Object.assign(document.createElement("span"), { className, textContent: text });
}
