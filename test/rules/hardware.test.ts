import cases from './cases/hardware.js';
import { testRules } from './tester.js';

testRules(cases);
