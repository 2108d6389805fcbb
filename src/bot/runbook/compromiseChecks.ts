// Step 3 of the runbook: the compromise check, gathered by the request lifecycle's evidence module (the
// worker gathers the same evidence for cases it opens by itself).
export { gatherEvidence as gatherCompromiseChecks } from '../../requests/index.js';
