/**
 * The CDK stack, checked against the shared definitions and the deployment rules of issue 5. One
 * synthesis serves every check: the modules in checks/ each describe one part of the stack.
 */
import { checkApi } from './checks/api.ts';
import { checkData } from './checks/data.ts';
import { checkEdge } from './checks/edge.ts';
import { checkFunctions } from './checks/functions.ts';
import { checkObservability } from './checks/observability.ts';
import { synthesize } from './synth.ts';

const synthesized = synthesize();

checkData(synthesized);
checkFunctions(synthesized);
checkApi(synthesized);
checkEdge(synthesized);
checkObservability(synthesized);
