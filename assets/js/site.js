// Progressive enhancements; every page works without this file.
// - Theme toggle: reveals the header's hidden button; the choice is stored and re-applied by theme.js.
// - Copy buttons: reveals each code block's hidden "Copy" button when the Clipboard API is available.
(() => {
  const root = document.documentElement;
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  const activeTheme = () => root.dataset.theme || (systemDark.matches ? "dark" : "light");

  function setUpThemeToggle() {
    const button = document.querySelector(".theme-toggle");
    if (!button) return;
    const sync = () => button.setAttribute("aria-pressed", String(activeTheme() === "dark"));
    button.addEventListener("click", () => {
      const next = activeTheme() === "dark" ? "light" : "dark";
      root.dataset.theme = next;
      try {
        localStorage.setItem("theme", next);
      } catch {
        // Not persisted when storage is blocked; the choice still holds for this page.
      }
      sync();
    });
    // With no stored choice the page follows the system, so keep the button's state in step with it.
    systemDark.addEventListener("change", sync);
    sync();
    button.hidden = false;
  }

  const resetTimers = new WeakMap();

  function showBriefly(button, text) {
    clearTimeout(resetTimers.get(button));
    button.textContent = text;
    resetTimers.set(button, setTimeout(() => { button.textContent = "Copy"; }, 2000));
  }

  function setUpCopyButtons() {
    // navigator.clipboard exists only in secure contexts (https, localhost).
    if (!navigator.clipboard) return;
    for (const button of document.querySelectorAll(".code-block__copy")) {
      button.setAttribute("aria-live", "polite");
      button.hidden = false;
    }
    document.addEventListener("click", async (event) => {
      const button = event.target instanceof Element ? event.target.closest(".code-block__copy") : null;
      if (!button) return;
      const pre = button.closest(".code-block")?.querySelector("pre");
      if (!pre) return;
      try {
        // textContent is the code without the highlighting markup, line breaks included.
        await navigator.clipboard.writeText(pre.textContent ?? "");
        showBriefly(button, "Copied");
      } catch {
        showBriefly(button, "Copy failed");
      }
    });
  }

  setUpThemeToggle();
  setUpCopyButtons();
})();
