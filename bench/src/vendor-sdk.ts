import { createRequire } from "node:module";

type ConferenceModule = typeof import("@alicloud/dingtalk/dist/conference_1_0/client.js");
type OpenApiModule = typeof import("@alicloud/openapi-client");
type TeaUtilModule = typeof import("@alicloud/tea-util");

export interface VendorSdk {
  conference: ConferenceModule;
  OpenApi: OpenApiModule;
  TeaUtil: TeaUtilModule;
}

/**
 * The vendor's SDK is CommonJS with its types under dist/; load it through
 * the entry its documentation uses (`@alicloud/dingtalk/conference_1_0`) and
 * type it with those declarations.
 */
export function loadVendorSdk(): VendorSdk {
  const require = createRequire(import.meta.url);
  return {
    conference: require("@alicloud/dingtalk/conference_1_0"),
    OpenApi: require("@alicloud/openapi-client"),
    TeaUtil: require("@alicloud/tea-util"),
  };
}
