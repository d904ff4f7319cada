const client = require("@dingtalk-conference/client");

// The checks are one ES module for every runtime; CommonJS loads it with import().
import("../shared/checks.mjs")
  .then(({ runChecks }) => runChecks(client, JSON.parse(process.env.ECOSYSTEM_CASE)))
  .then((results) => console.log(JSON.stringify(results)));
