/** Shared access to the hardware a document sets: rasd items, HardwareCustomization and VmSpecSection. */
import type { RuleContext } from '../engine.js';
import type { HardwareCustomizationT, RasdItemT } from '../model-types.js';
import { num, text, xchild, type VmView } from '../view.js';
import type { XElement } from '../../../xml/tree.js';

/** Every rasd Item of every VM's VirtualHardwareSection, with its section. */
export function rasdItems(ctx: RuleContext<string>): Array<{ vm: VmView; items: RasdItemT[]; section: object }> {
  return ctx.vmSections('VirtualHardwareSection').map(({ vm, section }) => ({ vm, items: section.Item ?? [], section }));
}

/** The ResourceType number of an item (3 CPU, 4 memory, 10 NIC, 17 disk). */
export const resourceType = (item: RasdItemT): number | undefined => num(item.ResourceType);

/** HardwareCustomization of InstantiateVmParams / SourcedVmInstantiationParams items. */
export function hardwareCustomizations(ctx: RuleContext<string>): Array<{ vm: VmView; hc: HardwareCustomizationT }> {
  return ctx.vms.flatMap((vm) => {
    const hc = (vm.node as { HardwareCustomization?: HardwareCustomizationT }).HardwareCustomization;
    return (vm.kind === 'InstantiateVmParams' || vm.kind === 'SourcedVmInstantiationParams') && hc ? [{ vm, hc }] : [];
  });
}

/** The VmSpecSection of a CreateItem/ReconfigureItem. */
export function vmSpec(vm: VmView): XElement | undefined {
  return xchild(vm.xml, 'VmSpecSection');
}

export { num, text };
