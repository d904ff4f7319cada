import * as client from "@dingtalk-conference/client";
import { answerChecks } from "../shared/checks.mjs";

export default {
  fetch: (request) => answerChecks(client, request),
};
