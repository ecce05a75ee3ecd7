/** The `--help` texts of `vmparams vcd ...` (interface.md, "Live Cloud Director"). */

const PROG = 'vmparams vcd';

const LOGIN = `Login (send, context; schemas when the server wants one):
  --org ORG                  organization (default System with --provider)
  --user NAME                user name; the password is read from VMPARAMS_VCD_PASSWORD
  --token                    log in with an API token read from VMPARAMS_VCD_TOKEN
  --provider                 log in to the System org as a provider
Connection:
  --ca FILE                  also trust the CA certificate(s) in FILE (PEM), besides the default roots
  --insecure                 do not verify the server certificate (only on a network you trust)
  --timeout SECONDS          time limit of each request, 0.001 to 86400 (default 60); logout waits
                             at most 5 s
HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.`;

/** Help per subcommand, and `main` for `vmparams vcd --help`. */
export const VCD_HELP: Record<string, string> = {
  main: `Usage: ${PROG} <command> --server URL [options]

Talk to a live VMware Cloud Director: list its API versions, send a request document (checked
first, the task followed, errors pointed at lines), download its schemas for offline checks,
and read a VDC into a context file for 'vmparams validate --context'.

Commands:
  versions --server URL                   the API versions the server supports, newest first
  send <file.xml|-> --server URL --to HREF
                                          validate, post to the action of the document's kind,
                                          follow the task; prints the vApp href
  schemas --server URL --out DIR          the server's own XSD set, usable as --schema-dir DIR
  context --server URL --vdc HREF         the VDC description (JSON) for --context

Run '${PROG} <command> --help' for the options of a command.
`,
  versions: `Usage: ${PROG} versions --server URL [--format text|json] [--ca FILE | --insecure] [--timeout SECONDS]

Lists the API versions the server supports (GET /api/versions; no login), newest first, with
'deprecated' and 'alpha' marks. --format json prints {"versions": [...], "selected": "N.N"},
where selected is the version vmparams would send documents at.
Exit status: 0 listed, 2 the server could not be asked.
`,
  send: `Usage: ${PROG} send <file.xml|-> --server URL --to HREF [options]

Checks the document as 'vmparams validate' does (at the API version used, with --context and the
config file), then posts it to {HREF}/action/<name> for its kind with its media type, and follows
the task. InstantiateVAppTemplateParams, ComposeVAppParams, CloneVAppParams and
InstantiateOvfParams go to a VDC href; RecomposeVAppParams to the vApp it changes.

Options:
  --to HREF                  the VDC (or, for recompose, the vApp) href
  --api-version N.N          send at this version (default: the newest the server lists that
                             vmparams knows, not deprecated)
  --context FILE             a VDC description (see '${PROG} context') for the context rules
  --rule ID=LEVEL            set a rule's level (off, info, warning, error), as for validate
  --strict                   warnings also stop the send
  -c, --config FILE          use this config file (default: vmparams.config.json found upward)
  --no-config                use no config file
  --force                    send even when the document has errors
  --no-wait                  do not follow the task: print the task (and vApp) href and exit 0
  --ovf FILE                 InstantiateOvfParams: upload this OVF descriptor and the files it
                             references (read from beside it), then follow the task
  --format text|json         json prints {"status", "task", "vApp", "error"?}
${LOGIN}

Prints the href of the vApp on stdout. Where the server's message names an element of the
document (e.g. cvc-complex-type.2.4.a: ... starting with element 'FenceMode'), the error is
printed as file:line:column of that element.
Exit status: 0 done (or queued), 1 the document has errors or the server refused it or the task
failed, 2 the command could not run (bad option, no server, TLS failure, login refused, timeout).
`,
  schemas: `Usage: ${PROG} schemas --server URL --out DIR [options]

Downloads GET /api/v1.5/schema/master.xsd and every file it includes or imports, from the same
server, into DIR, so that 'vmparams validate --schema-dir DIR' works offline. Imports of files
on other hosts (the DMTF OVF/CIM schemas, w3.org's xml.xsd) are filled from the schemas bundled
with vmparams; the command lists them.
${LOGIN}
Exit status: 0 downloaded, 2 the command could not run.
`,
  context: `Usage: ${PROG} context --server URL --vdc HREF [options]

Reads the VDC and what it links (networks with their subnets and static pools, storage profiles,
compute policies, hardware versions) and prints a VDC description (JSON,
schemas/vdc-context.schema.json) for 'vmparams validate --context FILE' and '${PROG} send --context'.
  --api-version N.N          read at this version (default as for send)
${LOGIN}
Exit status: 0 printed, 2 the command could not run.
`,
};
