// The 404 page: fills its search box with the words of the address asked for, and lists the guide pages
// closest to it (assets/js/closest-pages.js), from elements.json. Without JavaScript the page still links to
// the catalog and the home page.
import { candidatesOf, closestPages, wordsOf } from "./closest-pages.js";

const script = document.querySelector("script[data-elements-json]");
const base = script.dataset.base.replace(/\/$/, "");
const path = location.pathname.startsWith(`${base}/`) ? location.pathname.slice(base.length) : location.pathname;

const query = document.querySelector(".not-found__search input[name=q]");
if (query) query.value = wordsOf(path).join(" ");

const section = document.querySelector(".not-found__suggestions");
const list = section?.querySelector("ul");
if (list && wordsOf(path).length > 0) {
  fetch(script.dataset.elementsJson)
    .then((response) => (response.ok ? response.json() : { elements: [] }))
    .then((data) => {
      const found = closestPages(path, candidatesOf(data));
      list.replaceChildren(...found.map(suggestion));
      section.hidden = found.length === 0;
    })
    .catch(() => {
      // No list: the search box and the links below still help.
    });
}

/** One suggestion: the page's title, then its element and address. */
function suggestion(page) {
  const link = Object.assign(document.createElement("a"), { href: page.url });
  link.append(
    Object.assign(document.createElement("span"), { className: "not-found__title", textContent: page.title }),
    Object.assign(document.createElement("span"), { className: "not-found__where", textContent: `${page.element} · ${page.url}` }),
  );
  const item = document.createElement("li");
  item.append(link);
  return item;
}
