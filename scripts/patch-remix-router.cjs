// Runs after `npm install` / `npm ci` (package.json "postinstall"). Remix v2's server matches
// every request against the route table with @remix-run/router 1.x, which flattens, ranks and
// compiles the regular expression of every route on every call: with this app's ~100 routes
// that was a third of the server's CPU per request (profile in docs/decisions/019-route-
// matching-cache.md). React Router 7 caches both (remix-run/react-router#14967); Remix v2 will
// not get that change, so this script applies the same two caches to the CommonJS build the
// server loads (the browser bundle uses the ES module build and is left alone). It is
// idempotent and fails loudly when the file is not the one it was written for.
const fs = require("node:fs");
const path = require("node:path");

const MARKER = "/* sonla-route-cache */";
let file;
try {
  file = require.resolve("@remix-run/router/dist/router.cjs.js", { paths: [path.resolve(__dirname, "..")] });
} catch {
  // Not installed (e.g. a partial install): nothing to patch.
  process.exit(0);
}
let source = fs.readFileSync(file, "utf8");
if (source.includes(MARKER)) process.exit(0);

function replaceOnce(before, after) {
  const at = source.indexOf(before);
  if (at === -1 || source.indexOf(before, at + 1) !== -1) {
    throw new Error(`patch-remix-router: expected exactly one occurrence in ${file} of:\n${before}`);
  }
  source = source.slice(0, at) + after + source.slice(at + before.length);
}

// The server's route tables never change while it runs: flatten and rank each table once.
replaceOnce(
  "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;",
  `  ${MARKER}
  let branches = rankedBranchesCache.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranchesCache.set(routes, branches);
  }
  let matches = null;`,
);
// A route path's regular expression depends on the path and two flags only.
replaceOnce(
  "function compilePath(path, caseSensitive, end) {",
  `const rankedBranchesCache = new WeakMap();
const compiledPathCache = new Map();
function compilePath(path, caseSensitive, end) {
  const key = path + "\\u0000" + (caseSensitive === true) + "\\u0000" + (end !== false);
  let compiled = compiledPathCache.get(key);
  if (!compiled) {
    compiled = compilePathUncached(path, caseSensitive, end);
    // Paths come from the route table, not from requests, so the cache stays small.
    if (compiledPathCache.size < 5000) compiledPathCache.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {`,
);
fs.writeFileSync(file, source);
console.log("patch-remix-router: route matching caches applied to", path.relative(process.cwd(), file));
