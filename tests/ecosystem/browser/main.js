import * as client from "@dingtalk-conference/client";
import { runChecks } from "../shared/checks.mjs";

// The page calls this with the case; its answer goes back to the runner.
globalThis.runEcosystemChecks = (testCase) => runChecks(client, testCase);
