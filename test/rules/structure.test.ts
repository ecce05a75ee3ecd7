import cases from './cases/structure.js';
import { testRules } from './tester.js';

testRules(cases);
