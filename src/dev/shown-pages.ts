/** Pages a browser navigated to lately, the latest first: a save re-renders the first few at once. */
export class ShownPages {
  private readonly latest: string[] = [];

  /**
   * @param hot how many of the latest a save re-renders at once (to update them in place)
   * @param kept how many are kept at all (a save that changes one reloads the browsers)
   */
  constructor(
    private readonly hot: number,
    private readonly kept: number,
  ) {}

  note(outputPath: string): void {
    const others = this.latest.filter((shown) => shown !== outputPath);
    this.latest.splice(0, this.latest.length, outputPath, ...others.slice(0, this.kept - 1));
  }

  /** The latest few, to re-render at once. */
  first(): string[] {
    return this.latest.slice(0, this.hot);
  }

  all(): readonly string[] {
    return this.latest;
  }
}
