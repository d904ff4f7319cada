export { specPath } from "@dingtalk-conference/spec/document";
export { MockStartError } from "./errors.js";
export { type MockServer, type StartMockOptions, startMock } from "./start-mock.js";
