// Finds English sentences written into code: the string and template literals of a TypeScript file that read
// as prose. The engine (src/core) returns ids and parameters and the hosts turn them into words
// (src/shared/locales), so a sentence in src/core is a text no German or Dutch reader ever sees translated.
//
// What counts as prose: a literal (a template's ${…} parts read as one word) that starts with a letter, has at
// least three words and at least two different English function words in lower case ("the", "not", "for"…).
// That catches "no answer within 5 s" and "give a folder target", and leaves alone what is code in another
// language even when it contains English words:
// - protocol text: SOAP/XML fragments, HTTP header values, URLs and OData filters, SQL (keywords in capitals,
//   no function words), iCalendar lines, log event keys ("auth.login.ok");
// - generated scripts: a line of a setup script is PowerShell — a `# …` comment line or a line that calls a
//   Verb-Noun cmdlet or uses a $Variable — and is English like the cmdlets it calls (titles, shells and notes
//   around a script are texts and live in the locale files);
// - developer diagnostics: the message of `new Error(…)`/`TypeError`/`RangeError` is for whoever reads a stack
//   trace (an error a user reads is a CalpumpError with a catalogue id);
// - import paths and literal types.
//
// Short labels are English too: "DTD refused", "unknown network error", "no system proxy setting" carry no two
// function words but still reach the user as the reason, evidence or problem of an error. So a literal is also
// flagged when it is the value of such a property (directly, or as a branch of ?: / ?? / ||) and has at least
// two lower-case words (a fact such as `HTTP 401`, `missing=EwsUrl` or `timeoutMs=30000` has none).
import ts from 'typescript';

export interface ProseLiteral {
  line: number;
  text: string;
}

const FUNCTION_WORDS = new Set(
  (
    'a an the is are was were be been not no nor of to in into on at by for from with without within than then ' +
    'and or but if when which who that this these those it its there their they them you your yet only more ' +
    'same any every none one can cannot could must may should would will has have had does did do give use ' +
    'after before during until while as so too also still here now'
  ).split(' '),
);

/** Properties whose value a host shows: an error's reason, problem or evidence, a route's source, a detail. */
const SHOWN_PROPERTIES = new Set(['reason', 'problem', 'evidence', 'detail', 'source', 'description', 'label']);

const POWERSHELL = /^\s*#|\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b|\$[A-Za-z_]\w*/;
const DIAGNOSTIC_ERRORS = new Set(['Error', 'TypeError', 'RangeError']);

/** Whether a text reads as an English sentence (see the rule above). */
export function looksLikeProse(raw: string): boolean {
  const text = raw.trim();
  if (!/^[A-Za-z]/.test(text) || POWERSHELL.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length < 3) return false;
  const found = new Set(words.map((w) => w.replace(/[^A-Za-z]/g, '')).filter((w) => FUNCTION_WORDS.has(w)));
  return found.size >= 2;
}

/** Whether a text is a label of English words: at least two lower-case words (see the rule above). */
export function looksLikeLabel(raw: string): boolean {
  return raw.split(/\s+/).filter((w) => /^\(?[a-z]{2,}[),.:;]?$/.test(w)).length >= 2;
}

/** The name of the property a literal is the value of, through ?:, ??, || and parentheses. */
function shownProperty(node: ts.Node): string | undefined {
  let p = node.parent;
  while (ts.isConditionalExpression(p) || ts.isBinaryExpression(p) || ts.isParenthesizedExpression(p)) p = p.parent;
  if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return undefined;
  return SHOWN_PROPERTIES.has(p.name.text) ? p.name.text : undefined;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `x${s.literal.text}`).join('');
  return undefined;
}

/** The literal is the message of a diagnostic `new Error(…)`, an import path or a literal type. */
function exempt(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isExternalModuleReference(parent) || ts.isImportTypeNode(parent.parent)) return true;
  return ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && DIAGNOSTIC_ERRORS.has(parent.expression.text);
}

/** The prose literals of one source file, with their 1-based line numbers. */
export function proseLiterals(fileName: string, source: string): ProseLiteral[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ProseLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) {
      const flagged = looksLikeProse(text) || (shownProperty(node) !== undefined && looksLikeLabel(text));
      if (!exempt(node) && flagged) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
