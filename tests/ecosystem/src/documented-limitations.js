// What the client's README (Requirements) says does not work in a runtime the
// table checks, declared here and nowhere else. Such a check still shows ✗,
// with the reason in the notes; it fails the run only when it fails for
// another reason, or stops failing: then the README is wrong and must be
// fixed, and its entry here removed.

/**
 * @typedef {object} DocumentedLimitation
 * @property {string} runtime the row's name, as `runtimes` gives it
 * @property {string} check the check that fails there
 * @property {RegExp} failsWith how the check's detail reads when it fails as documented
 * @property {string} documented where the client's README says so, and what it says
 */

/** @type {DocumentedLimitation[]} */
export const documentedLimitations = [
  {
    runtime: "Vercel edge-runtime",
    check: "aborted mid-flight",
    failsWith: /TypeError: AbortSignal\.any is not a function$/,
    documented: "in the client README's Requirements: edge-runtime 4 has no AbortSignal.any()",
  },
];
