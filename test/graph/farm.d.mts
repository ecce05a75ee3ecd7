/** A ComposeVAppParams with `vms` VMs on `networks` (at most 5) vApp networks (see farm.mjs). */
export function farmXml(vms?: number, networks?: number): string;
