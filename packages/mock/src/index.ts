export { MockStartError } from "./errors.js";
export { specPath } from "./spec-path.js";
export { type MockServer, type StartMockOptions, startMock } from "./start-mock.js";
