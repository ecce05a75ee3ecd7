import cases from './cases/network.js';
import { testRules } from './tester.js';

testRules(cases);
