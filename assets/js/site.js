// Progressive enhancements; every page can be read without this file.
(() => {
  const root = document.documentElement;
  const systemDark = matchMedia("(prefers-color-scheme: dark)");
  // Where "On this page" stands beside the text; the same width as in site.css.
  const wide = matchMedia("(min-width: 75em)");

  // Theme toggle: the choice is stored and re-applied by theme.js on every page. The button is named for
  // what a click does ("Switch to dark theme"), not as a pressed/unpressed toggle; data-showing picks its icon.
  function setUpThemeToggle() {
    const button = document.querySelector(".theme-toggle");
    if (!button) return;
    const active = () => root.dataset.theme || (systemDark.matches ? "dark" : "light");
    const sync = () => {
      const showing = active();
      button.dataset.showing = showing;
      // The title shows the name on phones, where the button is only its icon. The names are in the page's language.
      const name = showing === "dark" ? button.dataset.toLight : button.dataset.toDark;
      button.textContent = button.title = name || `Switch to ${showing === "dark" ? "light" : "dark"} theme`;
    };
    button.addEventListener("click", () => {
      root.dataset.theme = active() === "dark" ? "light" : "dark";
      try {
        localStorage.setItem("theme", root.dataset.theme);
      } catch {
        // Not persisted when storage is blocked; the choice still holds for this page.
      }
      sync();
    });
    // Without a stored choice the page follows the system, so keep the button in step with it.
    systemDark.addEventListener("change", sync);
    sync();
  }

  // Copy buttons: shown only where the Clipboard API exists (secure contexts: https, localhost).
  function setUpCopyButtons() {
    if (!navigator.clipboard) return;
    // A page in another language than English carries the button's words on <body>.
    const { copy = "Copy", copied = "Copied", copyFailed = "Copy failed" } = document.body.dataset;
    for (const button of document.querySelectorAll(".code-block__copy")) {
      button.setAttribute("aria-live", "polite");
      button.textContent = copy;
      button.hidden = false;
      let reset;
      button.addEventListener("click", async () => {
        try {
          // textContent is the code without the highlighting markup, line breaks included.
          await navigator.clipboard.writeText(button.closest(".code-block").querySelector("pre").textContent);
          button.textContent = copied;
        } catch {
          button.textContent = copyFailed;
        }
        clearTimeout(reset);
        reset = setTimeout(() => (button.textContent = copy), 2000);
      });
    }
  }

  // The element's page list folds behind a button on narrow screens (site.css hides it there).
  function setUpElementMenu() {
    const button = document.querySelector(".guide__menu");
    const sidebar = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!sidebar) return;
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      sidebar.classList.toggle("is-open", open);
    });
  }

  // "On this page": open beside the text on wide screens, and the section being read is marked.
  function setUpTableOfContents() {
    const toc = document.querySelector(".toc");
    if (!toc) return;
    const syncOpen = () => (toc.open = wide.matches);
    wide.addEventListener("change", syncOpen);
    syncOpen();

    const links = [...toc.querySelectorAll("a")];
    const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
    let current;
    const mark = () => {
      // The section being read is the last one whose heading has passed the top fifth of the window;
      // at the very bottom it is the last one, however short.
      const line = innerHeight / 5;
      let index = headings.findLastIndex((h) => h && h.getBoundingClientRect().top < line);
      if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2) index = headings.length - 1;
      const link = links[index];
      if (link === current) return;
      current?.removeAttribute("aria-current");
      link?.setAttribute("aria-current", "true");
      current = link;
    };
    // Observers instead of a scroll listener: called only when a heading crosses that line, or the
    // page footer comes into view.
    const crossing = new IntersectionObserver(mark, { rootMargin: "0px 0px -80% 0px" });
    for (const heading of headings) if (heading) crossing.observe(heading);
    const footer = document.querySelector(".site-footer");
    if (footer) new IntersectionObserver(mark).observe(footer);
  }

  // Search: the button, "/" and Ctrl/Cmd+K open the dialog. Its script and stylesheet load on first use,
  // so a page that is only read never downloads them. A page may add buttons of its own (data-search-open, the
  // home page's search box) and forms (data-search-form, the 404 page's) that open it with their words.
  function setUpSearch() {
    const button = document.querySelector(".search-open");
    if (!button) return;
    let loading;
    const open = async (term) => {
      loading ??= Promise.all([import(button.dataset.searchUi), stylesheet(button.dataset.searchCss)]);
      const [ui] = await loading;
      ui.open(button.dataset, term);
    };
    for (const opener of [button, ...document.querySelectorAll("[data-search-open]")]) opener.addEventListener("click", () => open());
    for (const form of document.querySelectorAll("form[data-search-form]")) {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        open(String(new FormData(form).get("q") ?? ""));
      });
    }
    document.addEventListener("keydown", (event) => {
      if (event.altKey || event.defaultPrevented || document.querySelector("dialog[open]")) return;
      const modified = event.ctrlKey || event.metaKey;
      if ((modified && event.key.toLowerCase() === "k") || (!modified && event.key === "/" && !isTyping(event.target))) {
        event.preventDefault();
        open();
      }
    });
  }

  // Tables and code blocks too wide for the text scroll sideways; data-more says towards which side there is more
  // to see (left, right, both), and site.css fades that edge.
  function setUpScrollCues() {
    const mark = (scroller) => {
      const more = scroller.scrollWidth - scroller.clientWidth;
      const left = scroller.scrollLeft > 1;
      const right = scroller.scrollLeft < more - 1;
      if (more <= 1) delete scroller.dataset.more;
      else scroller.dataset.more = left && right ? "both" : left ? "left" : "right";
    };
    const resized = new ResizeObserver((entries) => entries.forEach((entry) => mark(entry.target)));
    for (const scroller of document.querySelectorAll(".prose table, .prose pre")) {
      resized.observe(scroller);
      scroller.addEventListener("scroll", () => mark(scroller), { passive: true });
    }
  }

  const stylesheet = (href) =>
    new Promise((resolve) => {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
      link.onload = link.onerror = resolve;
      document.head.append(link);
    });

  const isTyping = (target) =>
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

  setUpThemeToggle();
  setUpCopyButtons();
  setUpElementMenu();
  setUpTableOfContents();
  setUpSearch();
  setUpScrollCues();
})();
