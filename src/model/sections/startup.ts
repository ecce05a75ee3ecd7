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
    attr('id', string, { ns: O, required: true }),
    attr('order', unsignedShort, { ns: O, required: true }),
    attr('startDelay', unsignedShort, { ns: O, default: '0', explicit: true }),
    attr('waitingForGuest', boolean, { ns: O, default: 'false', explicit: true }),
    attr('stopDelay', unsignedShort, { ns: O, default: '0', explicit: true }),
    attr('startAction', string, { ns: O, default: 'powerOn', explicit: true }),
    attr('stopAction', string, { ns: O, default: 'powerOff', explicit: true }),
  ],
  anyAttr: true,
});

export const StartupSection = extend(sectionBase('VApp startup section'), 'StartupSection_Type', {
  children: [many(O, 'Item', StartupItem)],
  anyTail: true,
});
