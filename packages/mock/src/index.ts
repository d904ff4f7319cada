export { specPath } from "@dingtalk-conference/spec/document";
export {
  type DocumentedResponse,
  documentedResponses,
  preferHeader,
  UnaskableResponseError,
} from "./documented-responses.js";
export { MockStartError } from "./errors.js";
export { type MockServer, type StartMockOptions, startMock } from "./start-mock.js";
