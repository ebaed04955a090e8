// "Copy as Markdown" (_includes/page-actions.html): puts the page's Markdown twin, the .md file beside its .html,
// on the clipboard. Shown only where the Clipboard API exists (secure contexts: https, localhost).
(() => {
  const button = document.querySelector(".page-actions__copy");
  const status = document.querySelector(".page-actions__status");
  if (!button || !status || !navigator.clipboard) return;
  button.hidden = false;
  let clear;
  const say = (text) => {
    status.textContent = text;
    clearTimeout(clear);
    clear = setTimeout(() => (status.textContent = ""), 4000);
  };
  const markdown = async () => {
    const response = await fetch(button.dataset.markdown);
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return response.text();
  };
  button.addEventListener("click", async () => {
    const text = markdown();
    try {
      // Handing the clipboard a promise keeps the click's permission while the file loads (Safari asks for it).
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })) })]);
      say(button.dataset.copied || "Copied");
    } catch {
      try {
        await navigator.clipboard.writeText(await text);
        say(button.dataset.copied || "Copied");
      } catch {
        say(button.dataset.copyFailed || "Copy failed");
      }
    }
  });
})();
