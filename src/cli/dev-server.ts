// The live preview in a process of its own (src/dev/live-preview.ts): what serve.ts starts when the generator's
// own code changed, and what the tests start directly.
import { onStopRequest } from "../dev/on-stop-request.ts";
import { LivePreview } from "../dev/live-preview.ts";
import { previewOptions } from "../dev/preview-options.ts";
import { removePreviewOutput } from "../dev/preview-output.ts";
import { answerBeforeOptions } from "./help.ts";
import { PREVIEW_HELP } from "./preview-help.ts";

const early = answerBeforeOptions(process.argv.slice(2), PREVIEW_HELP);
if (early !== undefined) process.exit(early);
const options = previewOptions(process.argv.slice(2));
const preview = new LivePreview(options);
onStopRequest(async () => {
  // Closing the watcher and the server normally takes milliseconds; never hang on it.
  setTimeout(() => {
    removePreviewOutput(options.output);
    process.exit(0);
  }, 2_000).unref();
  await preview.stop({ exiting: true });
  process.exit(0);
});
await preview.start();
// serve.ts restarts us on the same port, so that an open browser tab keeps working.
if (preview.port !== undefined) process.send?.({ port: preview.port });
