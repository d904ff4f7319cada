import * as client from "@dingtalk-conference/client";
import { answerChecks } from "../shared/checks.mjs";

addEventListener("fetch", (event) => event.respondWith(answerChecks(client, event.request)));
