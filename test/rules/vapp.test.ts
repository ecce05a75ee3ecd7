import cases from './cases/vapp.js';
import { testRules } from './tester.js';

testRules(cases);
