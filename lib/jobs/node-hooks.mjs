// Lets the worker run under plain Node (`npm run worker`): domain modules start with
// `import "server-only"`, which Next resolves to an empty module on the server; so does this hook.
// (The react-server export condition would do the same but also swaps React for its server build,
// which the message formatter cannot use.)
import { register } from "node:module";

register("./node-hooks-resolve.mjs", import.meta.url);
