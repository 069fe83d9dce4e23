import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

// Typechecks a small module placed inside app/ (virtually) with the project's compiler
// options, so the dictionaries' types are exactly what `npm run typecheck` sees.
function diagnosticsFor(source: string): string[] {
  const configFile = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const fileName = path.join(root, "app", "i18n", "__typecheck_probe__.ts");
  const host = ts.createCompilerHost(parsed.options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    path.resolve(name) === fileName
      ? ts.createSourceFile(name, source, languageVersion, true)
      : original(name, languageVersion, onError, shouldCreate);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
  const program = ts.createProgram([fileName], { ...parsed.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(fileName))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("translation keys are checked by the typecheck", () => {
  it("accepts an area whose two languages have the same keys, and known keys", () => {
    const errors = diagnosticsFor(`
      import { defineMessages } from "./define";
      import { translate } from "./translate";
      export const probe = defineMessages({ vi: { "probe.a": "Một" }, en: { "probe.a": "One" } });
      export const text = translate("vi", "nav.home");
    `);
    expect(errors).toEqual([]);
  });

  it("fails when the English text of a key is missing", () => {
    const errors = diagnosticsFor(`
      import { defineMessages } from "./define";
      export const probe = defineMessages({ vi: { "probe.a": "Một", "probe.b": "Hai" }, en: { "probe.a": "One" } });
    `);
    expect(errors.join("\n")).toMatch(/probe\.b/);
  });

  it("fails when English has a key Vietnamese lacks", () => {
    const errors = diagnosticsFor(`
      import { defineMessages } from "./define";
      export const probe = defineMessages({ vi: { "probe.a": "Một" }, en: { "probe.a": "One", "probe.extra": "Extra" } });
    `);
    expect(errors.join("\n")).toMatch(/probe\.extra/);
  });

  it("fails when code uses a key that no dictionary defines", () => {
    const errors = diagnosticsFor(`
      import { translate } from "./translate";
      export const text = translate("en", "nav.doesNotExist");
    `);
    expect(errors.join("\n")).toMatch(/nav\.doesNotExist/);
  });
});
