/** The `--help` texts, one per command (printed on stdout, exit 0). */
import { WORKER_THRESHOLD } from './pool-size.js';

const EXIT = `Exit status: 0 every document passed, 1 a document has an error, 2 the command could not run.`;

/** Top-level help: `vmparams --help`. */
export const MAIN_HELP = `Usage: vmparams <command> [options]

Check and rewrite VMware Cloud Director request documents (InstantiateVAppTemplateParams,
ComposeVAppParams, RecomposeVAppParams, CloneVAppParams, InstantiateOvfParams) and
vSphere instant-clone specs.

Commands:
  validate <file|dir|->...   check documents against the schema and the semantic rules
  normalize <file|->         print the document as typed, normalized JSON
  build <file.json|.yaml|->  turn that JSON (or YAML) back into canonical XML
  fmt <file|dir|->...        rewrite documents in canonical order and layout, comments kept
  rules [ID]                 list the semantic rules, or explain one
  xsd <doc|->... --schema F  check any XML document against any XSD 1.0 schema
  graph <file|->             draw the vApp a request builds (Mermaid, DOT, SVG or JSON)
  lsp [--stdio]              the language server for editors (diagnostics, completion, hover, fmt)
  instant-clone <command>    validate, check privileges of, convert or send an instant-clone spec
  vcd <command>              talk to a live Cloud Director: versions, send, schemas, context

Options:
  -h, --help                 show help (also 'vmparams <command> --help')
  -v, --version              print the version

${EXIT}
`;

