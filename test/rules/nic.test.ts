import cases from './cases/nic.js';
import { testRules } from './tester.js';

testRules(cases);
