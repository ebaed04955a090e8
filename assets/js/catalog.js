// The catalog's filters: narrow the element cards by words (name, key, hub), by hub and by authentication. The
// catalog is complete without this script; it only hides what does not match, and the sections (hubs, or
// letters of an A–Z catalog) left empty, and says how many cards are left in a live region for screen readers.
// `?q=…&hub=…&auth=…` keeps a filter in the URL. A menu whose choices no element has is not on the page.
(() => {
  const form = document.querySelector(".catalog-filter");
  if (!form) return;
  const query = form.querySelector("#catalog-query");
  const menus = [
    { select: form.querySelector("#catalog-hub"), param: "hub", data: "hub" },
    { select: form.querySelector("#catalog-auth"), param: "auth", data: "auth" },
  ].filter((menu) => menu.select);
  const status = form.querySelector(".catalog-filter__status");
  const none = document.querySelector(".catalog__none");
  const cards = [...document.querySelectorAll(".card[data-hub]")].map((card) => ({
    card,
    terms: card.dataset.terms.toLowerCase(),
  }));
  const sections = [...document.querySelectorAll(".catalog__section[data-section]")];
  const sectionLinks = [...document.querySelectorAll(".catalog__nav li[data-section]")];

  function apply() {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = menus.filter((menu) => menu.select.value !== "");
    let shown = 0;
    for (const { card, terms } of cards) {
      card.hidden =
        chosen.some((menu) => card.dataset[menu.data] !== menu.select.value) || !words.every((word) => terms.includes(word));
      if (!card.hidden) shown++;
    }
    const emptySections = new Set();
    for (const section of sections) {
      section.hidden = !section.querySelector(".card:not([hidden])");
      if (section.hidden) emptySections.add(section.dataset.section);
    }
    for (const item of sectionLinks) item.hidden = emptySections.has(item.dataset.section);
    none.hidden = shown > 0;
    const filtering = words.length > 0 || chosen.length > 0;
    status.textContent = filtering ? `${shown} of ${cards.length} elements shown.` : "";

    const url = new URL(location.href);
    url.searchParams.delete("q");
    if (query.value.trim()) url.searchParams.set("q", query.value.trim());
    for (const menu of menus) {
      url.searchParams.delete(menu.param);
      if (menu.select.value) url.searchParams.set(menu.param, menu.select.value);
    }
    history.replaceState(history.state, "", url);
  }

  const params = new URLSearchParams(location.search);
  query.value = params.get("q") ?? "";
  for (const { select, param } of menus) {
    if ([...select.options].some((option) => option.value === params.get(param))) select.value = params.get(param);
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.querySelector(".catalog__reset")?.addEventListener("click", () => {
    query.value = "";
    for (const { select } of menus) select.value = "";
    apply();
    query.focus();
  });
  apply();
})();
