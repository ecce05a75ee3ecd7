/**
 * An editor's side of the protocol for the tests: `node dist/cli/bin.js lsp --stdio` in a child
 * process, driven by a client connection from vscode-languageserver-protocol over its stdio.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeWatchedFilesNotification,
  RegistrationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type FileEvent,
  type PublishDiagnosticsParams,
  type Registration,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { BIN } from '../cli/helpers.js';

/** A running server and the client talking to it. */
export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  /** Everything the server wrote to stderr. */
  stderr = '';
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  /** What the server registered dynamically (client/registerCapability). */
  readonly registrations: Registration[] = [];
  readonly exited: Promise<number | null>;

  /** Start `node dist/cli/bin.js lsp --stdio`, or `command args` (an editor's configuration) with `env`. */
  constructor(opts: { cwd?: string; command?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first (npm test does)`);
    const [command, args] = opts.command ? [opts.command, opts.args ?? []] : [process.execPath, [BIN, 'lsp', '--stdio']];
    this.child = spawn(command, args, { cwd: opts.cwd, stdio: 'pipe', env: opts.env ?? process.env });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      const i = this.waiters.findIndex((w) => w.test(p));
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(p);
    });
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    this.connection.listen();
  }

  /** initialize + initialized, as an editor with snippet support (or not) would send them. */
  async initialize(opts: { snippets?: boolean; rootUri?: string | null; watchFiles?: boolean } = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      workspaceFolders: null,
      capabilities: {
        textDocument: { completion: { completionItem: { snippetSupport: opts.snippets ?? false } }, publishDiagnostics: { versionSupport: true } },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: opts.watchFiles ?? false } },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Open a document; resolves with its first diagnostics. */
  async open(uri: string, text: string, languageId = 'xml'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return (await next).diagnostics;
  }

  /** Send incremental changes; resolves with the diagnostics of the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    const next = this.nextDiagnostics(uri, version);
    await this.send(uri, changes);
    return (await next).diagnostics;
  }

  /** Send incremental changes without waiting for diagnostics; resolves with the new version. */
  async send(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Tell the server files changed (as the editor's file watcher does). */
  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Close a document; resolves with the (empty) diagnostics published for it. */
  async close(uri: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return (await next).diagnostics;
  }

  /** The next diagnostics published for a document (of a version, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Every diagnostics notification so far for a document. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return r === null ? [] : Array.isArray(r) ? r : (r as CompletionList).items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  format(uri: string): Promise<TextEdit[] | null> {
    return this.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    return (r ?? []) as CodeAction[];
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** shutdown, then exit; resolves with the process's exit status. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  /** Stop the server whatever state it is in (test cleanup). */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** A file URI for a path (the file need not exist). */
export const fileUri = (path: string): string => pathToFileURL(path).href;

/** Apply LSP text edits to a text (edits do not overlap; applied from the end). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** A range from 0-based line and character numbers. */
export const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
