/**
 * A file of the generator's own install that is missing or cannot be loaded (a node_modules left half-installed,
 * or changed under a running build): neither the page's mistake nor a bug of ours. Thrown where such a file is
 * loaded as a page needs it; the page is then reported with `INSTALL_HINT` (code `generator-install`).
 */
export class InstallProblem extends Error {
  override name = "InstallProblem";
}

export const INSTALL_HINT = "Element Guides loads this from node_modules as pages need it: run `npm ci` to install it again, then build again.";
