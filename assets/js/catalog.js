// The catalog's filter: narrows the element cards by words (name, key, hub) and by hub. The catalog is
// complete without this script; it only hides what does not match. `?q=…&hub=…` keeps a filter in the URL.
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
  const hubSections = [...document.querySelectorAll(".catalog__hub[data-hub]")];
  const hubLinks = [...document.querySelectorAll(".catalog__hubs li[data-hub]")];

  function apply() {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { card, hub: cardHub, terms } of cards) {
      card.hidden = (hub.value !== "" && cardHub !== hub.value) || !words.every((word) => terms.includes(word));
      if (!card.hidden) shown++;
    }
    const emptyHubs = new Set();
    for (const section of hubSections) {
      section.hidden = !section.querySelector(".card:not([hidden])");
      if (section.hidden) emptyHubs.add(section.dataset.hub);
    }
    for (const item of hubLinks) item.hidden = emptyHubs.has(item.dataset.hub);
    none.hidden = shown > 0;
    const filtering = words.length > 0 || hub.value !== "";
    status.textContent = filtering ? `${shown} of ${cards.length} elements shown.` : "";

    const url = new URL(location.href);
    url.searchParams.delete("q");
    url.searchParams.delete("hub");
    if (query.value.trim()) url.searchParams.set("q", query.value.trim());
    if (hub.value) url.searchParams.set("hub", hub.value);
    history.replaceState(history.state, "", url);
  }

  const params = new URLSearchParams(location.search);
  query.value = params.get("q") ?? "";
  if ([...hub.options].some((option) => option.value === params.get("hub"))) hub.value = params.get("hub");
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.querySelector(".catalog__reset")?.addEventListener("click", () => {
    query.value = "";
    hub.value = "";
    apply();
    query.focus();
  });
  apply();
})();
