/**
 * Holds the browsers' reloads while a page a browser has just opened has not connected to the reload socket yet.
 * The dev server tells only the browsers connected at that moment and replays nothing later, so a save that
 * landed between a page being served and its reload script connecting (a few hundred milliseconds) never showed
 * in that page. A page that never connects (a download, a script that did not run) holds reloads `waitMs` at most.
 */
export class ReloadGate {
  /** When each page opened lately was asked for, oldest first, until its browser connects. */
  private opening: Array<{ at: number }> = [];
  private held: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly waitMs = 3_000) {}

  /**
   * A browser asks for something to open (a navigation, not a script's fetch); `notAPage()` once the answer turns
   * out to be no HTML page (llms.txt, a page's Markdown twin), which has no reload script to connect.
   */
  opened(): { notAPage(): void } {
    const opening = { at: performance.now() };
    this.opening.push(opening);
    return {
      notAPage: () => {
        const index = this.opening.indexOf(opening);
        if (index !== -1) this.opening.splice(index, 1);
        if (!this.waiting()) this.release();
      },
    };
  }

  /** A browser connected to the reload socket: the page asked for first, of those still waiting, is taken as it. */
  connected(): void {
    this.waiting();
    this.opening.shift();
    if (!this.waiting()) this.release();
  }

  /** Sends a reload now, or once the pages being opened have connected. */
  send(reload: () => void): void {
    if (!this.waiting()) {
      reload();
      return;
    }
    this.held.push(reload);
    if (this.timer === undefined) this.timer = setTimeout(() => this.expire(), this.untilOldestExpires());
  }

  close(): void {
    clearTimeout(this.timer);
    this.held = [];
  }

  /** True while a page opened less than `waitMs` ago has not connected; forgets those opened before. */
  private waiting(): boolean {
    const since = performance.now() - this.waitMs;
    while (this.opening.length && this.opening[0].at <= since) this.opening.shift();
    return this.opening.length > 0;
  }

  private untilOldestExpires(): number {
    return Math.max(0, this.opening[0].at + this.waitMs - performance.now());
  }

  private expire(): void {
    this.timer = undefined;
    if (this.waiting()) this.timer = setTimeout(() => this.expire(), this.untilOldestExpires());
    else this.release();
  }

  private release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const held = this.held;
    this.held = [];
    for (const reload of held) reload();
  }
}
