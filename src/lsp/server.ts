/**
 * The language server (interface.md, "Language server (`vmparams lsp`)"), on vscode-languageserver:
 * incremental sync of `.xml` documents, diagnostics on open and (debounced) on change, formatting,
 * completion, hover, code actions and the `vmparams.graph` command. Documents whose root is not
 * one of the five requests are left alone. A handler that fails logs one line and answers nothing:
 * the server never goes down with a document.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalogue } from '../cli/catalogue.js';
import { CONFIG_FILE_NAME } from '../config/index.js';
import { oneLine } from '../cli/errors.js';
import { packageVersion } from '../cli/version.js';
import { validateSync } from '../validate/index.js';
import { codeActions } from './actions.js';
import { analyse, type Analysis } from './analysis.js';
import { complete } from './completion.js';
import { diagnose, SOURCE, type Finding } from './diagnostics.js';
import { formatEdits } from './format.js';
import { graphOf, GRAPH_COMMAND } from './graph.js';
import { hover } from './hover.js';
import { folderSettings } from './settings.js';

/** Options of the server. */
export interface ServerOptions {
  /** Milliseconds of quiet after a change before the document is checked again (default 150). */
  debounceMs?: number;
}

interface Entry {
  version: number;
  analysis: Analysis;
}

/** Documents the server looks at: `.xml` files (or any document the editor calls XML). */
function isXml(doc: TextDocument): boolean {
  return /\.xml$/i.test(doc.uri.split(/[?#]/)[0]) || doc.languageId === 'xml';
}

/** The folder whose config file applies: the document's own, else the first workspace folder, else the server's cwd. */
function folderOf(uri: string, roots: string[]): string {
  if (uri.startsWith('file:')) {
    try {
      return path.dirname(fileURLToPath(uri));
    } catch {
      // Not a local path (file://host/...): fall through.
    }
  }
  return roots[0] ?? process.cwd();
}

/** Wire the server's handlers to a connection and start listening. */
export function startServer(connection: Connection, opts: ServerOptions = {}): void {
  const debounce = opts.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Entry>();
  const findings = new Map<string, Finding[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  const roots: string[] = [];
  let snippets = false;
  let watchConfig = false;
  const urls = new Map<string, string>();

  const log = (what: string, e: unknown) => connection.console.error(`vmparams: ${what}: ${oneLine(e)}`);

  /** The analysis of the document's current version (read once per version). */
  const analysisOf = (doc: TextDocument): Analysis => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyse(doc.getText());
    cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  };

  /** A request document's analysis, or undefined (not open, not XML, not a request). */
  const requestDoc = (uri: string): Analysis | undefined => {
    const doc = documents.get(uri);
    if (!doc || !isXml(doc)) return undefined;
    const a = analysisOf(doc);
    return a.request ? a : undefined;
  };

  /** Answer a request about the document at `uri` with `fn`; `empty` for a document that is not a request, or when `fn` throws (logged: the server never goes down over one document). */
  const onRequestDoc = <T>(what: string, uri: string | undefined, empty: T, fn: (a: Analysis) => T): T => {
    try {
      const a = uri ? requestDoc(uri) : undefined;
      return a ? fn(a) : empty;
    } catch (e) {
      log(what, e);
      return empty;
    }
  };

  const check = (doc: TextDocument) => {
    timers.delete(doc.uri);
    let list: Finding[] = [];
    try {
      const a = isXml(doc) ? analysisOf(doc) : undefined;
      if (a?.request) {
        const settings = folderSettings(folderOf(doc.uri, roots));
        const head: Finding[] = [];
        if (settings.error) {
          // The document is still checked, with the defaults, so the editor keeps showing its problems.
          head.push({ diagnostic: { range: a.positions.range(0, 0), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: settings.error } });
        }
        try {
          list = [...head, ...diagnose(a, settings.options, (rule) => urls.get(rule))];
        } catch (e) {
          // Options validate cannot use (a context file that is no VDC description, an API version): say so on the document.
          list = [...head, { diagnostic: { range: a.positions.range(0, 0), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: oneLine(e) } }];
        }
      }
    } catch (e) {
      log(`checking ${doc.uri}`, e);
    }
    findings.set(doc.uri, list);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: list.map((f): Diagnostic => f.diagnostic) });
  };

  const schedule = (doc: TextDocument, now: boolean) => {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    timers.set(
      doc.uri,
      setTimeout(() => {
        const current = documents.get(doc.uri);
        if (current) check(current);
      }, now ? 0 : debounce),
    );
  };

  connection.onInitialize((params): InitializeResult => {
    snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    watchConfig = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    for (const f of params.workspaceFolders ?? []) if (f.uri.startsWith('file:')) roots.push(fileURLToPath(f.uri));
    if (roots.length === 0 && params.rootUri?.startsWith('file:')) roots.push(fileURLToPath(params.rootUri));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['<'] },
        hoverProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        executeCommandProvider: { commands: [GRAPH_COMMAND] },
      },
      serverInfo: { name: 'vmparams', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    // A config file that changes (or appears) changes the verdict on every open document.
    if (watchConfig) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
    // Compile the schema set once now, so the first document is checked as fast as the rest.
    void loadCatalogue().then((list) => {
      for (const r of list) if (r.url) urls.set(r.id, r.url);
    });
    setTimeout(() => {
      try {
        validateSync('<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="warm-up"/>');
      } catch (e) {
        log('warming up', e);
      }
    }, 0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) return;
    for (const doc of documents.all()) if (isXml(doc)) schedule(doc, true);
  });

  documents.onDidOpen((e) => schedule(e.document, true));
  documents.onDidChangeContent((e) => {
    // didOpen also fires a content change: that one is checked at once (scheduled above).
    if (!findings.has(e.document.uri) && timers.has(e.document.uri)) return;
    schedule(e.document, false);
  });
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    findings.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params) => onRequestDoc('completion', params.textDocument.uri, [], (a) => complete(a, params.position, { snippets })));
  connection.onHover((params) => onRequestDoc('hover', params.textDocument.uri, null, (a) => hover(a, params.position)));
  connection.onDocumentFormatting((params) => onRequestDoc('formatting', params.textDocument.uri, null, (a) => formatEdits(a)));
  connection.onCodeAction((params) => onRequestDoc('code actions', params.textDocument.uri, [], (a) => codeActions(a, params, findings.get(params.textDocument.uri) ?? [])));
  connection.onExecuteCommand((params) => {
    if (params.command !== GRAPH_COMMAND) return null;
    const [uri, format] = (Array.isArray(params.arguments) ? params.arguments : []) as [string?, string?];
    return onRequestDoc('graph', uri, null, (a) => graphOf(a, format));
  });

  documents.listen(connection);
  connection.listen();
}
