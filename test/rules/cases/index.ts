/** Every rule's case table, merged (the meta-test and the schema check read them all). */
import type { RuleCases } from '../tester.js';
import guest from './guest.js';
import hardware from './hardware.js';
import misc from './misc.js';
import network from './network.js';
import nic from './nic.js';
import structure from './structure.js';
import vapp from './vapp.js';

export const allCases: Record<string, RuleCases> = { ...guest, ...hardware, ...misc, ...network, ...nic, ...structure, ...vapp };
