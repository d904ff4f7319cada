export { specPath } from "@dingtalk-conference/spec/document";
export {
  curlCommand,
  type DocumentedRequest,
  exampleAccessToken,
  requestFor,
} from "./documented-requests.js";
export {
  type DocumentedResponse,
  describeResponse,
  documentedResponses,
  preferHeader,
  UnaskableResponseError,
} from "./documented-responses.js";
export { MockStartError } from "./errors.js";
export { type MockServer, type StartMockOptions, startMock } from "./start-mock.js";