/** Help per command. */
export const HELP: Record<string, string> = {
  validate: `Usage: vmparams validate <file|dir|glob|->... [options]

Check request documents: well-formed XML, valid against the Cloud Director XML Schema,
and the semantic rules (see 'vmparams rules'). Directories are searched for *.xml files;
a quoted glob ('templates/**/*.xml') is expanded by vmparams; '-' reads standard input.
Files found in a directory or by a glob skip what .gitignore, the config's "ignore" and
--ignore-pattern leave out, and XML whose root is not a request (pom.xml, say); files
named on the command line are always checked.

Options:
  --format text|json|sarif|junit|github
                             output format (default text); github prints workflow commands
                             (annotations on a pull request)
  -o, --output FILE          write the report to FILE (atomically) instead of stdout
  --no-lint                  report schema and well-formedness problems only
  --strict                   warnings fail too (exit 1)
  --max-warnings N           fail (exit 1) when there are more than N warnings
  -q, --quiet                report errors only (warnings and info are not shown or counted)
  --rule ID=LEVEL            set a rule to off, info, warning or error (repeatable; not xml/xsd)
  -c, --config FILE          use this config file instead of the nearest vmparams.config.json
  --no-config                use no config file
  --ignore-pattern GLOB      also leave out files matching GLOB (relative to the working
                             directory; repeatable)
  --no-ignore                check ignored files too (no .gitignore, config ignore or
                             --ignore-pattern)
  --api-version N.N          target Cloud Director API version, e.g. 36.0
  --schema-dir DIR           validate against the XSDs in DIR (DIR/1.5/schemas/master/master.xsd
                             or DIR/master.xsd) instead of the bundled set
  --engine vmparams|libxml2  XSD engine: vmparams' own (default) or libxml2-wasm, the reference
  --context FILE             a VDC description (JSON) that enables the context rules
  --max-size N               refuse documents larger than N bytes (suffix k, M or G for KiB,
                             MiB, GiB; default 256M)
  --max-depth N              refuse elements nested deeper than N (default 256)
  -j, --jobs N               validate on N threads (default: automatic, worker threads from
                             ${WORKER_THRESHOLD} files on; 1 = no worker threads)
  --color, --no-color        force colour on or off (default: on for a terminal; NO_COLOR,
                             FORCE_COLOR respected)
  -h, --help                 show this help

Config file: the nearest vmparams.config.json from the working directory upward, with
"apiVersion", "context", "strict", "rules" and "ignore" (schemas/vmparams-config.schema.json);
flags win over it. In a document, <!-- vmparams-disable-next-line ID: reason --> and
<!-- vmparams-disable ID --> ... <!-- vmparams-enable ID --> silence semantic rules.

Text output is one problem a line, 'file:line:column: severity rule: message', then a summary.

${EXIT}
`,
  normalize: `Usage: vmparams normalize <file|-> [options]

Print the document as JSON: values decoded (booleans, numbers), documented defaults
made explicit, memory and disk sizes in MB (where that is exact). 'vmparams build' turns
it back into XML.

Options:
  --api-version N.N          normalize for this Cloud Director API version, e.g. 32.0: write
                             the forms it takes (VdcComputePolicy below 33.0, ComputePolicy from
                             33.0 on, ...) and refuse elements it does not have
  --max-size N               refuse documents larger than N bytes (suffix k, M or G; default 256M)
  --max-depth N              refuse elements nested deeper than N (default 256)
  -h, --help                 show this help

Exit status: 0 done, 1 the input is not a request document, 2 the command could not run.
`,
  build: `Usage: vmparams build <file.json|file.yaml|-> [options]

Turn a document given as JSON or YAML (the output of 'vmparams normalize', or written by
hand with a "kind" property; schemas/request.schema.json describes it) into canonical XML
on standard output. Files ending in .yaml or .yml, and input that is not JSON, are YAML.

Options:
  --api-version N.N          write what this Cloud Director API version accepts, e.g. 32.0
                             (VdcComputePolicy below 33.0, ComputePolicy from 33.0 on, ...);
                             an element it does not have is an error naming its version
  --max-size N               refuse input larger than N bytes (suffix k, M or G; default 256M)
  --max-depth N              refuse elements nested deeper than N (default 256)
  -h, --help                 show this help

Exit status: 0 done, 1 the JSON or YAML does not describe a request document, 2 the command could not run.
`,
  fmt: `Usage: vmparams fmt <file|dir|->... [options]

Rewrite documents in canonical form: children in schema order (the fix for the server's
most common complaint, elements out of order), conventional namespace prefixes declared on
the root, two-space indentation, long start tags one attribute a line. Comments, processing
instructions, text, CDATA, mixed and xml:space="preserve" content, the encoding and the XML
declaration are kept as written; a comment moves with the element it belongs to. Prints the
result unless --write or --check is given.

Options:
  --write                    rewrite the files that change, in place and atomically (several
                             files and directories allowed; read-only files are skipped)
  --check                    print the files that are not formatted and exit 1 if there are any
  --print-width N            wrap start tags longer than N columns (default: the config
                             file's printWidth, else 100)
  --config FILE              use this config file instead of the nearest vmparams.config.json
  --no-config                use no config file
  --ignore-pattern GLOB      skip matching files when walking folders (repeatable)
  --no-ignore                do not skip files .gitignore or the config's ignore name
  --max-size N               refuse documents larger than N bytes (suffix k, M or G; default 256M)
  --max-depth N              refuse elements nested deeper than N (default 256)
  -h, --help                 show this help

Exit status: 0 done (or all formatted), 1 a file is not formatted (--check), cannot be read
as a request document or cannot be written, 2 the command could not run.
`,
  xsd: `Usage: vmparams xsd <doc.xml|dir|->... --schema FILE.xsd [options]

Check any XML document against any XSD 1.0 schema (like xmllint --noout --schema). The
schema's includes and imports are read from local files beside it, never from the network;
xsi:schemaLocation in documents is ignored.

Options:
  --schema FILE.xsd          the schema to validate against (required)
  --format text|json         output format (default text); json prints one document
  --engine vmparams|libxml2  vmparams' own engine (default) or libxml2-wasm, the reference
  --color, --no-color        force colour on or off
  -h, --help                 show this help

A schema that is not valid XSD 1.0, or uses a feature the engine does not support, is one line
('schema error: FILE:LINE: ...' or 'unsupported: ...') and exit 2.

${EXIT}
`,
  graph: `Usage: vmparams graph <file.xml|-> [options]

Draw what a request builds: the vApp, its networks (fence mode, parent org VDC network),
each VM (CPUs, memory, disks, OS) and an edge per NIC to its network (index, allocation
mode, IP); also the deleted VMs of a RecomposeVAppParams and the source of a clone.

Options:
  -f, --format mermaid|dot|svg|json
                             output format (default mermaid: a flowchart GitHub renders
                             in a \`\`\`mermaid block; dot for Graphviz; svg a picture; json the data)
  -o, --output FILE          write to FILE (replaced atomically) instead of standard output
  --max-size N               refuse documents larger than N bytes (suffix k, M or G; default 256M)
  --max-depth N              refuse elements nested deeper than N (default 256)
  -h, --help                 show this help

Exit status: 0 done, 1 the input is not a request document, 2 the command could not run.
`,
  lsp: `Usage: vmparams lsp [--stdio]

Run the language server for editors: diagnostics as you type (the problems 'vmparams
validate' reports, with the config file of the document's folder), formatting ('vmparams
fmt'), completion of the elements the schema allows, hover, and code actions (sort children
into schema order, the rules' quick fixes), for .xml documents whose root is one of the five
requests. It speaks the Language Server Protocol over standard input and output; start it
from the editor, not by hand (see the README, "In the editor").

Options:
  --stdio                    talk over standard input and output (the default and only transport)
  -h, --help                 show this help

Exit status: 0 after the editor's shutdown and exit, 1 when the editor went away without them.
`,
  rules: `Usage: vmparams rules [ID] [options]

List every rule (id, severity, one line), or explain one rule: why it matters and how to fix it.
The ids are the 'rule' of each problem that 'vmparams validate' reports.

Options:
  --format text|json         output format (default text)
  -h, --help                 show this help
`,
};
