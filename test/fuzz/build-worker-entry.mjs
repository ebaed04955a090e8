// Worker threads do not inherit the loader that runs the tests' TypeScript: register tsx, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./build-worker.ts");
