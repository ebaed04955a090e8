// The catalog's filter: narrows the element cards by words (name, key, hub) and by hub. The catalog is
// complete without this script; it only hides what does not match, and the sections (hubs, or letters of an
// A–Z catalog) left empty. `?q=…&hub=…` keeps a filter in the URL. A catalog whose elements name no hub has
// no hub menu.
(() => {
  const form = document.querySelector(".catalog-filter");
  if (!form) return;
  const query = form.querySelector("#catalog-query");
  const hub = form.querySelector("#catalog-hub");
  const status = form.querySelector(".catalog-filter__status");
  const none = document.querySelector(".catalog__none");
  const cards = [...document.querySelectorAll(".card[data-hub]")].map((card) => ({
    card,
    hub: card.dataset.hub,
    terms: card.dataset.terms.toLowerCase(),
  }));
  const sections = [...document.querySelectorAll(".catalog__section[data-section]")];
  const sectionLinks = [...document.querySelectorAll(".catalog__nav li[data-section]")];
  const chosenHub = () => (hub ? hub.value : "");

  function apply() {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { card, hub: cardHub, terms } of cards) {
      card.hidden = (chosenHub() !== "" && cardHub !== chosenHub()) || !words.every((word) => terms.includes(word));
      if (!card.hidden) shown++;
    }
    const emptySections = new Set();
    for (const section of sections) {
      section.hidden = !section.querySelector(".card:not([hidden])");
      if (section.hidden) emptySections.add(section.dataset.section);
    }
    for (const item of sectionLinks) item.hidden = emptySections.has(item.dataset.section);
    none.hidden = shown > 0;
    const filtering = words.length > 0 || chosenHub() !== "";
    status.textContent = filtering ? `${shown} of ${cards.length} elements shown.` : "";

    const url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("hub");
    if (query.value.trim()) url.searchParams.set("q", query.value.trim());
    if (chosenHub()) url.searchParams.set("hub", chosenHub());
    history.replaceState(history.state, "", url);
  }

  const params = new URLSearchParams(location.search);
  query.value = params.get("q") ?? "";
  if (hub && [...hub.options].some((option) => option.value === params.get("hub"))) hub.value = params.get("hub");
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.querySelector(".catalog__reset")?.addEventListener("click", () => {
    query.value = "";
    if (hub) hub.value = "";
    apply();
    query.focus();
  });
  apply();
})();
