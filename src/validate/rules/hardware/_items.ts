/** Shared access to the hardware a document sets: rasd items, HardwareCustomization and VmSpecSection. */
import type { ElementNode } from '../engine.js';
import type { HardwareCustomizationT, RasdItemT } from '../model-types.js';
import { num, text, xchild, type VmView } from '../view.js';
import type { XElement } from '../../../xml/tree.js';

/** The ResourceType number of an item (3 CPU, 4 memory, 10 NIC, 17 disk). */
export const resourceType = (item: RasdItemT): number | undefined => num(item.ResourceType);

/** The VM of a HardwareCustomization that is the direct child of an InstantiateVmParams / SourcedVmInstantiationParams item, else undefined. */
export function hardwareVm(v: ElementNode<HardwareCustomizationT>): VmView | undefined {
  const { vm } = v;
  return vm && (vm.kind === 'InstantiateVmParams' || vm.kind === 'SourcedVmInstantiationParams') && v.up?.value === vm.node ? vm : undefined;
}

/** The VmSpecSection of a CreateItem/ReconfigureItem. */
export function vmSpec(vm: VmView): XElement | undefined {
  return xchild(vm.xml, 'VmSpecSection');
}

export { num, text };
