import cases from './cases/misc.js';
import { testRules } from './tester.js';

testRules(cases);
