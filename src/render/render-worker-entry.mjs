// Worker threads do not inherit the tsx loader that `node --import tsx` gave the main thread:
// register it here, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
