// Lines of code of a file: lines holding at least one token (blank lines and comment-only lines do not count).
import { ts } from 'ts-morph';

export function countLoc(sourceFile: ts.SourceFile): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, sourceFile.languageVariant, sourceFile.text);
  const lineStarts = sourceFile.getLineStarts();
  let lines = 0;
  let lastLine = -1;
  let line = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const start = scanner.getTokenStart();
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= start) line += 1;
    if (line !== lastLine) {
      lines += 1;
      lastLine = line;
    }
  }
  return lines;
}
