// Loaded in <head> without `defer`, so a theme the reader chose earlier is in place before the first
// paint. Without a stored choice the stylesheet follows the system's prefers-color-scheme.
(() => {
  try {
    const stored = localStorage.getItem("theme");
    if (stored === "light" || stored === "dark") {
      document.documentElement.dataset.theme = stored;
    }
  } catch {
    // Storage can be blocked (privacy settings); the system theme applies then.
  }
})();
