/** ovf:StartupSection (dsp8023 StartupSection_Type; schema-facts.md §4.4): boot order of the vApp's VMs. */
import { NS } from '../../xml/names.js';
import { boolean, string, unsignedShort } from '../codecs.js';
import { attr, complex, extend, many } from '../dsl.js';
import { sectionBase } from '../common.js';

const O = NS.ovf;

/** One `ovf:Item`: every attribute is ovf-qualified; `ovf:id` is the VM's name in Cloud Director. */
export const StartupItem = complex('StartupSection_Item', {
  children: [],
  attrs: [
    attr('id', string, { doc: 'The VM this entry is for: its name in Cloud Director (required).', ns: O, required: true }),
    attr('order', unsignedShort, { doc: 'Position in the boot order; equal numbers start together (required).', ns: O, required: true }),
    attr('startDelay', unsignedShort, { doc: 'Seconds to wait after starting this VM (default 0).', ns: O, default: '0', explicit: true }),
    attr('waitingForGuest', boolean, { doc: 'Wait for the guest OS before continuing (default false).', ns: O, default: 'false', explicit: true }),
    attr('stopDelay', unsignedShort, { doc: 'Seconds to wait after stopping this VM (default 0).', ns: O, default: '0', explicit: true }),
    attr('startAction', string, { doc: 'powerOn or none (default powerOn).', ns: O, default: 'powerOn', explicit: true }),
    attr('stopAction', string, { doc: 'powerOff, guestShutdown or none (default powerOff).', ns: O, default: 'powerOff', explicit: true }),
  ],
  anyAttr: true,
});

export const StartupSection = extend(sectionBase('VApp startup section'), 'StartupSection_Type', {
  children: [many(O, 'Item', StartupItem, { doc: 'The start and stop settings of one VM.' })],
  anyTail: true,
});
