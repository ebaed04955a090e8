// Loaded in <head> without `defer`, so that it runs before the first paint:
// - re-applies the theme the reader chose earlier (without a choice the stylesheet follows the system);
// - marks the page as scripted (`js` class), so controls that need JavaScript (search, theme toggle,
//   element menu) are laid out from the first frame instead of popping in.
(() => {
  const root = document.documentElement;
  root.classList.add("js");
  try {
    const stored = localStorage.getItem("theme");
    if (stored === "light" || stored === "dark") root.dataset.theme = stored;
  } catch {
    // Storage can be blocked (privacy settings); the system theme applies then.
  }
})();
