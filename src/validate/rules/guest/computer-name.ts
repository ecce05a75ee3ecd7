/** R28: ComputerName is a valid host name, at most 15 characters for Windows and 63 otherwise. */
import { defineRule } from '../engine.js';
import { text, type VmView } from '../view.js';

export default defineRule({
  id: 'guest/computer-name',
  severity: 'error',
  docs: {
    description: 'ComputerName has characters other than letters, digits and hyphens, is all digits, starts or ends with a hyphen, or is too long',
    reason: 'The guest host name must be a DNS label: letters, digits and "-", not only digits, no hyphen at either end, at most 63 characters; Windows NetBIOS names allow only 15. The XSD has no pattern (Programming Guide 5.x length table; vSphere CustomizationUserData doc; tf-vcd#1087; ernest#28; semantic-rules.md R28). Over 15 characters is an error for a Windows guest and a warning when the guest OS is not known from the document.',
    fix: 'Use a short name such as web-01 (15 characters or fewer for Windows).',
  },
  messages: {
    chars: '{{vm}}: ComputerName "{{name}}" may contain only letters, digits and "-"',
    digits: '{{vm}}: ComputerName "{{name}}" must not consist of digits only',
    hyphen: '{{vm}}: ComputerName "{{name}}" must not start or end with "-"',
    windowsLength: '{{vm}}: ComputerName "{{name}}" has {{length}} characters; Windows allows at most 15',
    maybeWindowsLength: '{{vm}}: ComputerName "{{name}}" has {{length}} characters; that is too long if the guest is Windows (at most 15)',
    length: '{{vm}}: ComputerName "{{name}}" has {{length}} characters; at most 63 are allowed',
  },
  check(ctx) {
    const judge = (vm: VmView, node: object, value: string) => {
      const name = value.trim();
      const data = { vm: vm.label, name, length: name.length };
      const at = { node, key: 'ComputerName' };
      if (!/^[A-Za-z0-9-]*$/.test(name)) ctx.report({ ...at, messageId: 'chars', data });
      else if (/^\d+$/.test(name)) ctx.report({ ...at, messageId: 'digits', data });
      else if (name.startsWith('-') || name.endsWith('-')) ctx.report({ ...at, messageId: 'hyphen', data });
      if (name.length > 63) ctx.report({ ...at, messageId: 'length', data });
      else if (name.length > 15) {
        const win = ctx.isWindows(vm);
        if (win === true) ctx.report({ ...at, messageId: 'windowsLength', data });
        else if (win === undefined) ctx.report({ ...at, messageId: 'maybeWindowsLength', severity: 'warning', data });
      }
    };
    return {
      GuestCustomizationSection({ vm, value: gc }) {
        const v = text(gc.ComputerName);
        if (vm && v !== undefined) judge(vm, gc, v);
      },
      InstantiateVmParams({ vm, value: ivp }) {
        const v = text(ivp.ComputerName);
        if (vm && v !== undefined) judge(vm, ivp, v);
      },
    };
  },
});
