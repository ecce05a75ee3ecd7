/**
 * Builders for the five requests and the common jobs: VMs from templates or vApps with names, CPU,
 * memory, disks (resize, add; bus and storage profile), NICs (several networks, IP settings per NIC,
 * the primary NIC), guest customization (Linux, Windows with a domain join), sizing and placement
 * policies, leases and start order. They return plain documents (the model parse returns), so
 * anything they do not cover can be added before build. Options are checked at compile time
 * (exact types: a misspelt key fails tsc, even inside a `.map()` callback) and at run time
 * (BuildError with the path and a did-you-mean).
 */
export { instantiateTemplate } from './instantiate.js';
export { composeVApp } from './compose.js';
export { recomposeVApp } from './recompose.js';
export { cloneVApp } from './clone.js';
export { instantiateOvf, OVF_DESCRIPTOR, type InstantiateOvfDocument } from './ovf.js';
export type { Exact, ExactOptions } from './spec-check.js';
export type * from './types.js';
