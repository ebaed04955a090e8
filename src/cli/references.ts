// `npm run references [-- --check]`: rewrites the writer's guide's two generated references, or with --check only
// says whether they are current (src/authoring/references.ts).
import { writeReferences } from "../authoring/references.ts";

process.exitCode = writeReferences();
