import * as client from "@dingtalk-conference/client";
import { runChecks } from "../shared/checks.mjs";

const results = await runChecks(client, JSON.parse(process.env.ECOSYSTEM_CASE));
console.log(JSON.stringify(results));
