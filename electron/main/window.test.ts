// Security tripwires: pins the web preferences of the one BrowserWindow. It parses
// window.ts with the TypeScript compiler and reads the literal object written at
// the `new BrowserWindow({ webPreferences: {…} })` call, so that a changed value, a
// spread, a variable or a second BrowserWindow fails here. These tests restate the
// source on purpose: Electron cannot run here, so nothing else would notice a
// weakened setting (sandbox, context isolation, node integration) before it ships.
// Change a pinned value only together with a reviewed reason.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

function windowCalls(file: string): ts.NewExpression[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const calls: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow')
      calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

function literalValue(node: ts.Expression): unknown {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(node)) return node.text;
  return { expression: node.getText() };
}

describe('web preferences', () => {
  it('the shell creates BrowserWindows in window.ts only', () => {
    const files = fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => windowCalls(path.join(here, f)).length > 0);
    expect(files).toEqual(['window.ts']);
    expect(windowCalls(path.join(here, 'window.ts'))).toHaveLength(1);
  });

  it('are the literal secure settings at the call', () => {
    const [call] = windowCalls(path.join(here, 'window.ts'));
    const options = call?.arguments?.[0];
    expect(options && ts.isObjectLiteralExpression(options)).toBe(true);
    const prefsProp = (options as ts.ObjectLiteralExpression).properties.find(
      (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'webPreferences',
    ) as ts.PropertyAssignment | undefined;
    expect(prefsProp).toBeDefined();
    const prefs = prefsProp!.initializer;
    expect(ts.isObjectLiteralExpression(prefs)).toBe(true);
    const entries: Record<string, unknown> = {};
    for (const p of (prefs as ts.ObjectLiteralExpression).properties) {
      // No spreads or shorthand: every setting is written out.
      expect(ts.isPropertyAssignment(p), p.getText()).toBe(true);
      const assignment = p as ts.PropertyAssignment;
      entries[assignment.name.getText()] = literalValue(assignment.initializer);
    }
    expect(entries).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Devtools in a development run only (run-mode.ts; index.test.ts and
      // index-release.test.ts check the value each run passes).
      devTools: { expression: 'options.devTools' },
      preload: { expression: 'options.preloadPath' },
    });
  });
});
