import cases from './cases/guest.js';
import { testRules } from './tester.js';

testRules(cases);
