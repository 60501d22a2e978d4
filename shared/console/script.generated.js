// shared/console/settings.ts
var settingsAttribute = "data-console-settings";

// shared/console/client/api.ts
var ApiError = class extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
  status;
  problem;
  retryAfter;
};
async function problemOf(response) {
  try {
    const body = await response.json();
    return { ...body, status: response.status };
  } catch {
    return { status: response.status };
  }
}
function createApi(base, token, signedOut) {
  return {
    async call(method, path, options = {}) {
      const headers = {
        accept: "application/json",
        authorization: `Bearer ${await token()}`
      };
      if (options.body !== void 0) headers["content-type"] = "application/json";
      if (options.raw) headers["content-type"] = options.raw.contentType;
      if (options.ifMatch) headers["if-match"] = options.ifMatch;
      if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
      let response;
      try {
        response = await fetch(new URL(path.replace(/^\//, ""), base), {
          method,
          headers,
          cache: "no-store",
          ...options.body !== void 0 ? { body: JSON.stringify(options.body) } : {},
          ...options.raw ? { body: options.raw.body } : {}
        });
      } catch {
        throw new ApiError(0);
      }
      if (!response.ok) {
        const problem = await problemOf(response);
        if (response.status === 401) signedOut();
        throw new ApiError(response.status, problem, response.headers.get("retry-after") ?? void 0);
      }
      const text = await response.text();
      return { data: text ? JSON.parse(text) : void 0, etag: response.headers.get("etag") };
    }
  };
}

// shared/console/client/channel-words.ts
var zh = {
  webhooks: "Webhook",
  webhooksTitle: "Webhook\uFF08\u5176\u4ED6\u6E20\u9053\uFF09",
  webhooksIntro: "\u6BCF\u6B21\u53D1\u5E03\u66F4\u6B63\u6216\u4FEE\u8BA2\uFF0C\u90FD\u4F1A\u4EE5\u7B7E\u540D\u7684 POST \u53D1\u9001\u5230\u8FD9\u91CC\u7684\u5730\u5740\u3002\u5931\u8D25\u4F1A\u6309\u9000\u907F\u91CD\u8BD5 24 \u5C0F\u65F6\u4EE5\u4E0A\uFF1B\u8FDE\u7EED 10 \u4E2A\u4E8B\u4EF6\u5931\u8D25\u540E\u505C\u7528\u5E76\u63D0\u9192\u7F16\u8F91\u3002",
  noWebhooks: "\u8FD8\u6CA1\u6709 Webhook\u3002",
  url: "\u63A5\u6536\u5730\u5740\uFF08https\uFF09",
  description: "\u8BF4\u660E\uFF08\u53EF\u9009\uFF09",
  add: "\u6DFB\u52A0 Webhook",
  secretOnce: "\u7B7E\u540D\u5BC6\u94A5\u53EA\u663E\u793A\u8FD9\u4E00\u6B21\uFF0C\u8BF7\u7ACB\u5373\u4FDD\u5B58\uFF1A",
  status: { active: "\u542F\u7528", disabled: "\u5DF2\u505C\u7528" },
  failures: (n) => `\u8FDE\u7EED\u5931\u8D25\u4E8B\u4EF6\uFF1A${n}`,
  attempts: "\u6700\u8FD1\u8C03\u7528",
  noAttempts: "\u8FD8\u6CA1\u6709\u8C03\u7528\u3002",
  reEnable: "\u91CD\u65B0\u542F\u7528",
  remove: "\u5220\u9664",
  removeConfirm: "\u5220\u9664\u540E\u4E0D\u518D\u5411\u8FD9\u4E2A\u5730\u5740\u53D1\u9001\u4EFB\u4F55\u4E8B\u4EF6\u3002",
  more: "\u66F4\u591A",
  attemptLine: (event, attempt, outcome, ms) => `${event} \xB7 \u7B2C ${attempt} \u6B21 \xB7 ${outcome} \xB7 ${ms} \u6BEB\u79D2`,
  importNav: "\u5BFC\u5165\u8BA2\u9605\u8005",
  importTitle: "\u5BFC\u5165\u8BA2\u9605\u8005\uFF08CSV\uFF09",
  importIntro: "UTF-8 CSV\uFF0C\u9996\u884C\u4E3A\u5217\u540D\uFF1Achannel,address,topics,follows,language,frequency,consent_at,consent_source\uFF08topics \u7528\u5206\u53F7\u5206\u9694\uFF09\u3002\u6709 consent_at \u548C consent_source \u7684\u884C\u7ACB\u5373\u751F\u6548\uFF1B\u6CA1\u6709\u7684\u4F1A\u6536\u5230\u786E\u8BA4\u90AE\u4EF6\u3002\u5148\u8BD5\u8FD0\u884C\uFF0C\u786E\u8BA4\u65E0\u8BEF\u518D\u5BFC\u5165\u3002",
  file: "CSV \u6587\u4EF6",
  dryRun: "\u8BD5\u8FD0\u884C\uFF08\u4E0D\u5199\u5165\uFF09",
  runImport: "\u5BFC\u5165",
  dryRunDone: "\u8BD5\u8FD0\u884C\u7ED3\u679C\uFF08\u5C1A\u672A\u5199\u5165\uFF09\uFF1A",
  importDone: "\u5BFC\u5165\u5B8C\u6210\uFF1A",
  counts: (c) => `\u65B0\u5EFA ${c.created}\uFF0C\u66F4\u65B0 ${c.updated}\uFF0C\u672A\u53D8 ${c.unchanged}\uFF0C\u53D1\u51FA\u786E\u8BA4 ${c.confirmationsSent}\uFF0C\u8DF3\u8FC7\uFF08\u5DF2\u5C4F\u853D\uFF09${c.skipped}\uFF0C\u62D2\u7EDD ${c.rejected.length}`,
  importStarted: "\u5DF2\u6838\u5BF9\uFF0C\u6B63\u5728\u5199\u5165\uFF1A",
  importWriting: (written, rows) => `\u6B63\u5728\u5199\u5165\uFF1A${rows} \u884C\u4E2D\u5DF2\u5199\u5165 ${written} \u884C\u2026\u2026`,
  importWritten: "\u5199\u5165\u5B8C\u6210\uFF1A",
  rejectedRows: "\u88AB\u62D2\u7EDD\u7684\u884C",
  line: (n) => `\u7B2C ${n} \u884C`,
  chooseFile: "\u8BF7\u9009\u62E9\u4E00\u4E2A CSV \u6587\u4EF6\u3002",
  deliveries: "\u53D1\u9001\u60C5\u51B5",
  deliveriesOf: (v) => `\u7B2C ${v} \u7248`,
  channels: { email: "\u90AE\u4EF6", sms: "\u77ED\u4FE1", webhooks: "Webhook" },
  outcomes: {
    planned: "\u8BA1\u5212",
    sent: "\u5DF2\u53D1\u9001",
    pending: "\u5F85\u53D1\u9001",
    failed: "\u5931\u8D25\u91CD\u8BD5\u4E2D",
    parked: "\u5DF2\u653E\u5F03",
    suppressed: "\u5DF2\u5C4F\u853D"
  },
  refresh: "\u5237\u65B0",
  reannounce: "\u91CD\u65B0\u53D1\u9001",
  reannounceConfirm: "\u5411\u53D7\u4F17\u4E2D\u5C1A\u672A\u6536\u5230\u6700\u65B0\u7248\u672C\u7684\u4EBA\u518D\u6B21\u53D1\u9001\uFF08\u4E0D\u4F1A\u91CD\u590D\u53D1\u9001\uFF09\u3002",
  reannounced: "\u5DF2\u5B89\u6392\u91CD\u65B0\u53D1\u9001\u3002"
};
var en = {
  webhooks: "Webhooks",
  webhooksTitle: "Webhooks (other channels)",
  webhooksIntro: "Every published correction and amendment is POSTed here, signed. Failures are retried with backoff for over 24 hours; after 10 failed events in a row a webhook is disabled and the editors are alerted.",
  noWebhooks: "No webhooks yet.",
  url: "Receiving URL (https)",
  description: "Description (optional)",
  add: "Add webhook",
  secretOnce: "The signing secret is shown this once: store it now:",
  status: { active: "Active", disabled: "Disabled" },
  failures: (n) => `Failed events in a row: ${n}`,
  attempts: "Latest calls",
  noAttempts: "No calls yet.",
  reEnable: "Re-enable",
  remove: "Remove",
  removeConfirm: "Once removed, nothing more is sent to this address.",
  more: "More",
  attemptLine: (event, attempt, outcome, ms) => `${event} \xB7 try ${attempt} \xB7 ${outcome} \xB7 ${ms} ms`,
  importNav: "Import subscribers",
  importTitle: "Import subscribers (CSV)",
  importIntro: 'UTF-8 CSV with a header row: channel,address,topics,follows,language,frequency,consent_at,consent_source (topics separated by ";"). Rows with consent_at and consent_source are active at once; the others get a confirmation email. Dry run first, then import.',
  file: "CSV file",
  dryRun: "Dry run (writes nothing)",
  runImport: "Import",
  dryRunDone: "Dry run (nothing written yet):",
  importDone: "Imported:",
  counts: (c) => `created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, confirmations sent ${c.confirmationsSent}, skipped (suppressed) ${c.skipped}, rejected ${c.rejected.length}`,
  importStarted: "Checked, now being written:",
  importWriting: (written, rows) => `Writing: ${written} of ${rows} rows written\u2026`,
  importWritten: "Written:",
  rejectedRows: "Rejected rows",
  line: (n) => `Line ${n}`,
  chooseFile: "Choose a CSV file.",
  deliveries: "Delivery",
  deliveriesOf: (v) => `Version ${v}`,
  channels: { email: "Email", sms: "SMS", webhooks: "Webhooks" },
  outcomes: {
    planned: "Planned",
    sent: "Sent",
    pending: "Pending",
    failed: "Retrying",
    parked: "Gave up",
    suppressed: "Suppressed"
  },
  refresh: "Refresh",
  reannounce: "Re-announce",
  reannounceConfirm: "Send the latest version again to everyone in its audience who has not received it (nobody gets it twice).",
  reannounced: "Re-announcement queued."
};
var channelWords = { "zh-CN": zh, en };

// shared/console/client/dom.ts
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === void 0) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}
function append(parent, ...children) {
  for (const child of children) {
    if (child === null || child === void 0 || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}
function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, ...children);
}
function webLink(url) {
  let protocol = "";
  try {
    protocol = new URL(url).protocol;
  } catch {
  }
  return protocol === "http:" || protocol === "https:" ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url) : document.createTextNode(url);
}
var ids = 0;
var uniqueId = (prefix) => `${prefix}-${++ids}`;

// shared/domain/case.ts
var caseStatuses = [
  "received",
  "in_review",
  "drafting",
  "awaiting_approval",
  "approved",
  "published",
  "closed"
];
var severities = ["low", "normal", "high", "critical"];
var verdicts = ["correction", "clarification", "no_action", "duplicate"];
var correctionTypes = ["correction", "clarification", "retraction"];
var languages = ["zh-CN", "en"];
var systemActor = "system";

// shared/domain/errors.ts
var DomainError = class extends Error {
  constructor(message) {
    super(message);
    this.name = new.target.name;
  }
};
var PermissionDenied = class extends DomainError {
};

// shared/domain/roles.ts
var roles = ["reviewer", "editor", "admin"];
var reviewer = ["read", "open", "assign", "review", "draft", "submit"];
var editor = [
  ...reviewer,
  "approve",
  "request-changes",
  "close",
  "update",
  "amend",
  "announce"
];
var grants = {
  reviewer,
  editor,
  admin: [
    ...editor,
    "manage-topics",
    "manage-webhooks",
    "import-subscribers",
    "read-suppressions",
    "erase-personal-data"
  ]
};
var can = (actor, capability) => actor.roles.some((role) => grants[role].includes(capability));
function requireCapability(actor, capability) {
  if (!can(actor, capability)) {
    throw new PermissionDenied(
      `Your groups (${actor.roles.join(", ") || "none"}) do not allow "${capability}".`
    );
  }
}

// shared/domain/severity.ts
var defaultSeverityPolicy = {
  dueMinutes: { critical: 2 * 60, high: 24 * 60, normal: 72 * 60, low: 7 * 24 * 60 },
  escalateAt: { high: 5, critical: 20 }
};

// shared/domain/lifecycle.ts
var beforeApproval = ["received", "in_review", "drafting", "awaiting_approval"];
var rules = {
  assign: { from: ["received", "in_review"], capability: "assign" },
  review: { from: ["in_review"], capability: "review" },
  draft: { from: ["drafting"], capability: "draft" },
  submit: { from: ["drafting"], capability: "submit" },
  "request-changes": { from: ["awaiting_approval"], capability: "request-changes" },
  approve: { from: ["awaiting_approval"], capability: "approve" },
  close: { from: beforeApproval, capability: "close" },
  update: { from: beforeApproval, capability: "update" },
  publish: { from: ["approved"], capability: "system" }
};
function allowedActions(status) {
  return Object.keys(rules).filter(
    (action) => rules[action].capability !== "system" && rules[action].from.includes(status)
  );
}
function requireAction(actor, action) {
  const { capability } = rules[action];
  if (capability === "system") {
    if (actor.id !== systemActor) throw new PermissionDenied(`Only the publisher may ${action} a case.`);
    return;
  }
  requireCapability(actor, capability);
}
function draftAuthors(c) {
  return c.draftAuthors ?? (c.draft ? [c.draft.author] : []);
}

// shared/domain/sms.ts
var gsmBasic = /* @__PURE__ */ new Set(
  `@\xA3$\xA5\xE8\xE9\xF9\xEC\xF2\xC7
\xD8\xF8\r\xC5\xE5\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\xC6\xE6\xDF\xC9 !"#\xA4%&'()*+,-./0123456789:;<=>?\xA1ABCDEFGHIJKLMNOPQRSTUVWXYZ\xC4\xD6\xD1\xDC\xA7\xBFabcdefghijklmnopqrstuvwxyz\xE4\xF6\xF1\xFC\xE0`
);
var gsmExtension = /* @__PURE__ */ new Set("^{}\\[~]|\u20AC\f");
var single = { "GSM-7": 160, "UCS-2": 70 };
var concatenated = { "GSM-7": 153, "UCS-2": 67 };
function smsEncoding(text) {
  for (const char of text) {
    if (!gsmBasic.has(char) && !gsmExtension.has(char)) return "UCS-2";
  }
  return "GSM-7";
}
function smsUnits(text, encoding = smsEncoding(text)) {
  if (encoding === "UCS-2") return text.length;
  let units = 0;
  for (const char of text) units += gsmExtension.has(char) ? 2 : 1;
  return units;
}
function smsSegments(text) {
  const encoding = smsEncoding(text);
  const units = smsUnits(text, encoding);
  if (units === 0) return 0;
  return units <= single[encoding] ? 1 : Math.ceil(units / concatenated[encoding]);
}
var fitsOneSegment = (text) => smsSegments(text) <= 1;
function fitOneSegment(prefix, text, suffix) {
  const whole = prefix + text + suffix;
  if (fitsOneSegment(whole)) return whole;
  const encoding = smsEncoding(whole);
  const ellipsis = encoding === "GSM-7" ? "..." : "\u2026";
  const chars = [...text];
  for (let keep2 = chars.length - 1; keep2 >= 0; keep2--) {
    const candidate = prefix + chars.slice(0, keep2).join("").trimEnd() + ellipsis + suffix;
    if (fitsOneSegment(candidate)) return candidate;
  }
  return prefix.trimEnd() + suffix;
}
var composeSms = (text, link) => `${text} ${link}`;

// shared/presentation/words.ts
var typeLabels = {
  "zh-CN": { correction: "\u66F4\u6B63", clarification: "\u6F84\u6E05", retraction: "\u64A4\u56DE" },
  en: { correction: "Correction", clarification: "Clarification", retraction: "Retraction" }
};
var updatedLabel = { "zh-CN": "\u66F4\u65B0", en: "updated" };
function correctionLabel(correction, language2) {
  const base = typeLabels[language2][correction.type];
  return correction.version > 1 ? `${base} \xB7 ${updatedLabel[language2]}` : base;
}
function topicName(topics2, key, language2) {
  const names = topics2.find((topic) => topic.key === key)?.names;
  return names?.[language2] ?? names?.["zh-CN"] ?? key;
}

// shared/presentation/sms-messages.ts
var phrases = {
  "zh-CN": {
    prefix: (label) => `\u3010${label}\u3011`,
    replyPublished: (label) => `\u611F\u8C22\u62A5\u544A\uFF0C\u5DF2\u53D1\u5E03${label}\uFF1A`,
    replyAmended: (label) => `\u60A8\u62A5\u544A\u7684\u95EE\u9898\u7684${label}\u5DF2\u66F4\u65B0\uFF1A`,
    code: (code) => `\u60A8\u7684\u8BA2\u9605\u9A8C\u8BC1\u7801\uFF1A${code}\uFF0C15\u5206\u949F\u5185\u6709\u6548\u3002`,
    digest: (period, n) => `${period}\u6709${n}\u5219\u60A8\u5173\u6CE8\u7684\u66F4\u6B63\uFF1A`,
    digestCount: (n) => `${n}\u5219\u60A8\u5173\u6CE8\u7684\u66F4\u6B63\uFF1A`,
    digestLabel: "\u66F4\u6B63\u6C47\u603B"
  },
  en: {
    prefix: (label) => `${label}: `,
    replyPublished: (label) => `Thanks for your report. ${label}: `,
    replyAmended: (label) => `${label} updated after your report: `,
    code: (code) => `Your subscription code is ${code}. It expires in 15 minutes.`,
    digest: (period, n) => `${period}: ${n} ${n === 1 ? "correction" : "corrections"} on what you follow: `,
    digestCount: (n) => `${n} ${n === 1 ? "correction" : "corrections"}: `,
    digestLabel: "Corrections"
  }
};
function correctionSms(wording, language2, permalink2) {
  if (wording.smsText) return composeSms(wording.smsText, permalink2);
  return fitOneSegment(
    phrases[language2].prefix(correctionLabel(wording, language2)),
    wording.headline,
    ` ${permalink2}`
  );
}

// shared/console/client/model.ts
function base64UrlDecode(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(base64.length + (4 - base64.length % 4) % 4, "="));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
function readClaims(token) {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  const claims = JSON.parse(base64UrlDecode(payload));
  if (typeof claims.sub !== "string" || typeof claims.exp !== "number") throw new Error("no sub or exp");
  const groups = Array.isArray(claims["cognito:groups"]) ? claims["cognito:groups"] : [];
  const name = [claims.name, claims.email].find((value) => typeof value === "string" && value);
  return {
    sub: claims.sub,
    ...typeof name === "string" ? { name } : {},
    groups: roles.filter((role) => groups.includes(role)),
    exp: claims.exp
  };
}
var actorOf = (claims) => ({ id: claims.sub, roles: claims.groups });
var mayTake = (actor, action) => {
  try {
    requireAction(actor, action);
    return true;
  } catch {
    return false;
  }
};
function offeredActions(c, actor) {
  const offered = allowedActions(c.status).filter((action) => action !== "publish").filter((action) => mayTake(actor, action)).map((action) => {
    if (action === "approve" && draftAuthors(c).includes(actor.id)) return { action, blocked: "own-draft" };
    if (action === "submit" && !c.draft) return { action, blocked: "needs-draft" };
    return { action };
  });
  if (c.status === "published" && c.correctionId && can(actor, "amend")) offered.push({ action: "amend" });
  return offered;
}
var isOverdue = (c, now) => !["published", "closed"].includes(c.status) && Date.parse(c.dueAt) < now;
function duration(milliseconds, language2) {
  const minutes = Math.max(1, Math.round(Math.abs(milliseconds) / 6e4));
  const [value, unit] = minutes < 60 ? [minutes, "minute"] : minutes < 48 * 60 ? [Math.round(minutes / 60), "hour"] : [Math.round(minutes / 1440), "day"];
  return new Intl.NumberFormat(language2, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
function oneSegmentUnits(encoding) {
  const sample = encoding === "GSM-7" ? "a" : "\u4E2D";
  let units = 1;
  while (smsSegments(sample.repeat(units + 1)) === 1) units++;
  return units;
}
var limits = {
  "GSM-7": oneSegmentUnits("GSM-7"),
  "UCS-2": oneSegmentUnits("UCS-2")
};
function measureSms(draft, c, link) {
  const smsText = draft.smsText.trim() ? draft.smsText : void 0;
  const text = correctionSms(
    { type: draft.type, headline: draft.headline, body: draft.body, smsText, version: c.amends ? 2 : 1 },
    c.language,
    link
  );
  const encoding = smsEncoding(text);
  return {
    text,
    derived: !smsText,
    encoding,
    units: smsUnits(text, encoding),
    limit: limits[encoding],
    segments: smsSegments(text)
  };
}
var fieldMessage = (error, translations) => error.code && translations[error.code]?.(error.limit) || error.message;
function errorsByField(errors, fields, translations = {}) {
  const byField = /* @__PURE__ */ new Map();
  const other = [];
  for (const error of errors) {
    const field2 = error.path.split(/[.[\]]/).filter(Boolean).reverse().find((part) => fields.includes(part));
    if (field2) byField.set(field2, [...byField.get(field2) ?? [], fieldMessage(error, translations)]);
    else other.push({ ...error, message: fieldMessage(error, translations) });
  }
  return { byField, other };
}
function idempotencyKeyFor(previous, body, newKey) {
  return previous?.body === body ? previous : { key: newKey(), body };
}
var ifMatchOf = (c, etag) => etag ?? `"${c.version}"`;

// shared/console/client/privacy-words.ts
var zh2 = {
  eraseNav: "\u5220\u9664\u4E2A\u4EBA\u6570\u636E",
  eraseTitle: "\u5220\u9664\u4E00\u4E2A\u4EBA\u7684\u6570\u636E",
  eraseIntro: "\u5E94\u672C\u4EBA\u8BF7\u6C42\uFF08\u4E2A\u4EBA\u4FE1\u606F\u4FDD\u62A4\u6CD5\u3001GDPR\uFF09\uFF1A\u4ECE\u8BA2\u9605\u3001\u6BCF\u4EFD\u62A5\u544A\u7684\u8054\u7CFB\u65B9\u5F0F\u548C\u53D1\u9001\u8BB0\u5F55\u4E2D\u5220\u9664\u8FD9\u4E2A\u5730\u5740\uFF0C\u5E76\u6C38\u4E45\u5C4F\u853D\u5B83\uFF08\u53EA\u4FDD\u7559\u52A0\u5BC6\u6563\u5217\uFF09\u3002\u62A5\u544A\u5185\u5BB9\u548C\u5DF2\u53D1\u5E03\u7684\u66F4\u6B63\u4E0D\u53D8\u3002\u5BA1\u8BA1\u8BB0\u5F55\u53EA\u4FDD\u5B58\u6563\u5217\uFF0C\u4E0D\u4FDD\u5B58\u5730\u5740\u3002",
  channel: "\u65B9\u5F0F",
  channels: { email: "\u7535\u5B50\u90AE\u4EF6", sms: "\u624B\u673A\u53F7\u7801\uFF08\u77ED\u4FE1\uFF09" },
  address: "\u5730\u5740\u6216\u53F7\u7801",
  addressHint: "\u7535\u5B50\u90AE\u4EF6\u5730\u5740\uFF0C\u6216 E.164 \u683C\u5F0F\u7684\u53F7\u7801\uFF0C\u5982 +8613800138000",
  erase: "\u5220\u9664\u5E76\u5C4F\u853D",
  confirmTitle: "\u5220\u9664\u8FD9\u4E2A\u4EBA\u7684\u6570\u636E\uFF1F",
  confirmMessage: "\u8BA2\u9605\u3001\u8054\u7CFB\u65B9\u5F0F\u548C\u53D1\u9001\u8BB0\u5F55\u5C06\u88AB\u5220\u9664\uFF0C\u65E0\u6CD5\u6062\u590D\uFF1B\u6B64\u5730\u5740\u4ECA\u540E\u4E0D\u4F1A\u518D\u6536\u5230\u4EFB\u4F55\u6D88\u606F\u3002",
  erased: (c) => `\u5DF2\u5220\u9664\uFF1A\u8BA2\u9605 ${c.subscriptions} \u4E2A\uFF0C\u62A5\u544A\u4E2D\u7684\u8054\u7CFB\u65B9\u5F0F ${c.submissions} \u4EFD\uFF0C\u53D1\u9001\u8BB0\u5F55 ${c.deliveries} \u6761\u3002\u6B64\u5730\u5740\u5DF2\u5C4F\u853D\u3002`
};
var en2 = {
  eraseNav: "Erase a person",
  eraseTitle: "Erase a person\u2019s data",
  eraseIntro: "At the person\u2019s request (PIPL, GDPR): removes the address from their subscription, from the contact of every report and from the delivery records, and suppresses it for good (kept only as a keyed hash). Reports and published corrections do not change. The audit entry keeps the hash, never the address.",
  channel: "Channel",
  channels: { email: "Email", sms: "Phone number (SMS)" },
  address: "Address or number",
  addressHint: "An email address, or a number in E.164 form such as +8613800138000",
  erase: "Erase and suppress",
  confirmTitle: "Erase this person\u2019s data?",
  confirmMessage: "Their subscription, contact details and delivery records are deleted and cannot be brought back; the address gets nothing from the desk again.",
  erased: (c) => `Erased: ${c.subscriptions} subscription(s), the contact on ${c.submissions} report(s), ${c.deliveries} delivery record(s). The address is suppressed.`
};
var privacyWords = { "zh-CN": zh2, en: en2 };

// shared/console/client/oauth.ts
var scopes = "openid email profile";
var base64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
var randomToken = (bytes = 32) => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
async function codeChallenge(verifier) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
function authorizeUrl(client, state, challenge) {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: scopes,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256"
  });
  return `${client.domainUrl}/oauth2/authorize?${query}`;
}
var codeExchange = (client, code, verifier) => ({
  url: `${client.domainUrl}/oauth2/token`,
  body: new URLSearchParams({
    grant_type: "authorization_code",
    client_id: client.clientId,
    code,
    redirect_uri: client.redirectUri,
    code_verifier: verifier
  })
});
var refreshExchange = (client, refreshToken) => ({
  url: `${client.domainUrl}/oauth2/token`,
  body: new URLSearchParams({
    grant_type: "refresh_token",
    client_id: client.clientId,
    refresh_token: refreshToken
  })
});
var revocation = (client, refreshToken) => ({
  url: `${client.domainUrl}/oauth2/revoke`,
  body: new URLSearchParams({ token: refreshToken, client_id: client.clientId })
});
var logoutUrl = (client) => `${client.domainUrl}/logout?${new URLSearchParams({ client_id: client.clientId, logout_uri: client.redirectUri })}`;
function isTokenResponse(value) {
  const candidate = value;
  return typeof candidate?.id_token === "string" && typeof candidate.access_token === "string";
}

// shared/console/client/session.ts
var sessionKey = "corrections-console.session";
var flowKey = "corrections-console.sign-in";
var expiryMarginMs = 3e4;
function keep(token, refreshToken) {
  const session2 = { token, ...refreshToken ? { refreshToken } : {}, claims: readClaims(token) };
  sessionStorage.setItem(sessionKey, JSON.stringify({ token, refreshToken }));
  return session2;
}
function loadSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(sessionKey) ?? "null");
    if (!stored) return void 0;
    return { ...stored, claims: readClaims(stored.token) };
  } catch {
    sessionStorage.removeItem(sessionKey);
    return void 0;
  }
}
var clearSession = () => sessionStorage.removeItem(sessionKey);
var isFresh = (session2, now = Date.now()) => session2.claims.exp * 1e3 - expiryMarginMs > now;
async function postForm(request) {
  const response = await fetch(request.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: request.body
  });
  const body = await response.json().catch(() => void 0);
  if (!response.ok || !isTokenResponse(body)) {
    const error = body?.error;
    throw new Error(error ?? `HTTP ${response.status}`);
  }
  return body;
}
async function devSignIn(apiBase2, identity) {
  const response = await fetch(new URL("dev/token", apiBase2), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(identity)
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.token) {
    const reasons = body.errors?.map((error) => `${error.path}: ${error.message}`).join("; ");
    throw new Error(reasons || body.detail || `HTTP ${response.status}`);
  }
  return keep(body.token);
}
async function startCognitoSignIn(client, returnTo) {
  const state = randomToken(16);
  const verifier = randomToken();
  sessionStorage.setItem(flowKey, JSON.stringify({ state, verifier, returnTo }));
  location.assign(authorizeUrl(client, state, await codeChallenge(verifier)));
}
async function completeCognitoSignIn(client, query) {
  const flow = JSON.parse(sessionStorage.getItem(flowKey) ?? "null");
  sessionStorage.removeItem(flowKey);
  const error = query.get("error");
  if (error) throw new Error(query.get("error_description") ?? error);
  const code = query.get("code");
  if (!flow || !code || query.get("state") !== flow.state) throw new Error("unexpected sign-in response");
  const tokens = await postForm(codeExchange(client, code, flow.verifier));
  return { session: keep(tokens.id_token, tokens.refresh_token), returnTo: flow.returnTo };
}
async function renew(client, session2) {
  if (!session2.refreshToken) return void 0;
  try {
    const tokens = await postForm(refreshExchange(client, session2.refreshToken));
    return keep(tokens.id_token, tokens.refresh_token ?? session2.refreshToken);
  } catch {
    return void 0;
  }
}
async function signOut(client, session2) {
  clearSession();
  if (!client) return;
  if (session2?.refreshToken) {
    const { url, body } = revocation(client, session2.refreshToken);
    await fetch(url, { method: "POST", body, keepalive: true }).catch(() => void 0);
  }
  location.assign(logoutUrl(client));
}

// shared/console/client/context.ts
var topicLabel = (context2, key) => topicName(context2.topics, key, context2.language);
function timeOf(context2, iso) {
  const shown = new Intl.DateTimeFormat(context2.language, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    timeZone: context2.settings.timeZone
  }).format(new Date(iso));
  return h("time", { datetime: iso }, shown);
}
function dueOf(context2, c) {
  const { words: words2, language: language2 } = context2;
  const now = Date.now();
  const overdue = isOverdue(c, now);
  const open = !["published", "closed"].includes(c.status);
  const distance = duration(Date.parse(c.dueAt) - now, language2);
  return h(
    "span",
    { class: overdue ? "due overdue" : "due" },
    overdue ? h("strong", {}, `${words2.overdue} \xB7 `) : null,
    timeOf(context2, c.dueAt),
    open ? ` (${overdue ? words2.overdueBy(distance) : words2.dueIn(distance)})` : null
  );
}
var severityBadge = (context2, c) => h("span", { class: `badge severity-${c.severity}` }, context2.words.severities[c.severity]);
var statusBadge = (context2, c) => h("span", { class: `badge status-${c.status}` }, context2.words.statuses[c.status]);

// shared/console/client/forms.ts
function field(label, control, hint, after) {
  control.id ||= uniqueId(control.name || "field");
  const hintId = hint ? `${control.id}-hint` : void 0;
  const errorId = `${control.id}-error`;
  if (after) after.id ||= `${control.id}-after`;
  control.setAttribute("aria-describedby", [hintId, after?.id, errorId].filter(Boolean).join(" "));
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id }, label),
    hint ? h("div", { class: "hint", id: hintId }, hint) : null,
    control,
    after,
    h("p", { class: "field-error", id: errorId, hidden: true })
  );
}
var input = (name, attributes = {}) => h("input", { name, type: "text", ...attributes });
var textarea = (name, value = "", attributes = {}) => {
  const element = h("textarea", { name, rows: 4, ...attributes });
  element.value = value;
  return element;
};
function select(name, options, selected = "") {
  const element = h("select", { name });
  for (const [value, label] of options)
    element.append(h("option", { value, selected: value === selected }, label));
  element.value = selected;
  return element;
}
function problemMessage(error, words2) {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const code = error.problem?.code;
  const translated = code ? words2.problems[code] : void 0;
  if (translated && error.status !== 429) return translated;
  const detail = error.problem?.detail ?? error.problem?.title;
  switch (error.status) {
    case 0:
      return words2.errors.network;
    case 403:
      return words2.errors.forbidden;
    case 404:
      return detail ?? words2.errors.notFound;
    case 412:
      return words2.errors.changed;
    case 428:
      return words2.errors.ifMatch;
    case 429:
      return words2.errors.rateLimited(error.retryAfter ?? "60");
    default:
      return error.status >= 500 ? words2.errors.server : detail ?? words2.errors.server;
  }
}
var errorBox = () => h("div", { class: "problem", role: "alert", tabindex: -1, hidden: true });
function showError(box, words2, message, list = []) {
  replaceChildren(
    box,
    h("p", {}, h("strong", {}, `${words2.errors.title}: `), message),
    list.length ? h("ul", {}, ...list.map((item) => h("li", {}, item))) : null
  );
  box.hidden = false;
}
function clearErrors(form2, box) {
  box.hidden = true;
  box.replaceChildren();
  for (const control of controls(form2)) {
    control.removeAttribute("aria-invalid");
    const error = document.getElementById(`${control.id}-error`);
    if (error) {
      error.hidden = true;
      error.replaceChildren();
    }
  }
}
var controls = (form2) => [...form2.elements].filter(
  (element) => element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement
);
function showProblem(form2, box, error, words2) {
  const fieldErrors = error instanceof ApiError && error.status === 400 ? error.problem?.errors ?? [] : [];
  const named = controls(form2).filter((control) => control.name);
  const { byField, other } = errorsByField(
    fieldErrors,
    named.map((control) => control.name),
    words2.fieldProblems
  );
  let first;
  for (const control of named) {
    const messages = byField.get(control.name);
    const slot = document.getElementById(`${control.id}-error`);
    if (!messages || !slot) continue;
    control.setAttribute("aria-invalid", "true");
    replaceChildren(slot, messages.join("; "));
    slot.hidden = false;
    first ??= control;
  }
  const message = fieldErrors.length ? words2.errors.fieldsIntro : problemMessage(error, words2);
  const list = [
    ...other.map((problem) => problem.path ? `${problem.path}: ${problem.message}` : problem.message),
    ...[...byField.entries()].filter(([name]) => !named.some((control) => control.name === name)).flatMap(([name, messages]) => messages.map((text) => `${name}: ${text}`))
  ];
  showError(box, words2, message, list);
  (first ?? box).focus();
}
function formValues(form2) {
  return new Map(
    controls(form2).filter((control) => control.name).map((control) => [control.name, control.value])
  );
}
function restoreValues(form2, values) {
  for (const control of controls(form2)) {
    const value = values.get(control.name);
    if (value !== void 0) {
      control.value = value;
      control.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
}
function form(options) {
  const box = errorBox();
  const button = h(
    "button",
    { type: "submit", disabled: options.disabled, class: options.tone ?? false },
    options.button
  );
  const element = h(
    "form",
    { "aria-label": options.label, novalidate: true },
    box,
    ...options.content,
    h("div", { class: "buttons" }, button)
  );
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (element.getAttribute("aria-busy") === "true") return;
    clearErrors(element, box);
    const invalid = controls(element).find((control) => !control.checkValidity());
    if (invalid) {
      invalid.setAttribute("aria-invalid", "true");
      const slot = document.getElementById(`${invalid.id}-error`);
      if (slot) {
        replaceChildren(slot, invalid.validationMessage);
        slot.hidden = false;
      }
      invalid.focus();
      return;
    }
    element.setAttribute("aria-busy", "true");
    button.disabled = true;
    try {
      await options.submit(element);
    } catch (error) {
      if (element.isConnected) showProblem(element, box, error, options.words);
    } finally {
      element.removeAttribute("aria-busy");
      button.disabled = options.disabled ?? false;
    }
  });
  return element;
}
function confirmAction(options) {
  return new Promise((resolve) => {
    const titleId = uniqueId("confirm-title");
    const yes = h("button", { type: "button", class: options.tone }, options.confirm);
    const no = h("button", { type: "button", class: "secondary" }, options.cancel);
    const dialog = h(
      "dialog",
      { "aria-labelledby": titleId, class: "confirm" },
      h("h2", { id: titleId }, options.title),
      h("p", {}, options.message),
      h("div", { class: "buttons" }, yes, no)
    );
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener("click", () => finish(true));
    no.addEventListener("click", () => finish(false));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

// shared/console/client/views/deliveries.ts
var columns = ["planned", "sent", "pending", "failed", "parked", "suppressed"];
function deliveriesPanel(context2, correctionId) {
  const w = channelWords[context2.language];
  const box = errorBox();
  const table = h("div", {}, h("p", { role: "status" }, context2.words.loading));
  const announce = h("button", { type: "button", class: "secondary" }, w.reannounce);
  const refresh = h("button", { type: "button", class: "secondary" }, w.refresh);
  const outcome = h("div", {});
  const path = `admin/corrections/${encodeURIComponent(correctionId)}`;
  const load = async () => {
    try {
      const { data } = await context2.api.call("GET", `${path}/deliveries`);
      const rows = ["email", "sms", "webhooks"].flatMap((channel) => {
        const counts = data[channel];
        const shown = counts && (channel !== "webhooks" || columns.some((c) => counts[c] > 0));
        return shown ? [
          h(
            "tr",
            {},
            h("th", { scope: "row" }, w.channels[channel]),
            ...columns.map((c) => h("td", {}, counts[c]))
          )
        ] : [];
      });
      replaceChildren(
        table,
        h(
          "table",
          {},
          h("caption", {}, w.deliveriesOf(data.version)),
          h("tr", {}, h("td", {}), ...columns.map((c) => h("th", { scope: "col" }, w.outcomes[c]))),
          ...rows
        )
      );
    } catch (error) {
      showError(box, context2.words, problemMessage(error, context2.words));
    }
  };
  announce.addEventListener("click", async () => {
    if (!window.confirm(w.reannounceConfirm)) return;
    announce.disabled = true;
    try {
      await context2.api.call("POST", `${path}/announce`);
      replaceChildren(outcome, h("p", { class: "notice" }, w.reannounced));
      context2.announce(w.reannounced);
      await load();
    } catch (error) {
      showError(box, context2.words, problemMessage(error, context2.words));
    } finally {
      announce.disabled = false;
    }
  });
  refresh.addEventListener("click", () => {
    replaceChildren(outcome);
    void load();
  });
  void load();
  return h(
    "section",
    { class: "panel", "aria-labelledby": "deliveries-title" },
    h("h2", { id: "deliveries-title" }, w.deliveries),
    box,
    table,
    outcome,
    h("div", { class: "buttons" }, refresh, announce)
  );
}

// shared/console/client/views/case.ts
var publicationPollMs = 2e3;
var typedNotes = /* @__PURE__ */ new Set(["review", "request-changes", "close", "amend"]);
var shownFields = [
  "id",
  "status",
  "severity",
  "topic",
  "source",
  "language",
  "text",
  "url",
  "evidence",
  "reportCount",
  "assignee",
  "dueAt",
  "createdAt",
  "updatedAt",
  "version",
  "amends",
  "amendmentNote",
  "review",
  "draft",
  "approval",
  "correctionId",
  "resolution"
];
var definitions = (rows) => h(
  "dl",
  {},
  ...rows.filter(([, value]) => value !== void 0 && value !== null && value !== "").flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)])
);
var caseLink = (id) => h("a", { href: `#/cases/${encodeURIComponent(id)}` }, id);
var permalink = (context2, correctionId) => h(
  "a",
  {
    href: new URL(`c/${encodeURIComponent(correctionId)}`, context2.apiBase).href,
    target: "_blank",
    rel: "noopener"
  },
  correctionId
);
function fieldValue(context2, c, name) {
  const { words: words2 } = context2;
  switch (name) {
    case "status":
      return statusBadge(context2, c);
    case "severity":
      return severityBadge(context2, c);
    case "topic":
      return `${topicLabel(context2, c.topic)} (${c.topic})`;
    case "source":
      return words2.sources[c.source];
    case "language":
      return words2.languages[c.language] ?? c.language;
    case "text":
      return h("p", { class: "prose", lang: c.language }, c.text);
    case "url":
      return c.url && webLink(c.url);
    case "evidence":
      return c.evidence?.length ? h("ul", {}, ...c.evidence.map((url) => h("li", {}, webLink(url)))) : null;
    case "dueAt":
      return dueOf(context2, c);
    case "createdAt":
    case "updatedAt":
      return timeOf(context2, c[name]);
    case "amends":
      return c.amends && permalink(context2, c.amends);
    case "correctionId":
      return c.correctionId && permalink(context2, c.correctionId);
    case "review":
      return c.review && definitions([
        [words2.verdict, words2.verdicts[c.review.verdict]],
        [words2.findings, h("p", { class: "prose" }, c.review.findings)],
        [words2.duplicateOf, c.review.duplicateOf && caseLink(c.review.duplicateOf)],
        [words2.reviewer, c.review.reviewer],
        [words2.at, timeOf(context2, c.review.at)]
      ]);
    case "draft":
      return c.draft && definitions([
        [words2.draftType, typeLabels[context2.language][c.draft.type]],
        [words2.headline, h("p", { lang: c.language }, c.draft.headline)],
        [words2.body, h("p", { class: "prose", lang: c.language }, c.draft.body)],
        [words2.smsText, c.draft.smsText && h("p", { lang: c.language }, c.draft.smsText)],
        [words2.affectedUrl, c.draft.affectedUrl && webLink(c.draft.affectedUrl)],
        [words2.author, c.draft.author],
        [words2.at, timeOf(context2, c.draft.at)]
      ]);
    case "approval":
      return c.approval && definitions([
        [words2.approver, c.approval.approver],
        [words2.at, timeOf(context2, c.approval.at)]
      ]);
    case "resolution":
      return c.resolution && definitions([
        [words2.fields.resolution, words2.resolutionKinds[c.resolution.kind]],
        [words2.reason, h("p", { class: "prose" }, c.resolution.reason)],
        [words2.duplicateOf, c.resolution.duplicateOf && caseLink(c.resolution.duplicateOf)]
      ]);
    default: {
      const value = c[name];
      return value === void 0 ? null : String(value);
    }
  }
}
function details(context2, c) {
  const known = /* @__PURE__ */ new Set([...shownFields, "history"]);
  const others = Object.entries(c).filter(([name]) => !known.has(name));
  return h(
    "section",
    { class: "panel", "aria-labelledby": "case-details" },
    h("h2", { id: "case-details" }, context2.words.details),
    definitions(shownFields.map((name) => [context2.words.fields[name], fieldValue(context2, c, name)])),
    others.length ? h(
      "details",
      {},
      h("summary", {}, context2.words.otherFields),
      definitions(others.map(([name, value]) => [name, JSON.stringify(value)]))
    ) : null
  );
}
function historyFacts(context2, entry) {
  const { words: words2 } = context2;
  const d = entry.details;
  if (!d) return entry.note ? [entry.note] : [];
  const t = words2.historyDetails;
  return [
    d.source && t.source(words2.sources[d.source] ?? d.source),
    d.assignee && t.assignee(d.assignee),
    d.verdict && t.verdict(words2.verdicts[d.verdict] ?? d.verdict),
    d.duplicateOf && t.duplicateOf(d.duplicateOf),
    entry.action === "draft" && d.headline ? t.headline(d.headline) : "",
    d.topic && t.topic(topicLabel(context2, d.topic.from), topicLabel(context2, d.topic.to)),
    d.severity && t.severity(words2.severities[d.severity.from], words2.severities[d.severity.to]),
    d.mergedCase ? t.merged(d.mergedCase, d.reportCount ?? 0) : d.reportCount ? t.reports(d.reportCount) : "",
    d.correctionId && t.correction(d.correctionId),
    entry.action === "update" && !d.topic && !d.severity ? t.noChange : "",
    typedNotes.has(entry.action) && entry.note ? entry.note : ""
  ].filter((fact) => Boolean(fact));
}
function history2(context2, entries) {
  const { words: words2 } = context2;
  return h(
    "section",
    { class: "panel", "aria-labelledby": "case-history" },
    h("h2", { id: "case-history" }, words2.history),
    h(
      "ol",
      { class: "timeline" },
      ...entries.map(
        (entry) => h(
          "li",
          { "data-action": entry.action },
          h("p", { class: "meta" }, timeOf(context2, entry.at), ` \xB7 ${entry.actor}`),
          h(
            "p",
            {},
            h("strong", {}, words2.historyActions[entry.action] ?? words2.unknownAction),
            entry.from && entry.to && entry.from !== entry.to ? ` ${words2.statuses[entry.from]} \u2192 ${words2.statuses[entry.to]}` : entry.to && !entry.from ? ` \u2192 ${words2.statuses[entry.to]}` : null
          ),
          ...historyFacts(context2, entry).map((fact) => h("p", { class: "prose" }, fact))
        )
      )
    )
  );
}
var diffLine = (parts, words2, lang) => h(
  "p",
  { class: "diff prose", lang },
  ...parts.map(
    (part) => part.op === "same" ? part.text : h(
      part.op === "added" ? "ins" : "del",
      { "aria-label": `${part.op === "added" ? words2.added : words2.removed}${part.text}` },
      part.text
    )
  )
);
function previewPanel(context2, c, preview) {
  const { words: words2 } = context2;
  const changes = preview.changes;
  return h(
    "section",
    { class: "preview", "aria-labelledby": "preview-title" },
    h("h4", { id: "preview-title" }, words2.preview),
    changes ? h(
      "div",
      { class: "message changes" },
      h("h5", {}, words2.changes(changes.fromVersion)),
      definitions([
        [words2.headline, diffLine(changes.headline, words2, c.language)],
        [words2.body, diffLine(changes.body, words2, c.language)],
        [words2.smsText, changes.smsText && diffLine(changes.smsText, words2, c.language)]
      ])
    ) : null,
    ...preview.languages.map(
      (one) => h(
        "div",
        { class: "message", "data-language": one.language },
        h(
          "h5",
          {},
          words2.previewLanguage(
            words2.languages[one.language] ?? one.language,
            one.audience.email,
            one.audience.sms
          )
        ),
        definitions([
          [words2.emailSubject, h("pre", { class: "email-subject", lang: one.language }, one.email.subject)],
          [words2.emailBody, h("pre", { class: "email-body", lang: one.language }, one.email.text)],
          [
            words2.smsMessage(one.sms.segments, one.sms.encoding),
            h("pre", { class: "sms-text", lang: one.language }, one.sms.text)
          ]
        ])
      )
    ),
    preview.placeholders.correctionId ? h("p", { class: "meta" }, words2.placeholderId(preview.placeholders.correctionId)) : null,
    h("p", { class: "meta" }, words2.placeholderUnsubscribe(preview.placeholders.unsubscribeLink))
  );
}
function caseView(context2, id) {
  const { words: words2 } = context2;
  const heading = h("h1", { tabindex: -1 }, words2.caseTitle(id));
  const body = h("div", { class: "case-body" }, h("p", { role: "status" }, words2.loading));
  const view2 = h(
    "section",
    { class: "case" },
    h("p", {}, h("a", { href: "#/queue" }, words2.back)),
    heading,
    body
  );
  let current;
  let etag = null;
  let draft;
  context2.protectUnsaved(view2, () => draft?.unsaved() ?? false);
  const load = async (notice) => {
    try {
      const answer = await context2.api.call("GET", `admin/cases/${encodeURIComponent(id)}`);
      if (!context2.isCurrent(view2)) return;
      const previous = current;
      current = answer.data;
      etag = answer.etag;
      if (notice || previous?.version !== current.version) render(current, notice);
      if (!notice && previous && previous.status !== current.status) {
        context2.announce(words2.statuses[current.status]);
      }
    } catch (error) {
      if (!context2.isCurrent(view2) || current && !notice) return;
      const box = errorBox();
      showError(box, words2, problemMessage(error, words2));
      replaceChildren(body, box);
    }
    if (current?.status === "approved") {
      setTimeout(() => {
        if (context2.isCurrent(view2)) void load();
      }, publicationPollMs);
    }
  };
  const render = (c, notice) => {
    const top = [];
    if (notice?.kind === "problem") {
      const box = errorBox();
      showError(box, words2, notice.message);
      top.push(box);
    } else if (notice) {
      top.push(h("p", { class: "notice" }, notice.message));
    }
    if (c.status === "approved") top.push(h("p", { class: "notice" }, words2.waitingForPublication));
    if (c.status === "published" && c.correctionId) {
      top.push(h("p", { class: "notice" }, words2.published, " ", permalink(context2, c.correctionId)));
      top.push(deliveriesPanel(context2, c.correctionId));
    }
    draft = void 0;
    const forms = offeredActions(c, context2.actor).map((offered) => actionPanel(c, offered, notice));
    replaceChildren(
      body,
      ...top,
      h(
        "p",
        { class: "case-line" },
        severityBadge(context2, c),
        " ",
        statusBadge(context2, c),
        " ",
        topicLabel(context2, c.topic)
      ),
      h(
        "div",
        { class: "case-grid" },
        details(context2, c),
        h(
          "section",
          { class: "panel actions", "aria-labelledby": "case-actions" },
          h("h2", { id: "case-actions" }, words2.actions),
          ...forms.length ? forms : [h("p", { class: "meta" }, words2.noActions)]
        ),
        history2(context2, c.history ?? [])
      )
    );
    if (notice?.preserve) {
      const again = body.querySelector(`form[data-action="${notice.preserve.action}"]`);
      if (again) restoreValues(again, notice.preserve.values);
    }
    if (notice) heading.focus();
  };
  const perform = async (action, formElement, run) => {
    if (!current) return;
    try {
      await run(ifMatchOf(current, etag));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
        const message = error.status === 412 ? words2.errors.changed : `${words2.errors.conflict} ${problemMessage(error, words2)}`.trim();
        const kept = draft && (action === "draft" || draft.unsaved()) ? draft.form : formElement;
        const keptAction = kept === formElement ? action : "draft";
        await load({
          message,
          kind: "problem",
          preserve: { action: keptAction, values: formValues(kept) },
          conflict: keptAction === "draft" && error.status === 412
        });
        return;
      }
      throw error;
    }
    context2.announce(words2.actionDone[action]);
    await load({ message: words2.actionDone[action], kind: "done" });
  };
  const casePath = (path) => `admin/cases/${encodeURIComponent(id)}${path}`;
  const change = (action, formElement, method, path, requestBody) => perform(action, formElement, async (ifMatch) => {
    await context2.api.call(method, casePath(path), {
      ...requestBody === void 0 ? {} : { body: requestBody },
      ifMatch
    });
  });
  const submitDraft = (formElement) => perform("submit", formElement, async (ifMatch) => {
    let version = ifMatch;
    if (draft?.unsaved()) {
      try {
        const saved = await context2.api.call("PUT", casePath("/draft"), {
          body: draft.body(),
          ifMatch
        });
        version = saved.etag ?? `"${saved.data.version}"`;
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) {
          showProblem(draft.form, draft.form.querySelector(".problem"), error, words2);
          throw new Error(words2.unsavedNotSaved);
        }
        throw error;
      }
    }
    await context2.api.call("POST", casePath("/submit"), { ifMatch: version });
  });
  const actionPanel = (c, offered, notice) => {
    const { action } = offered;
    const title = words2.actionTitles[action];
    const titleId = `action-${action}`;
    const panel = (...content) => h(
      "section",
      { class: "action", "aria-labelledby": titleId },
      h("h3", { id: titleId }, title),
      ...content
    );
    const tone = action === "approve" ? "publish" : action === "close" ? "danger" : void 0;
    const make = (content, submit, disabled = false) => {
      const element = form({
        label: title,
        words: words2,
        content,
        button: words2.actionButtons[action],
        ...tone ? { tone } : {},
        disabled,
        submit
      });
      element.dataset.action = action;
      return element;
    };
    const value = (f, name) => f.elements.namedItem(name)?.value ?? "";
    switch (action) {
      case "assign":
        return panel(
          make(
            [
              field(
                words2.assignee,
                input("assignee", { value: context2.actor.id, required: true }),
                words2.assignHint
              )
            ],
            (f) => change(action, f, "POST", "/assign", { assignee: value(f, "assignee").trim() })
          )
        );
      case "review": {
        const verdict = select(
          "verdict",
          verdicts.map((v) => [v, words2.verdicts[v]]),
          "correction"
        );
        const duplicateOf = input("duplicateOf", { autocomplete: "off" });
        const duplicateField = field(words2.duplicateOf, duplicateOf);
        const sync = () => {
          duplicateField.hidden = verdict.value !== "duplicate";
          duplicateOf.required = verdict.value === "duplicate";
        };
        verdict.addEventListener("change", sync);
        verdict.addEventListener("input", sync);
        sync();
        return panel(
          make(
            [
              field(words2.verdict, verdict),
              field(words2.findings, textarea("findings", "", { required: true })),
              duplicateField
            ],
            (f) => change(action, f, "POST", "/review", {
              verdict: verdict.value,
              findings: value(f, "findings"),
              ...verdict.value === "duplicate" ? { duplicateOf: duplicateOf.value.trim() } : {}
            })
          )
        );
      }
      case "draft":
        return panel(...draftForm(c, make, notice?.conflict === true));
      case "submit": {
        const savesFirst = h(
          "p",
          { class: "hint unsaved", id: "submit-saves-first", hidden: true },
          words2.submitSavesFirst
        );
        const sync = () => {
          savesFirst.hidden = !draft?.unsaved();
        };
        queueMicrotask(() => {
          sync();
          draft?.form.addEventListener("input", sync);
          draft?.form.addEventListener("change", sync);
        });
        return panel(
          offered.blocked === "needs-draft" ? h("p", { class: "hint" }, words2.submitNeedsDraft) : null,
          savesFirst,
          make([], (f) => submitDraft(f), offered.blocked !== void 0)
        );
      }
      case "request-changes":
        return panel(
          make(
            [field(words2.note, textarea("note", "", { required: true }))],
            (f) => change(action, f, "POST", "/request-changes", { note: value(f, "note") })
          )
        );
      case "approve": {
        const own = offered.blocked === "own-draft";
        let counts;
        const approveForm = make(
          [],
          async (f) => {
            const confirmed = await confirmAction({
              title: words2.confirmTitle,
              message: counts ? words2.confirmPublish(counts.email, counts.sms, counts.reporters) : words2.confirmAudienceUnknown,
              confirm: words2.confirmButton,
              cancel: words2.cancel,
              tone: "publish"
            });
            if (confirmed) await change(action, f, "POST", "/approve");
          },
          own
        );
        const audience = h("div", { class: "audience", "aria-live": "polite" });
        const messages = h("div", { class: "messages" });
        const showMessages = async () => {
          replaceChildren(messages, h("p", { class: "meta" }, words2.previewLoading));
          try {
            const { data } = await context2.api.call("GET", casePath("/preview-messages"));
            if (context2.isCurrent(view2)) replaceChildren(messages, previewPanel(context2, c, data));
          } catch (error) {
            const retry = h("button", { type: "button", class: "secondary" }, words2.retry);
            retry.addEventListener("click", () => void showMessages());
            replaceChildren(
              messages,
              h("p", { role: "alert" }, `${words2.previewFailed} ${problemMessage(error, words2)}`),
              retry
            );
          }
        };
        const showAudience = async () => {
          replaceChildren(audience, h("p", { class: "meta" }, words2.audienceLoading));
          try {
            const { data } = await context2.api.call("GET", `admin/cases/${encodeURIComponent(id)}/audience`);
            const page = data.pages?.[0];
            counts = data;
            replaceChildren(
              audience,
              h(
                "p",
                {},
                h("strong", {}, `${words2.audience}: `),
                words2.audienceCounts(data.email, data.sms, data.reporters)
              ),
              page && page.email + page.sms > 0 ? h("p", { class: "meta" }, words2.audiencePage(page.email, page.sms)) : null,
              data.digests && data.digests.email + data.digests.sms > 0 ? h("p", { class: "meta" }, words2.audienceDigests(data.digests.email, data.digests.sms)) : null,
              data.approximate ? h("p", { class: "meta" }, words2.audienceApproximate) : null,
              data.smsSegments === void 0 ? null : h("p", { class: "meta" }, words2.audienceSegments(data.smsSegments))
            );
          } catch (error) {
            const retry = h("button", { type: "button", class: "secondary" }, words2.retry);
            retry.addEventListener("click", () => void showAudience());
            replaceChildren(
              audience,
              h("p", { role: "alert" }, `${words2.audienceFailed} ${problemMessage(error, words2)}`),
              retry
            );
          }
        };
        void showAudience();
        void showMessages();
        return panel(
          audience,
          own ? h("p", { class: "hint", id: "own-draft" }, words2.ownDraft) : null,
          approveForm,
          messages
        );
      }
      case "close":
        return panel(
          make([field(words2.reason, textarea("reason", "", { required: true }))], async (f) => {
            const confirmed = await confirmAction({
              title: words2.confirmCloseTitle,
              message: words2.confirmClose,
              confirm: words2.confirmCloseButton,
              cancel: words2.cancel,
              tone: "danger"
            });
            if (confirmed) await change(action, f, "POST", "/close", { reason: value(f, "reason") });
          })
        );
      case "update": {
        const topic = select(
          "topic",
          context2.topics.map((t) => [t.key, topicLabel(context2, t.key)]),
          c.topic
        );
        const severity = select(
          "severity",
          severities.map((s) => [s, words2.severities[s]]),
          c.severity
        );
        return panel(
          make([field(words2.topic, topic), field(words2.fields.severity, severity)], async (f) => {
            const changes = {
              ...topic.value !== c.topic ? { topic: topic.value } : {},
              ...severity.value !== c.severity ? { severity: severity.value } : {}
            };
            if (Object.keys(changes).length === 0) throw new Error(words2.nothingChanged);
            await change(action, f, "PATCH", "", changes);
          })
        );
      }
      case "amend":
        return panel(
          h("p", { class: "hint" }, words2.amendHint),
          make([field(words2.note, textarea("note", "", { required: true }))], async (f) => {
            const { data } = await context2.api.call(
              "POST",
              `admin/corrections/${encodeURIComponent(c.correctionId ?? "")}/amend`,
              { body: { note: value(f, "note") } }
            );
            context2.announce(words2.actionDone.amend);
            context2.navigate(`#/cases/${encodeURIComponent(data.id)}`);
          })
        );
    }
  };
  const draftForm = (c, make, conflict) => {
    const saved = c.draft;
    const type = select(
      "type",
      correctionTypes.map((t) => [t, typeLabels[context2.language][t]]),
      saved?.type ?? (c.review?.verdict === "clarification" ? "clarification" : "correction")
    );
    const headline = input("headline", { value: saved?.headline ?? "", required: true, lang: c.language });
    const bodyText = textarea("body", saved?.body ?? "", { required: true, rows: "8", lang: c.language });
    const smsText = textarea("smsText", saved?.smsText ?? "", { rows: "2", lang: c.language });
    const affectedUrl = input("affectedUrl", { type: "url", value: saved?.affectedUrl ?? "" });
    const savedValues = /* @__PURE__ */ new Map([
      ["type", type.value],
      ["headline", headline.value],
      ["body", bodyText.value],
      ["smsText", smsText.value],
      ["affectedUrl", affectedUrl.value]
    ]);
    const meter = h("div", { class: "sms-meter" });
    const measure = () => {
      const measured = measureSms(
        {
          type: type.value,
          headline: headline.value,
          body: bodyText.value,
          smsText: smsText.value
        },
        c,
        context2.settings.smsLink
      );
      const tooLong = measured.segments > 1;
      meter.classList.toggle("too-long", tooLong);
      replaceChildren(
        meter,
        h(
          "p",
          { "data-sms-segments": measured.segments },
          words2.smsMeter(measured.units, measured.limit, measured.encoding, measured.segments)
        ),
        measured.derived ? h("p", { class: "meta" }, words2.smsDerived) : null,
        measured.derived ? h("p", { class: "sms-preview", lang: c.language }, measured.text) : null,
        tooLong ? h("p", { class: "warning", role: "alert" }, words2.smsTooLong) : null
      );
    };
    for (const control of [type, headline, bodyText, smsText]) control.addEventListener("input", measure);
    type.addEventListener("change", measure);
    measure();
    const body2 = () => ({
      type: type.value,
      headline: headline.value,
      body: bodyText.value,
      ...smsText.value.trim() ? { smsText: smsText.value } : {},
      ...affectedUrl.value.trim() ? { affectedUrl: affectedUrl.value.trim() } : {}
    });
    const element = make(
      [
        field(words2.draftType, type),
        field(words2.headline, headline),
        field(words2.body, bodyText),
        field(words2.smsText, smsText, void 0, meter),
        field(words2.affectedUrl, affectedUrl)
      ],
      (f) => change("draft", f, "PUT", "/draft", body2())
    );
    const unsaved = () => [type, headline, bodyText, smsText, affectedUrl].some(
      (control) => control.value !== savedValues.get(control.name)
    );
    const mark = h("p", { class: "unsaved", role: "status", hidden: true }, words2.unsavedMark);
    const syncMark = () => {
      mark.hidden = !unsaved();
    };
    element.addEventListener("input", syncMark);
    element.addEventListener("change", syncMark);
    element.querySelector(".buttons")?.append(mark);
    draft = { form: element, unsaved, body: body2 };
    if (!conflict || !saved) return [element];
    const theirs = h(
      "div",
      { class: "compare-theirs" },
      h("h5", {}, words2.theirVersion(saved.author)),
      definitions([
        [words2.headline, h("pre", { lang: c.language }, saved.headline)],
        [words2.body, h("pre", { lang: c.language }, saved.body)],
        [words2.smsText, saved.smsText && h("pre", { lang: c.language }, saved.smsText)]
      ])
    );
    const yours = h("div", { class: "compare-yours" }, h("h5", {}, words2.yourVersion));
    const useTheirs = h("button", { type: "button", class: "secondary" }, words2.useTheirs);
    useTheirs.addEventListener("click", () => {
      restoreValues(element, savedValues);
      syncMark();
      compare.remove();
    });
    const compare = h(
      "section",
      { class: "compare", "aria-labelledby": "conflict-title" },
      h("h4", { id: "conflict-title" }, words2.conflictTitle),
      theirs,
      yours,
      h("p", { class: "hint" }, words2.conflictHint),
      h("div", { class: "buttons" }, useTheirs)
    );
    queueMicrotask(() => {
      const typed = formValues(element);
      replaceChildren(
        yours,
        h("h5", {}, words2.yourVersion),
        definitions([
          [words2.headline, h("pre", { lang: c.language }, typed.get("headline") ?? "")],
          [words2.body, h("pre", { lang: c.language }, typed.get("body") ?? "")],
          [words2.smsText, typed.get("smsText") && h("pre", { lang: c.language }, typed.get("smsText") ?? "")]
        ])
      );
      syncMark();
    });
    return [compare, element];
  };
  void load();
  return view2;
}

// shared/console/client/views/queue.ts
var pageSize = 20;
function caseItem(context2, c) {
  const { words: words2 } = context2;
  return h(
    "li",
    { class: "case-item" },
    h(
      "p",
      { class: "case-line" },
      severityBadge(context2, c),
      " ",
      statusBadge(context2, c),
      " ",
      h("a", { href: `#/cases/${encodeURIComponent(c.id)}` }, c.id),
      " \xB7 ",
      topicLabel(context2, c.topic)
    ),
    h("p", { class: "case-text", lang: c.language }, c.text),
    h(
      "p",
      { class: "meta" },
      `${words2.due}: `,
      dueOf(context2, c),
      ` \xB7 ${words2.assignee}: ${c.assignee ?? words2.unassigned} \xB7 ${words2.reports(c.reportCount)}`
    )
  );
}
function queueView(context2, filters) {
  const { words: words2 } = context2;
  const status = select(
    "status",
    [["", words2.allOpen], ...caseStatuses.map((value) => [value, words2.statuses[value]])],
    filters.get("status") ?? ""
  );
  const topic = select(
    "topic",
    [["", words2.allTopics], ...context2.topics.map((t) => [t.key, topicLabel(context2, t.key)])],
    filters.get("topic") ?? ""
  );
  const assignee = input("assignee", { value: filters.get("assignee") ?? "", autocomplete: "off" });
  const mine = h("button", { type: "button", class: "secondary" }, words2.mine);
  mine.addEventListener("click", () => {
    assignee.value = context2.actor.id;
    filterForm.requestSubmit();
  });
  const filterForm = h(
    "form",
    { class: "filters", "aria-label": words2.filters },
    field(words2.status, status),
    field(words2.topic, topic),
    field(words2.assignee, assignee),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, words2.apply), mine)
  );
  filterForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const control of [status, topic, assignee])
      if (control.value.trim()) query.set(control.name, control.value.trim());
    context2.navigate(`#/queue${query.size ? `?${query}` : ""}`);
  });
  const list = h("ol", { class: "cases" });
  const box = errorBox();
  const more = h("button", { type: "button", class: "secondary", hidden: true }, words2.more);
  const progress = h("p", { class: "meta", role: "status" });
  const view2 = h(
    "section",
    { "aria-labelledby": "queue-title" },
    h("h1", { id: "queue-title", tabindex: -1 }, words2.queue),
    filterForm,
    box,
    progress,
    list,
    more
  );
  let cursor = null;
  const load = async () => {
    more.disabled = true;
    replaceChildren(progress, words2.loading);
    const query = new URLSearchParams(filters);
    query.set("limit", String(pageSize));
    if (cursor) query.set("cursor", cursor);
    try {
      const { data } = await context2.api.call(
        "GET",
        `admin/cases?${query}`
      );
      if (!context2.isCurrent(view2)) return;
      list.append(...data.items.map((c) => caseItem(context2, c)));
      cursor = data.nextCursor;
      more.hidden = cursor === null;
      replaceChildren(progress, list.children.length ? "" : words2.noCases);
    } catch (error) {
      replaceChildren(progress);
      showError(box, words2, problemMessage(error, words2));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener("click", () => void load());
  void load();
  return view2;
}

// shared/console/client/views/digest.ts
function digestView(context2) {
  const { words: words2 } = context2;
  const content = h("div", {}, h("p", { role: "status" }, words2.loading));
  const view2 = h(
    "section",
    { "aria-labelledby": "digest-title" },
    h("h1", { id: "digest-title", tabindex: -1 }, words2.digestTitle),
    content
  );
  void context2.api.call("GET", "admin/digest").then(
    ({ data }) => {
      if (!context2.isCurrent(view2)) return;
      const counts = Object.entries(data.counts);
      replaceChildren(
        content,
        h("p", { class: "meta" }, `${words2.generatedAt}: `, timeOf(context2, data.generatedAt)),
        h(
          "dl",
          { class: "figures" },
          h("dt", {}, words2.newSince),
          h("dd", {}, data.newSince),
          h("dt", {}, words2.publishedSince),
          h("dd", {}, data.publishedSince)
        ),
        h("h2", {}, words2.openByStatus),
        h(
          "dl",
          { class: "figures" },
          ...counts.flatMap(([status, count]) => [
            h("dt", {}, h("a", { href: `#/queue?status=${status}` }, words2.statuses[status])),
            h("dd", {}, count)
          ])
        ),
        h("h2", {}, `${words2.overdueCases} (${data.overdue.length})`),
        data.overdue.length ? h("ol", { class: "cases" }, ...data.overdue.map((c) => caseItem(context2, c))) : h("p", {}, words2.noOverdue)
      );
    },
    (error) => {
      const box = errorBox();
      showError(box, words2, problemMessage(error, words2));
      replaceChildren(content, box);
    }
  );
  return view2;
}

// shared/console/client/views/erase.ts
function eraseView(context2) {
  const w = privacyWords[context2.language];
  const channel = select(
    "channel",
    ["email", "sms"].map((c) => [c, w.channels[c]]),
    "email"
  );
  const address = input("address", { required: true, autocomplete: "off", spellcheck: false });
  const result = h("div", { role: "status" });
  const erase = form({
    label: w.eraseTitle,
    words: context2.words,
    tone: "danger",
    button: w.erase,
    content: [field(w.channel, channel), field(w.address, address, w.addressHint)],
    async submit() {
      replaceChildren(result);
      const sure = await confirmAction({
        title: w.confirmTitle,
        message: w.confirmMessage,
        confirm: w.erase,
        cancel: context2.words.cancel,
        tone: "danger"
      });
      if (!sure) return;
      const { data } = await context2.api.call("POST", "admin/erasures", {
        body: { channel: channel.value, address: address.value.trim() }
      });
      address.value = "";
      replaceChildren(result, h("p", { class: "notice" }, w.erased(data)));
      context2.announce(w.erased(data));
    }
  });
  return h(
    "section",
    { "aria-labelledby": "erase-title" },
    h("h1", { id: "erase-title", tabindex: -1 }, w.eraseTitle),
    h("p", { class: "hint" }, w.eraseIntro),
    erase,
    result
  );
}

// shared/console/client/views/import.ts
function importView(context2) {
  const w = channelWords[context2.language];
  const file = input("file", { type: "file", accept: ".csv,text/csv", required: true });
  const box = errorBox();
  const result = h("div", { role: "status" });
  const dryRun = h("button", { type: "button", class: "secondary" }, w.dryRun);
  const run = h("button", { type: "button", disabled: true }, w.runImport);
  let checked;
  file.addEventListener("change", () => {
    checked = void 0;
    run.disabled = true;
    replaceChildren(result);
  });
  const send = async (dry) => {
    replaceChildren(box);
    box.hidden = true;
    const chosen = file.files?.[0];
    if (!chosen) {
      showError(box, context2.words, w.chooseFile);
      return;
    }
    dryRun.disabled = true;
    run.disabled = true;
    try {
      const { data } = await context2.api.call(
        "POST",
        `admin/subscribers/import${dry ? "?dryRun=true" : ""}`,
        { raw: { body: await chosen.text(), contentType: "text/csv; charset=utf-8" } }
      );
      if (dry) checked = chosen;
      const label = dry ? w.dryRunDone : data.job ? w.importStarted : w.importDone;
      show2(h("p", { class: "notice" }, label, " ", w.counts(data)), data.rejected);
      context2.announce(`${label} ${w.counts(data)}`);
      if (!dry && data.job) await follow(data, data.job);
    } catch (error) {
      showError(box, context2.words, problemMessage(error, context2.words));
    } finally {
      dryRun.disabled = false;
      run.disabled = checked !== chosen;
    }
  };
  const show2 = (summary, rejected, progress) => replaceChildren(
    result,
    summary,
    progress ?? null,
    rejected.length ? h(
      "div",
      {},
      h("h2", {}, w.rejectedRows),
      h(
        "ul",
        {},
        ...rejected.map(
          (row) => h("li", {}, h("strong", {}, w.line(row.line)), " ", row.errors.join("; "))
        )
      )
    ) : null
  );
  const follow = async (data, started) => {
    const summary = h("p", { class: "notice" }, w.importStarted, " ", w.counts(data));
    let job = started;
    while (job.status !== "done" && context2.isCurrent(view2)) {
      show2(summary, data.rejected, h("p", { role: "status" }, w.importWriting(job.rowsWritten, job.rows)));
      await new Promise((resolve) => setTimeout(resolve, 2e3));
      job = (await context2.api.call("GET", `admin/subscribers/imports/${encodeURIComponent(job.id)}`)).data;
    }
    if (job.status !== "done") return;
    const written = { ...job.written, skipped: data.skipped };
    show2(
      h("p", { class: "notice" }, w.importWritten, " ", w.counts(written)),
      [...data.rejected, ...job.written.rejected].sort((a, b) => a.line - b.line)
    );
    context2.announce(`${w.importWritten} ${w.counts(written)}`);
  };
  dryRun.addEventListener("click", () => void send(true));
  run.addEventListener("click", () => void send(false));
  const view2 = h(
    "section",
    { "aria-labelledby": "import-title" },
    h("h1", { id: "import-title", tabindex: -1 }, w.importTitle),
    h("p", { class: "hint" }, w.importIntro),
    box,
    field(w.file, file),
    h("div", { class: "buttons" }, dryRun, run),
    result
  );
  return view2;
}

// shared/console/client/views/new-case.ts
function newCaseView(context2) {
  const { words: words2 } = context2;
  let attempt;
  const text = textarea("text", "", { required: true, rows: "6" });
  const url = input("url", { type: "url", autocomplete: "off" });
  const topic = select(
    "topic",
    context2.topics.map((t) => [t.key, topicLabel(context2, t.key)])
  );
  const severity = select("severity", [
    ["", words2.topicDefault],
    ...severities.map((s) => [s, words2.severities[s]])
  ]);
  const source = select(
    "source",
    ["monitoring", "staff"].map((s) => [s, words2.sources[s]]),
    "monitoring"
  );
  const evidence = textarea("evidence", "", { rows: "3" });
  const language2 = select(
    "language",
    languages.map((l) => [l, words2.languages[l]]),
    context2.language
  );
  const created = form({
    label: words2.openCase,
    words: words2,
    button: words2.create,
    content: [
      field(words2.caseText, text),
      field(words2.caseUrl, url),
      field(words2.topic, topic),
      field(words2.caseSeverity, severity),
      field(words2.caseSource, source),
      field(words2.caseEvidence, evidence),
      field(words2.caseLanguage, language2)
    ],
    async submit() {
      const links = evidence.value.split("\n").map((line) => line.trim()).filter(Boolean);
      const body = {
        text: text.value,
        topic: topic.value,
        source: source.value,
        language: language2.value,
        ...url.value.trim() ? { url: url.value.trim() } : {},
        ...severity.value ? { severity: severity.value } : {},
        ...links.length ? { evidence: links } : {}
      };
      attempt = idempotencyKeyFor(attempt, JSON.stringify(body), () => randomToken(16));
      const { data } = await context2.api.call("POST", "admin/cases", {
        body,
        idempotencyKey: attempt.key
      });
      context2.navigate(`#/cases/${encodeURIComponent(data.id)}`);
    }
  });
  return h(
    "section",
    { "aria-labelledby": "new-case-title" },
    h("h1", { id: "new-case-title", tabindex: -1 }, words2.openCase),
    created
  );
}

// shared/console/client/views/sign-in.ts
var devIdentities = [
  { sub: "admin-chen", name: "\u9648\u4E3B\u4EFB", groups: ["admin"] },
  { sub: "reviewer-li", name: "\u674E\u5BA1\u6838", groups: ["reviewer"] },
  { sub: "editor-wang", name: "\u738B\u7F16\u8F91", groups: ["editor"] }
];
var custom = "custom";
function signInView(settings2, words2, handlers, message) {
  const intro = settings2.signIn === "dev" ? words2.devSignInIntro : words2.cognitoSignInIntro;
  const content = settings2.signIn === "dev" ? devForm(words2, handlers) : form({
    label: words2.signIn,
    words: words2,
    content: [],
    button: words2.cognitoSignIn,
    submit: handlers.cognito
  });
  return h(
    "section",
    { class: "sign-in", "aria-labelledby": "sign-in-title" },
    h("h1", { id: "sign-in-title", tabindex: -1 }, words2.signInTitle),
    message ? h("p", { class: "notice", role: "status" }, message) : null,
    h("p", {}, intro),
    content
  );
}
function devForm(words2, handlers) {
  const choice = (value, label, checked) => {
    const radio = h("input", { type: "radio", name: "identity", value, id: `identity-${value}`, checked });
    return h("div", { class: "choice" }, radio, h("label", { for: radio.id }, label));
  };
  const sub = input("sub", { autocomplete: "off" });
  const name = input("name", { autocomplete: "off" });
  const groups = roles.map((role) => {
    const box = h("input", { type: "checkbox", name: "groups", value: role, id: `group-${role}` });
    return {
      role,
      box,
      element: h("div", { class: "choice" }, box, h("label", { for: box.id }, words2.roles[role]))
    };
  });
  const customFields = h(
    "fieldset",
    { hidden: true },
    h("legend", {}, words2.customIdentity),
    field(words2.sub, sub),
    field(words2.name, name),
    h("fieldset", {}, h("legend", {}, words2.groups), ...groups.map((group) => group.element))
  );
  const identities = h(
    "fieldset",
    {},
    h("legend", {}, words2.identity),
    ...devIdentities.map(
      (identity, index) => choice(
        identity.sub,
        `${identity.name} \xB7 ${identity.sub} \xB7 ${identity.groups.map((g) => words2.roles[g]).join(", ")}`,
        index === 0
      )
    ),
    choice(custom, words2.customIdentity, false)
  );
  const element = form({
    label: words2.signIn,
    words: words2,
    button: words2.signIn,
    content: [identities, customFields],
    async submit(f) {
      const picked = f.elements.namedItem("identity").value;
      const known = devIdentities.find((identity) => identity.sub === picked);
      await handlers.dev(
        known ?? {
          sub: sub.value.trim(),
          ...name.value.trim() ? { name: name.value.trim() } : {},
          groups: groups.filter((group) => group.box.checked).map((group) => group.role)
        }
      );
    }
  });
  identities.addEventListener("change", () => {
    const isCustom = element.elements.namedItem("identity").value === custom;
    customFields.hidden = !isCustom;
    sub.required = isCustom;
  });
  return element;
}

// shared/console/client/views/webhooks.ts
function webhooksView(context2) {
  const w = channelWords[context2.language];
  const list = h("div", {}, h("p", { role: "status" }, context2.words.loading));
  const secretBox = h("div", { role: "status" });
  const url = input("url", { type: "url", required: true, autocomplete: "off", placeholder: "https://" });
  const description = input("description", { maxlength: "200" });
  const addForm = form({
    label: w.add,
    words: context2.words,
    content: [field(w.url, url), field(w.description, description)],
    button: w.add,
    async submit() {
      const created = await context2.api.call("POST", "admin/webhooks", {
        body: { url: url.value, ...description.value ? { description: description.value } : {} }
      });
      url.value = "";
      description.value = "";
      replaceChildren(
        secretBox,
        h("p", { class: "notice" }, w.secretOnce, " ", h("code", {}, created.data.secret))
      );
      context2.announce(w.secretOnce);
      await load();
    }
  });
  const view2 = h(
    "section",
    { "aria-labelledby": "webhooks-title" },
    h("h1", { id: "webhooks-title", tabindex: -1 }, w.webhooksTitle),
    h("p", { class: "hint" }, w.webhooksIntro),
    addForm,
    secretBox,
    list
  );
  async function load() {
    try {
      const { data } = await context2.api.call("GET", "admin/webhooks");
      if (!context2.isCurrent(view2)) return;
      replaceChildren(
        list,
        data.items.length ? h("ol", { class: "cases" }, ...data.items.map(item)) : h("p", {}, w.noWebhooks)
      );
    } catch (error) {
      const box = errorBox();
      showError(box, context2.words, problemMessage(error, context2.words));
      replaceChildren(list, box);
    }
  }
  function item(webhook) {
    const box = errorBox();
    const attempts = h("div", {});
    const act = async (work) => {
      try {
        await work();
        await load();
      } catch (error) {
        showError(box, context2.words, problemMessage(error, context2.words));
      }
    };
    const buttons = [];
    if (webhook.status === "disabled") {
      const enable = h("button", { type: "button" }, w.reEnable);
      enable.addEventListener(
        "click",
        () => act(() => context2.api.call("PATCH", `admin/webhooks/${webhook.id}`, { body: { status: "active" } }))
      );
      buttons.push(enable);
    }
    const remove = h("button", { type: "button", class: "danger" }, w.remove);
    remove.addEventListener("click", () => {
      if (window.confirm(w.removeConfirm))
        void act(() => context2.api.call("DELETE", `admin/webhooks/${webhook.id}`));
    });
    buttons.push(remove);
    const showAttempts = async (cursor) => {
      const query = cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : "?limit=10";
      const { data } = await context2.api.call(
        "GET",
        `admin/webhooks/${webhook.id}/attempts${query}`
      );
      const rows = data.items.map(
        (a) => h(
          "li",
          {},
          timeOf(context2, a.at),
          " ",
          w.attemptLine(a.eventId, a.attempt, a.statusCode ? `HTTP ${a.statusCode}` : a.error ?? "", a.ms)
        )
      );
      const more = data.nextCursor ? h("button", { type: "button", class: "link" }, w.more) : null;
      more?.addEventListener("click", () => act(() => showAttempts(data.nextCursor ?? void 0)));
      if (!cursor)
        replaceChildren(attempts, rows.length ? h("ul", {}, ...rows) : h("p", {}, w.noAttempts), more);
      else {
        attempts.querySelector("button.link")?.remove();
        attempts.querySelector("ul")?.append(...rows);
        if (more) attempts.append(more);
      }
    };
    const details2 = h("details", {}, h("summary", {}, w.attempts), attempts);
    details2.addEventListener("toggle", () => {
      if (details2.open)
        void showAttempts().catch(
          (error) => showError(box, context2.words, problemMessage(error, context2.words))
        );
    });
    return h(
      "li",
      { class: "case-item" },
      h(
        "p",
        { class: "case-line" },
        h(
          "span",
          { class: `badge${webhook.status === "disabled" ? " severity-critical" : ""}` },
          w.status[webhook.status]
        ),
        " ",
        h("code", {}, webhook.url)
      ),
      webhook.description ? h("p", { class: "meta" }, webhook.description) : null,
      h(
        "p",
        { class: "meta" },
        w.failures(webhook.consecutiveFailures),
        " \xB7 ",
        timeOf(context2, webhook.createdAt)
      ),
      box,
      h("div", { class: "buttons" }, ...buttons),
      details2
    );
  }
  void load();
  return view2;
}

// shared/console/client/words.ts
var zh3 = {
  consoleTitle: "\u66F4\u6B63\u5DE5\u4F5C\u53F0",
  switchLanguage: { to: "en", label: "English" },
  skipToContent: "\u8DF3\u5230\u6B63\u6587",
  navigation: "\u5BFC\u822A",
  queue: "\u5F85\u529E\u961F\u5217",
  newCase: "\u65B0\u5EFA\u6848\u4EF6",
  digest: "\u6BCF\u65E5\u7B80\u62A5",
  signedInAs: (name, groups) => `\u5F53\u524D\u8EAB\u4EFD\uFF1A${name}\uFF08${groups}\uFF09`,
  signOut: "\u9000\u51FA\u767B\u5F55",
  signIn: "\u767B\u5F55",
  signInTitle: "\u767B\u5F55\u66F4\u6B63\u5DE5\u4F5C\u53F0",
  devSignInIntro: "\u672C\u5730\u5F00\u53D1\u73AF\u5883\uFF1A\u9009\u62E9\u4E00\u4E2A\u8EAB\u4EFD\uFF0C\u5411 /dev/token \u7533\u8BF7\u4EE4\u724C\u3002",
  identity: "\u8EAB\u4EFD",
  customIdentity: "\u81EA\u5B9A\u4E49\u8EAB\u4EFD",
  sub: "\u7528\u6237\u6807\u8BC6\uFF08sub\uFF09",
  name: "\u663E\u793A\u540D\u79F0",
  groups: "\u7528\u6237\u7EC4",
  cognitoSignInIntro: "\u4F7F\u7528\u5355\u4F4D\u8D26\u53F7\u767B\u5F55\uFF08Amazon Cognito\uFF09\u3002",
  cognitoSignIn: "\u524D\u5F80\u767B\u5F55\u9875",
  sessionExpired: "\u767B\u5F55\u5DF2\u8FC7\u671F\uFF0C\u8BF7\u91CD\u65B0\u767B\u5F55\u3002",
  signInFailed: "\u767B\u5F55\u5931\u8D25\uFF1A",
  roles: { reviewer: "\u5BA1\u6838\u5458", editor: "\u7F16\u8F91", admin: "\u7BA1\u7406\u5458" },
  loading: "\u52A0\u8F7D\u4E2D\u2026",
  filters: "\u7B5B\u9009",
  status: "\u72B6\u6001",
  allOpen: "\u5168\u90E8\u5728\u529E",
  topic: "\u4E3B\u9898",
  allTopics: "\u5168\u90E8\u4E3B\u9898",
  assignee: "\u8D1F\u8D23\u4EBA",
  mine: "\u53EA\u770B\u6211\u7684",
  apply: "\u7B5B\u9009",
  more: "\u52A0\u8F7D\u66F4\u591A",
  noCases: "\u6CA1\u6709\u7B26\u5408\u6761\u4EF6\u7684\u6848\u4EF6\u3002",
  due: "\u671F\u9650",
  overdue: "\u5DF2\u903E\u671F",
  overdueBy: (text) => `\u903E\u671F${text}`,
  dueIn: (text) => `${text}\u540E\u5230\u671F`,
  reports: (n) => `${n} \u6B21\u62A5\u544A`,
  unassigned: "\u672A\u5206\u6D3E",
  statuses: {
    received: "\u5DF2\u6536\u5230",
    in_review: "\u5BA1\u6838\u4E2D",
    drafting: "\u8D77\u8349\u4E2D",
    awaiting_approval: "\u5F85\u6279\u51C6",
    approved: "\u5DF2\u6279\u51C6",
    published: "\u5DF2\u53D1\u5E03",
    closed: "\u5DF2\u5173\u95ED"
  },
  severities: { low: "\u4F4E", normal: "\u4E00\u822C", high: "\u9AD8", critical: "\u7D27\u6025" },
  sources: {
    public: "\u516C\u4F17\u62A5\u544A",
    monitoring: "\u76D1\u6D4B\u53D1\u73B0",
    staff: "\u5185\u90E8\u53D1\u73B0",
    amendment: "\u4FEE\u8BA2"
  },
  verdicts: {
    correction: "\u9700\u8981\u66F4\u6B63",
    clarification: "\u9700\u8981\u6F84\u6E05",
    no_action: "\u65E0\u9700\u5904\u7406",
    duplicate: "\u91CD\u590D\u62A5\u544A"
  },
  languages: { "zh-CN": "\u4E2D\u6587", en: "\u82F1\u6587" },
  fields: {
    id: "\u7F16\u53F7",
    status: "\u72B6\u6001",
    topic: "\u4E3B\u9898",
    severity: "\u4E25\u91CD\u7A0B\u5EA6",
    source: "\u6765\u6E90",
    text: "\u62A5\u544A\u5185\u5BB9",
    url: "\u6D89\u53CA\u9875\u9762",
    evidence: "\u8BC1\u636E\u94FE\u63A5",
    language: "\u8BED\u8A00",
    reportCount: "\u62A5\u544A\u6B21\u6570",
    assignee: "\u8D1F\u8D23\u4EBA",
    dueAt: "\u5BA1\u6838\u671F\u9650",
    createdAt: "\u521B\u5EFA\u65F6\u95F4",
    updatedAt: "\u6700\u8FD1\u4FEE\u6539",
    version: "\u7248\u672C",
    amends: "\u4FEE\u8BA2\u7684\u66F4\u6B63",
    amendmentNote: "\u4FEE\u8BA2\u539F\u56E0",
    review: "\u5BA1\u6838\u7ED3\u8BBA",
    draft: "\u8349\u7A3F",
    approval: "\u6279\u51C6",
    correctionId: "\u5DF2\u53D1\u5E03\u7684\u66F4\u6B63",
    resolution: "\u5904\u7406\u7ED3\u679C"
  },
  otherFields: "\u5176\u4ED6\u5B57\u6BB5",
  caseTitle: (id) => `\u6848\u4EF6 ${id}`,
  details: "\u6848\u4EF6\u4FE1\u606F",
  history: "\u5904\u7406\u8BB0\u5F55",
  actions: "\u53EF\u6267\u884C\u64CD\u4F5C",
  noActions: "\u5728\u5F53\u524D\u72B6\u6001\u4E0B\uFF0C\u60A8\u7684\u7528\u6237\u7EC4\u6CA1\u6709\u53EF\u6267\u884C\u7684\u64CD\u4F5C\u3002",
  reviewer: "\u5BA1\u6838\u4EBA",
  author: "\u64B0\u5199\u4EBA",
  approver: "\u6279\u51C6\u4EBA",
  at: "\u65F6\u95F4",
  verdict: "\u7ED3\u8BBA",
  findings: "\u6838\u5B9E\u60C5\u51B5",
  duplicateOf: "\u91CD\u590D\u4E8E\u6848\u4EF6",
  reason: "\u539F\u56E0",
  resolutionKinds: { no_action: "\u65E0\u9700\u5904\u7406", duplicate: "\u91CD\u590D", rejected: "\u9A73\u56DE" },
  actionTitles: {
    assign: "\u5206\u6D3E",
    review: "\u5BA1\u6838\u7ED3\u8BBA",
    draft: "\u66F4\u6B63\u8349\u7A3F",
    submit: "\u63D0\u4EA4\u5BA1\u6279",
    "request-changes": "\u9000\u56DE\u4FEE\u6539",
    approve: "\u6279\u51C6\u53D1\u5E03",
    close: "\u5173\u95ED\u6848\u4EF6",
    update: "\u4E3B\u9898\u4E0E\u4E25\u91CD\u7A0B\u5EA6",
    amend: "\u4FEE\u8BA2\u5DF2\u53D1\u5E03\u7684\u66F4\u6B63"
  },
  actionButtons: {
    assign: "\u5206\u6D3E",
    review: "\u63D0\u4EA4\u7ED3\u8BBA",
    draft: "\u4FDD\u5B58\u8349\u7A3F",
    submit: "\u63D0\u4EA4\u5BA1\u6279",
    "request-changes": "\u9000\u56DE\u4FEE\u6539",
    approve: "\u6279\u51C6\u53D1\u5E03",
    close: "\u5173\u95ED\u6848\u4EF6",
    update: "\u4FDD\u5B58\u4FEE\u6539",
    amend: "\u65B0\u5EFA\u4FEE\u8BA2\u6848\u4EF6"
  },
  actionDone: {
    assign: "\u5DF2\u5206\u6D3E\u3002",
    review: "\u5BA1\u6838\u7ED3\u8BBA\u5DF2\u8BB0\u5F55\u3002",
    draft: "\u8349\u7A3F\u5DF2\u4FDD\u5B58\u3002",
    submit: "\u5DF2\u63D0\u4EA4\u5BA1\u6279\u3002",
    "request-changes": "\u5DF2\u9000\u56DE\u4FEE\u6539\u3002",
    approve: "\u5DF2\u6279\u51C6\uFF0C\u7A0D\u540E\u81EA\u52A8\u53D1\u5E03\u3002",
    close: "\u6848\u4EF6\u5DF2\u5173\u95ED\u3002",
    update: "\u5DF2\u4FDD\u5B58\u4FEE\u6539\u3002",
    amend: "\u4FEE\u8BA2\u6848\u4EF6\u5DF2\u521B\u5EFA\u3002"
  },
  assignHint: "\u9ED8\u8BA4\u5206\u6D3E\u7ED9\u81EA\u5DF1\u3002",
  draftType: "\u7C7B\u578B",
  headline: "\u6807\u9898",
  body: "\u6B63\u6587",
  smsText: "\u77ED\u4FE1\u6587\u5B57\uFF08\u53EF\u9009\uFF09",
  affectedUrl: "\u6D89\u53CA\u9875\u9762\u5730\u5740\uFF08\u53EF\u9009\uFF09",
  smsMeter: (units, limit, encoding, segments) => `\u77ED\u4FE1\uFF08\u542B\u94FE\u63A5\uFF09\uFF1A${units} / ${limit} \u4E2A${encoding}\u5B57\u7B26\uFF0C\u5171 ${segments} \u6761`,
  smsDerived: "\u672A\u586B\u5199\u77ED\u4FE1\u6587\u5B57\uFF0C\u5C06\u7531\u6807\u9898\u81EA\u52A8\u751F\u6210\uFF1A",
  smsTooLong: "\u8D85\u8FC7\u4E00\u6761\u77ED\u4FE1\uFF0C\u4FDD\u5B58\u65F6\u4F1A\u88AB\u62D2\u7EDD\u3002\u8BF7\u7F29\u77ED\u77ED\u4FE1\u6587\u5B57\u3002",
  submitNeedsDraft: "\u8BF7\u5148\u4FDD\u5B58\u8349\u7A3F\uFF0C\u518D\u63D0\u4EA4\u5BA1\u6279\u3002",
  note: "\u8BF4\u660E",
  audience: "\u53D1\u5E03\u540E\u5C06\u901A\u77E5",
  audienceCounts: (email, sms, reporters) => `\u90AE\u4EF6\u8BA2\u9605\u8005 ${email} \u4EBA\uFF0C\u77ED\u4FE1\u8BA2\u9605\u8005 ${sms} \u4EBA\uFF0C\u62A5\u544A\u4EBA ${reporters} \u4EBA`,
  audienceSegments: (n) => `\u6BCF\u6761\u77ED\u4FE1 ${n} \u6BB5`,
  audiencePage: (email, sms) => `\u5176\u4E2D\u56E0\u5173\u6CE8\u88AB\u66F4\u6B63\u7684\u9875\u9762\u800C\u6536\u5230\u7684\uFF08\u672A\u8BA2\u9605\u8BE5\u4E3B\u9898\uFF09\uFF1A\u90AE\u4EF6 ${email} \u4EBA\uFF0C\u77ED\u4FE1 ${sms} \u4EBA`,
  audienceDigests: (email, sms) => `\u53E6\u6709\u6458\u8981\u8BFB\u8005\u5728\u4E0B\u4E00\u671F\u6BCF\u65E5\u6216\u6BCF\u5468\u6458\u8981\u4E2D\u770B\u5230\uFF1A\u90AE\u4EF6 ${email} \u4EBA\uFF0C\u77ED\u4FE1 ${sms} \u4EBA`,
  audienceApproximate: "\u62A5\u544A\u4EBA\u8F83\u591A\uFF1A\u540C\u65F6\u8BA2\u9605\u7684\u62A5\u544A\u4EBA\u6309\u524D\u4E00\u5343\u4F4D\u7684\u6BD4\u4F8B\u4F30\u7B97\uFF0C\u8BA2\u9605\u8005\u4EBA\u6570\u4E3A\u7EA6\u6570\u3002",
  audienceLoading: "\u6B63\u5728\u7EDF\u8BA1\u53D1\u5E03\u8303\u56F4\u2026",
  audienceFailed: "\u65E0\u6CD5\u7EDF\u8BA1\u53D1\u5E03\u8303\u56F4\uFF0C\u8BF7\u91CD\u8BD5\u3002",
  retry: "\u91CD\u8BD5",
  ownDraft: "\u60A8\u64B0\u5199\u6216\u63D0\u4EA4\u4E86\u8FD9\u4EFD\u8349\u7A3F\uFF1A\u6309\u7167\u53CC\u4EBA\u5BA1\u6838\u89C4\u5219\uFF0C\u9700\u7531\u53E6\u4E00\u4F4D\u7F16\u8F91\u6279\u51C6\u3002",
  published: "\u5DF2\u53D1\u5E03\uFF0C\u53EF\u5728\u516C\u5F00\u9875\u9762\u67E5\u770B\uFF1A",
  waitingForPublication: "\u5DF2\u6279\u51C6\uFF0C\u6B63\u5728\u53D1\u5E03\u2026",
  amendHint: "\u5C06\u4EE5\u5F53\u524D\u53D1\u5E03\u7684\u5185\u5BB9\u4E3A\u8349\u7A3F\u65B0\u5EFA\u4E00\u4E2A\u4FEE\u8BA2\u6848\u4EF6\uFF1B\u6279\u51C6\u540E\u66F4\u6B63\u4F1A\u589E\u52A0\u4E00\u4E2A\u65B0\u7248\u672C\u3002",
  nothingChanged: "\u6CA1\u6709\u6539\u52A8\u3002",
  openCase: "\u65B0\u5EFA\u6848\u4EF6\uFF08\u76D1\u6D4B\u6216\u5185\u90E8\u53D1\u73B0\uFF09",
  caseText: "\u95EE\u9898\u63CF\u8FF0",
  caseUrl: "\u6D89\u53CA\u9875\u9762\u5730\u5740\uFF08\u53EF\u9009\uFF09",
  caseSource: "\u6765\u6E90",
  caseSeverity: "\u4E25\u91CD\u7A0B\u5EA6\uFF08\u53EF\u9009\uFF09",
  topicDefault: "\u6309\u4E3B\u9898\u9ED8\u8BA4",
  caseEvidence: "\u8BC1\u636E\u94FE\u63A5\uFF08\u53EF\u9009\uFF0C\u6BCF\u884C\u4E00\u4E2A\uFF09",
  caseLanguage: "\u8BED\u8A00",
  create: "\u521B\u5EFA\u6848\u4EF6",
  digestTitle: "\u6BCF\u65E5\u7B80\u62A5",
  generatedAt: "\u751F\u6210\u65F6\u95F4",
  openByStatus: "\u5728\u529E\u6848\u4EF6\uFF08\u6309\u72B6\u6001\uFF09",
  newSince: "\u8FC7\u53BB24\u5C0F\u65F6\u65B0\u5F00",
  publishedSince: "\u8FC7\u53BB24\u5C0F\u65F6\u53D1\u5E03",
  overdueCases: "\u903E\u671F\u6848\u4EF6",
  noOverdue: "\u6CA1\u6709\u903E\u671F\u6848\u4EF6\u3002",
  back: "\u8FD4\u56DE\u961F\u5217",
  historyActions: {
    open: "\u7ACB\u6848",
    assign: "\u5206\u6D3E",
    review: "\u8BB0\u5F55\u5BA1\u6838\u7ED3\u8BBA",
    draft: "\u4FDD\u5B58\u8349\u7A3F",
    submit: "\u63D0\u4EA4\u5BA1\u6279",
    "request-changes": "\u9000\u56DE\u4FEE\u6539",
    approve: "\u6279\u51C6\u53D1\u5E03",
    close: "\u5173\u95ED\u6848\u4EF6",
    update: "\u4FEE\u6539\u4E3B\u9898\u6216\u4E25\u91CD\u7A0B\u5EA6",
    publish: "\u53D1\u5E03\u66F4\u6B63",
    amend: "\u53D1\u8D77\u4FEE\u8BA2",
    escalate: "\u6309\u62A5\u544A\u6B21\u6570\u81EA\u52A8\u5347\u7EA7",
    merge: "\u5E76\u5165\u91CD\u590D\u6848\u4EF6",
    announce: "\u91CD\u65B0\u53D1\u9001"
  },
  unknownAction: "\u5176\u4ED6\u64CD\u4F5C",
  historyDetails: {
    source: (source) => `\u6765\u6E90\uFF1A${source}`,
    assignee: (who) => `\u5206\u6D3E\u7ED9 ${who}`,
    verdict: (verdict) => `\u7ED3\u8BBA\uFF1A${verdict}`,
    duplicateOf: (id) => `\u91CD\u590D\u4E8E\u6848\u4EF6 ${id}`,
    headline: (text) => `\u6807\u9898\uFF1A${text}`,
    topic: (from, to) => `\u4E3B\u9898\uFF1A${from} \u2192 ${to}`,
    severity: (from, to) => `\u4E25\u91CD\u7A0B\u5EA6\uFF1A${from} \u2192 ${to}`,
    reports: (n) => `\u5171 ${n} \u6B21\u62A5\u544A`,
    merged: (id, n) => `\u6848\u4EF6 ${id} \u5E76\u5165\uFF08${n} \u6B21\u62A5\u544A\uFF09`,
    correction: (id) => `\u66F4\u6B63\u7F16\u53F7 ${id}`,
    noChange: "\u6CA1\u6709\u6539\u52A8"
  },
  problems: {
    "two-person-rule": "\u6309\u7167\u53CC\u4EBA\u5BA1\u6838\u89C4\u5219\uFF0C\u4FDD\u5B58\u8FC7\u6216\u63D0\u4EA4\u8FC7\u8FD9\u4EFD\u8349\u7A3F\u7684\u4EBA\u4E0D\u80FD\u6279\u51C6\u5B83\uFF0C\u9700\u7531\u53E6\u4E00\u4F4D\u7F16\u8F91\u6279\u51C6\u3002",
    "status-not-allowed": "\u6848\u4EF6\u5F53\u524D\u7684\u72B6\u6001\u4E0D\u5141\u8BB8\u6B64\u64CD\u4F5C\u3002",
    "draft-required": "\u8BF7\u5148\u4FDD\u5B58\u8349\u7A3F\uFF0C\u518D\u63D0\u4EA4\u5BA1\u6279\u3002",
    "duplicate-of-itself": "\u6848\u4EF6\u4E0D\u80FD\u6807\u8BB0\u4E3A\u4E0E\u81EA\u8EAB\u91CD\u590D\u3002",
    "duplicate-target-closed": "\u76EE\u6807\u6848\u4EF6\u5DF2\u4E0D\u5728\u529E\u7406\u4E2D\uFF0C\u4E0D\u80FD\u5E76\u5165\u3002",
    "not-found": "\u627E\u4E0D\u5230\u8BE5\u6848\u4EF6\u6216\u66F4\u6B63\u3002",
    forbidden: "\u60A8\u7684\u7528\u6237\u7EC4\u65E0\u6743\u6267\u884C\u6B64\u64CD\u4F5C\u3002",
    "invalid-request": "\u8BF7\u6C42\u65E0\u6548\uFF0C\u8BF7\u4FEE\u6539\u540E\u518D\u8BD5\u3002"
  },
  fieldProblems: {
    required: () => "\u5FC5\u586B\u3002",
    "unknown-field": () => "\u4E0D\u662F\u53EF\u63A5\u53D7\u7684\u5B57\u6BB5\u3002",
    "too-long": (n) => `\u4E0D\u80FD\u8D85\u8FC7 ${n} \u4E2A\u5B57\u7B26\u3002`,
    "too-short": (n) => `\u81F3\u5C11\u9700\u8981 ${n} \u4E2A\u5B57\u7B26\u3002`,
    blank: () => "\u4E0D\u80FD\u53EA\u6709\u7A7A\u767D\u3002",
    "not-unicode": () => "\u542B\u6709\u65E0\u6548\u5B57\u7B26\u3002",
    "not-web-url": () => "\u8BF7\u586B\u5199\u4EE5 http \u6216 https \u5F00\u5934\u7684\u7F51\u5740\u3002",
    "not-email": () => "\u8BF7\u586B\u5199\u6709\u6548\u7684\u7535\u5B50\u90AE\u4EF6\u5730\u5740\u3002",
    "not-phone": () => "\u8BF7\u586B\u5199\u6709\u6548\u7684\u624B\u673A\u53F7\u7801\uFF08E.164 \u683C\u5F0F\uFF0C\u4F8B\u5982 +8613800138000\uFF09\u3002",
    "sms-too-long": () => "\u52A0\u4E0A\u94FE\u63A5\u540E\u5FC5\u987B\u80FD\u653E\u8FDB\u4E00\u6761\u77ED\u4FE1\uFF08160 \u4E2A GSM-7 \u5B57\u7B26\u6216 70 \u4E2A UCS-2 \u5B57\u7B26\uFF09\u3002",
    "unknown-topic": () => "\u6CA1\u6709\u8FD9\u4E2A\u4E3B\u9898\u3002",
    "unknown-case": () => "\u6CA1\u6709\u8FD9\u4E2A\u6848\u4EF6\u3002",
    "case-not-open": () => "\u8BE5\u6848\u4EF6\u5DF2\u4E0D\u5728\u529E\u7406\u4E2D\u3002"
  },
  preview: "\u5C06\u53D1\u9001\u7684\u6D88\u606F",
  previewLoading: "\u6B63\u5728\u751F\u6210\u5C06\u53D1\u9001\u7684\u6D88\u606F\u2026",
  previewFailed: "\u65E0\u6CD5\u751F\u6210\u5C06\u53D1\u9001\u7684\u6D88\u606F\uFF0C\u8BF7\u91CD\u8BD5\u3002",
  previewLanguage: (language2, email, sms) => `${language2}\u8BA2\u9605\u8005\uFF1A\u90AE\u4EF6 ${email} \u4EBA\uFF0C\u77ED\u4FE1 ${sms} \u4EBA`,
  emailSubject: "\u90AE\u4EF6\u4E3B\u9898",
  emailBody: "\u90AE\u4EF6\u6B63\u6587",
  smsMessage: (segments, encoding) => `\u77ED\u4FE1\uFF08${segments} \u6BB5\uFF0C${encoding}\uFF09`,
  placeholderId: (id) => `\u94FE\u63A5\u4E2D\u7684\u66F4\u6B63\u7F16\u53F7 ${id} \u662F\u5360\u4F4D\u7B26\uFF0C\u53D1\u5E03\u65F6\u624D\u751F\u6210\uFF08\u6309\u6700\u957F\u7F16\u53F7\u8BA1\u7B97\u77ED\u4FE1\u957F\u5EA6\uFF09\u3002`,
  placeholderUnsubscribe: (link) => `\u6BCF\u4F4D\u8BA2\u9605\u8005\u6536\u5230\u7684\u9000\u8BA2\u94FE\u63A5\u5404\u4E0D\u76F8\u540C\uFF0C\u6B64\u5904\u663E\u793A\u4E3A ${link}\u3002`,
  changes: (version) => `\u4E0E\u5DF2\u53D1\u5E03\u7684\u7B2C ${version} \u7248\u76F8\u6BD4\u7684\u6539\u52A8`,
  removed: "\u5220\u9664\uFF1A",
  added: "\u65B0\u589E\uFF1A",
  confirmTitle: "\u786E\u8BA4\u53D1\u5E03",
  confirmPublish: (email, sms, reporters) => `\u6279\u51C6\u540E\u5C06\u7ACB\u5373\u53D1\u5E03\uFF0C\u5E76\u901A\u77E5 ${email} \u4F4D\u90AE\u4EF6\u8BA2\u9605\u8005\u3001${sms} \u4F4D\u77ED\u4FE1\u8BA2\u9605\u8005\u548C ${reporters} \u4F4D\u62A5\u544A\u4EBA\u3002\u53D1\u5E03\u7684\u5185\u5BB9\u65E0\u6CD5\u64A4\u56DE\u6216\u5220\u9664\u3002`,
  confirmAudienceUnknown: "\u6279\u51C6\u540E\u5C06\u7ACB\u5373\u53D1\u5E03\u5E76\u901A\u77E5\u8BE5\u4E3B\u9898\u7684\u5168\u90E8\u8BA2\u9605\u8005\u548C\u62A5\u544A\u4EBA\u3002\u53D1\u5E03\u7684\u5185\u5BB9\u65E0\u6CD5\u64A4\u56DE\u6216\u5220\u9664\u3002",
  confirmButton: "\u786E\u8BA4\u6279\u51C6\u5E76\u53D1\u5E03",
  confirmCloseTitle: "\u786E\u8BA4\u5173\u95ED\u6848\u4EF6",
  confirmClose: "\u5173\u95ED\u540E\u6848\u4EF6\u4E0D\u518D\u529E\u7406\uFF0C\u62A5\u544A\u4EBA\u4F1A\u6536\u5230\u5904\u7406\u7ED3\u679C\u3002\u786E\u5B9A\u5173\u95ED\u5417\uFF1F",
  confirmCloseButton: "\u786E\u8BA4\u5173\u95ED",
  cancel: "\u53D6\u6D88",
  unsavedLeave: "\u8349\u7A3F\u6709\u672A\u4FDD\u5B58\u7684\u4FEE\u6539\uFF0C\u79BB\u5F00\u5C06\u4E22\u5931\u8FD9\u4E9B\u4FEE\u6539\u3002\u786E\u5B9A\u79BB\u5F00\u5417\uFF1F",
  unsavedMark: "\u6709\u672A\u4FDD\u5B58\u7684\u4FEE\u6539",
  submitSavesFirst: "\u8349\u7A3F\u6709\u672A\u4FDD\u5B58\u7684\u4FEE\u6539\uFF1A\u63D0\u4EA4\u524D\u4F1A\u5148\u4FDD\u5B58\u3002",
  unsavedNotSaved: "\u672A\u4FDD\u5B58\u7684\u4FEE\u6539\u672A\u80FD\u4FDD\u5B58\uFF0C\u56E0\u6B64\u6CA1\u6709\u63D0\u4EA4\u3002\u8BF7\u5148\u4FEE\u6B63\u8349\u7A3F\u3002",
  conflictTitle: "\u5728\u60A8\u7F16\u8F91\u671F\u95F4\uFF0C\u4ED6\u4EBA\u4FDD\u5B58\u4E86\u65B0\u7684\u8349\u7A3F",
  theirVersion: (who) => `\u5BF9\u65B9\u4FDD\u5B58\u7684\u7248\u672C\uFF08${who}\uFF09`,
  yourVersion: "\u60A8\u7684\u7248\u672C\uFF08\u5C1A\u672A\u4FDD\u5B58\uFF0C\u4ECD\u5728\u4E0B\u65B9\u8868\u5355\u4E2D\uFF09",
  useTheirs: "\u6539\u7528\u5BF9\u65B9\u7684\u7248\u672C",
  conflictHint: "\u6838\u5BF9\u540E\u518D\u6B21\u70B9\u51FB\u201C\u4FDD\u5B58\u8349\u7A3F\u201D\u5373\u4EE5\u60A8\u7684\u7248\u672C\u8986\u76D6\u3002",
  errors: {
    title: "\u64CD\u4F5C\u672A\u5B8C\u6210",
    fieldsIntro: "\u8BF7\u4FEE\u6539\u4EE5\u4E0B\u5185\u5BB9\uFF1A",
    changed: "\u6B64\u6848\u4EF6\u5728\u60A8\u6253\u5F00\u540E\u5DF2\u88AB\u4ED6\u4EBA\u4FEE\u6539\uFF0C\u5DF2\u4E3A\u60A8\u91CD\u65B0\u52A0\u8F7D\u3002\u8BF7\u6838\u5BF9\u540E\u518D\u8BD5\u3002",
    conflict: "\u5F53\u524D\u72B6\u6001\u4E0B\u4E0D\u80FD\u6267\u884C\u6B64\u64CD\u4F5C\uFF0C\u5DF2\u91CD\u65B0\u52A0\u8F7D\u6848\u4EF6\u3002",
    ifMatch: "\u8BF7\u6C42\u7F3A\u5C11\u7248\u672C\u4FE1\u606F\uFF08If-Match\uFF09\uFF0C\u8BF7\u91CD\u65B0\u52A0\u8F7D\u540E\u518D\u8BD5\u3002",
    forbidden: "\u60A8\u7684\u7528\u6237\u7EC4\u65E0\u6743\u6267\u884C\u6B64\u64CD\u4F5C\u3002",
    notFound: "\u627E\u4E0D\u5230\u8BE5\u6848\u4EF6\u3002",
    rateLimited: (seconds) => `\u8BF7\u6C42\u8FC7\u4E8E\u9891\u7E41\uFF0C\u8BF7\u5728 ${seconds} \u79D2\u540E\u91CD\u8BD5\u3002`,
    network: "\u65E0\u6CD5\u8FDE\u63A5\u670D\u52A1\u5668\uFF0C\u8BF7\u68C0\u67E5\u7F51\u7EDC\u540E\u91CD\u8BD5\u3002",
    server: "\u670D\u52A1\u5668\u51FA\u9519\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5\u3002"
  }
};
var en3 = {
  consoleTitle: "Corrections desk",
  switchLanguage: { to: "zh-CN", label: "\u4E2D\u6587" },
  skipToContent: "Skip to content",
  navigation: "Navigation",
  queue: "Queue",
  newCase: "New case",
  digest: "Digest",
  signedInAs: (name, groups) => `Signed in as ${name} (${groups})`,
  signOut: "Sign out",
  signIn: "Sign in",
  signInTitle: "Sign in to the corrections desk",
  devSignInIntro: "Local development: pick an identity; the console asks /dev/token for a token.",
  identity: "Identity",
  customIdentity: "Custom identity",
  sub: "User id (sub)",
  name: "Display name",
  groups: "Groups",
  cognitoSignInIntro: "Sign in with your staff account (Amazon Cognito).",
  cognitoSignIn: "Go to sign-in",
  sessionExpired: "Your session has expired. Please sign in again.",
  signInFailed: "Sign-in failed: ",
  roles: { reviewer: "reviewer", editor: "editor", admin: "admin" },
  loading: "Loading\u2026",
  filters: "Filters",
  status: "Status",
  allOpen: "All open",
  topic: "Topic",
  allTopics: "All topics",
  assignee: "Assignee",
  mine: "Mine only",
  apply: "Filter",
  more: "Load more",
  noCases: "No cases match.",
  due: "Due",
  overdue: "Overdue",
  overdueBy: (text) => `overdue by ${text}`,
  dueIn: (text) => `due in ${text}`,
  reports: (n) => n === 1 ? "1 report" : `${n} reports`,
  unassigned: "unassigned",
  statuses: {
    received: "Received",
    in_review: "In review",
    drafting: "Drafting",
    awaiting_approval: "Awaiting approval",
    approved: "Approved",
    published: "Published",
    closed: "Closed"
  },
  severities: { low: "Low", normal: "Normal", high: "High", critical: "Critical" },
  sources: { public: "Public report", monitoring: "Monitoring", staff: "Staff", amendment: "Amendment" },
  verdicts: {
    correction: "Correction needed",
    clarification: "Clarification needed",
    no_action: "No action",
    duplicate: "Duplicate"
  },
  languages: { "zh-CN": "Chinese", en: "English" },
  fields: {
    id: "Id",
    status: "Status",
    topic: "Topic",
    severity: "Severity",
    source: "Source",
    text: "Report",
    url: "Affected page",
    evidence: "Evidence",
    language: "Language",
    reportCount: "Reports",
    assignee: "Assignee",
    dueAt: "Review due",
    createdAt: "Opened",
    updatedAt: "Last changed",
    version: "Version",
    amends: "Amends correction",
    amendmentNote: "Why amended",
    review: "Review",
    draft: "Draft",
    approval: "Approval",
    correctionId: "Published correction",
    resolution: "Resolution"
  },
  otherFields: "Other fields",
  caseTitle: (id) => `Case ${id}`,
  details: "Details",
  history: "History",
  actions: "Actions",
  noActions: "Your groups have no action on a case in this status.",
  reviewer: "Reviewer",
  author: "Author",
  approver: "Approver",
  at: "At",
  verdict: "Verdict",
  findings: "Findings",
  duplicateOf: "Duplicate of case",
  reason: "Reason",
  resolutionKinds: { no_action: "No action", duplicate: "Duplicate", rejected: "Rejected" },
  actionTitles: {
    assign: "Assign",
    review: "Review verdict",
    draft: "Draft",
    submit: "Submit for approval",
    "request-changes": "Request changes",
    approve: "Approve",
    close: "Close the case",
    update: "Topic and severity",
    amend: "Amend the published correction"
  },
  actionButtons: {
    assign: "Assign",
    review: "Record verdict",
    draft: "Save draft",
    submit: "Submit for approval",
    "request-changes": "Request changes",
    approve: "Approve",
    close: "Close case",
    update: "Save changes",
    amend: "Open amendment"
  },
  actionDone: {
    assign: "Assigned.",
    review: "Verdict recorded.",
    draft: "Draft saved.",
    submit: "Submitted for approval.",
    "request-changes": "Sent back for changes.",
    approve: "Approved; publication follows within seconds.",
    close: "Case closed.",
    update: "Changes saved.",
    amend: "Amendment case opened."
  },
  assignHint: "Yourself unless you name someone else.",
  draftType: "Type",
  headline: "Headline",
  body: "Body",
  smsText: "SMS text (optional)",
  affectedUrl: "Affected page URL (optional)",
  smsMeter: (units, limit, encoding, segments) => `SMS with link: ${units} / ${limit} ${encoding} characters, ${segments} ${segments === 1 ? "segment" : "segments"}`,
  smsDerived: "No SMS text: it will be made from the headline:",
  smsTooLong: "Longer than one SMS: saving will be refused. Shorten the SMS text.",
  submitNeedsDraft: "Save a draft before submitting it.",
  note: "Note",
  audience: "Publication would reach",
  audienceCounts: (email, sms, reporters) => `${email} email subscribers, ${sms} SMS subscribers, ${reporters} reporters`,
  audienceSegments: (n) => `SMS of ${n} ${n === 1 ? "segment" : "segments"}`,
  audiencePage: (email, sms) => `Of these, following the corrected page but not the topic: ${email} by email, ${sms} by SMS`,
  audienceDigests: (email, sms) => `Besides, digest readers see it in their next daily or weekly digest: ${email} by email, ${sms} by SMS`,
  audienceApproximate: "Many reporters: those who also subscribe are estimated from the first thousand, so the subscriber counts are approximate.",
  audienceLoading: "Counting who publication would reach\u2026",
  audienceFailed: "The audience could not be counted. Try again.",
  retry: "Retry",
  ownDraft: "You wrote this draft or submitted it: under the two-person rule, another editor must approve it.",
  published: "Published; the public page:",
  waitingForPublication: "Approved; publishing\u2026",
  amendHint: "Opens an amendment case with the published wording as its draft; once approved, the correction gets a new version.",
  nothingChanged: "Nothing changed.",
  openCase: "Open a case (monitoring or staff)",
  caseText: "What is wrong",
  caseUrl: "Affected page URL (optional)",
  caseSource: "Source",
  caseSeverity: "Severity (optional)",
  topicDefault: "Topic default",
  caseEvidence: "Evidence links (optional, one per line)",
  caseLanguage: "Language",
  create: "Open case",
  digestTitle: "Daily digest",
  generatedAt: "Generated",
  openByStatus: "Open cases by status",
  newSince: "Opened in the last 24 h",
  publishedSince: "Published in the last 24 h",
  overdueCases: "Overdue cases",
  noOverdue: "No overdue cases.",
  back: "Back to the queue",
  historyActions: {
    open: "Opened",
    assign: "Assigned",
    review: "Review recorded",
    draft: "Draft saved",
    submit: "Submitted for approval",
    "request-changes": "Changes requested",
    approve: "Approved",
    close: "Closed",
    update: "Topic or severity changed",
    publish: "Correction published",
    amend: "Amendment opened",
    escalate: "Escalated by report count",
    merge: "Duplicate merged in",
    announce: "Announced again"
  },
  unknownAction: "Other action",
  historyDetails: {
    source: (source) => `Source: ${source}`,
    assignee: (who) => `Assigned to ${who}`,
    verdict: (verdict) => `Verdict: ${verdict}`,
    duplicateOf: (id) => `Duplicate of case ${id}`,
    headline: (text) => `Headline: ${text}`,
    topic: (from, to) => `Topic: ${from} \u2192 ${to}`,
    severity: (from, to) => `Severity: ${from} \u2192 ${to}`,
    reports: (n) => `${n} reports`,
    merged: (id, n) => `Case ${id} merged in (${n} reports)`,
    correction: (id) => `Correction ${id}`,
    noChange: "No change"
  },
  problems: {
    "two-person-rule": "The two-person rule: whoever saved or submitted this draft cannot approve it; another editor must.",
    "status-not-allowed": "The case\u2019s current status does not allow this.",
    "draft-required": "Save a draft before submitting it for approval.",
    "duplicate-of-itself": "A case cannot be a duplicate of itself.",
    "duplicate-target-closed": "That case is no longer open and cannot absorb a duplicate.",
    "not-found": "No such case or correction.",
    forbidden: "Your groups do not allow this.",
    "invalid-request": "The request is invalid; change it and try again."
  },
  fieldProblems: {
    required: () => "Required.",
    "unknown-field": () => "Not a field this accepts.",
    "too-long": (n) => `At most ${n} characters.`,
    "too-short": (n) => `At least ${n} characters.`,
    blank: () => "Must not be blank.",
    "not-unicode": () => "Contains invalid characters.",
    "not-web-url": () => "Enter an address starting with http or https.",
    "not-email": () => "Enter a valid email address.",
    "not-phone": () => "Enter a valid phone number in E.164 form, e.g. +8613800138000.",
    "sms-too-long": () => "With the link it must fit one SMS segment (160 GSM-7 or 70 UCS-2 characters).",
    "unknown-topic": () => "No such topic.",
    "unknown-case": () => "No such case.",
    "case-not-open": () => "That case is no longer open."
  },
  preview: "What will be sent",
  previewLoading: "Rendering what will be sent\u2026",
  previewFailed: "Could not render what will be sent. Try again.",
  previewLanguage: (language2, email, sms) => `Subscribers reading ${language2}: ${email} by email, ${sms} by SMS`,
  emailSubject: "Email subject",
  emailBody: "Email body",
  smsMessage: (segments, encoding) => `SMS (${segments} segment(s), ${encoding})`,
  placeholderId: (id) => `The correction id in the link (${id}) stands in for the one drawn at publication (the longest, so the SMS is measured at its worst).`,
  placeholderUnsubscribe: (link) => `Each subscriber gets their own unsubscribe link; shown here as ${link}.`,
  changes: (version) => `What changes against published version ${version}`,
  removed: "Removed: ",
  added: "Added: ",
  confirmTitle: "Confirm publication",
  confirmPublish: (email, sms, reporters) => `Approving publishes at once and notifies ${email} email subscribers, ${sms} SMS subscribers and ${reporters} reporters. What is published cannot be withdrawn or deleted.`,
  confirmAudienceUnknown: "Approving publishes at once and notifies every subscriber of the topic and the reporters. What is published cannot be withdrawn or deleted.",
  confirmButton: "Approve and publish",
  confirmCloseTitle: "Confirm closing the case",
  confirmClose: "A closed case is no longer worked on, and its reporters are told the outcome. Close it?",
  confirmCloseButton: "Close the case",
  cancel: "Cancel",
  unsavedLeave: "The draft has unsaved changes, which leaving would lose. Leave anyway?",
  unsavedMark: "Unsaved changes",
  submitSavesFirst: "The draft has unsaved changes: submitting saves them first.",
  unsavedNotSaved: "Your unsaved changes could not be saved, so nothing was submitted. Correct the draft first.",
  conflictTitle: "Someone else saved the draft while you were editing",
  theirVersion: (who) => `Their saved version (${who})`,
  yourVersion: "Your version (not saved yet, still in the form below)",
  useTheirs: "Use their version",
  conflictHint: "Compare them; saving the draft again puts your version over theirs.",
  errors: {
    title: "That did not work",
    fieldsIntro: "Please fix:",
    changed: "Someone changed this case since you opened it. It has been reloaded: check it and try again.",
    conflict: "That is not allowed in the case\u2019s current status. The case has been reloaded.",
    ifMatch: "The request lacked the case version (If-Match). Reload and try again.",
    forbidden: "Your groups do not allow this.",
    notFound: "There is no such case.",
    rateLimited: (seconds) => `Too many requests. Try again in ${seconds} s.`,
    network: "The server cannot be reached. Check the connection and try again.",
    server: "Something went wrong on the server. Try again later."
  }
};
var consoleWords = { "zh-CN": zh3, en: en3 };

// shared/console/client/main.ts
var languageKey = "corrections-console.language";
var settings = JSON.parse(document.body.getAttribute(settingsAttribute) ?? "{}");
var apiBase = new URL("./", location.href);
var cognito = settings.signIn === "cognito" && settings.cognitoDomainUrl && settings.cognitoClientId ? {
  domainUrl: settings.cognitoDomainUrl,
  clientId: settings.cognitoClientId,
  redirectUri: settings.consoleUrl
} : void 0;
var language = localStorage.getItem(languageKey) === "en" ? "en" : "zh-CN";
var session = loadSession();
var topics = [];
var currentView;
var shownRoute = location.hash;
var unsavedGuard;
var unsavedWork = () => unsavedGuard !== void 0 && unsavedGuard.view === currentView && unsavedGuard.unsaved();
var signInMessage;
var root = document.getElementById("app") ?? document.body;
var banner = h("div", { class: "banner" });
var main = h("main", { id: "main", tabindex: -1 });
var announcer = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
var skip = h("a", { class: "skip", href: "#main" });
skip.addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
replaceChildren(root, skip, banner, main, announcer);
var words = () => consoleWords[language];
async function bearer() {
  if (session && !isFresh(session) && cognito) session = await renew(cognito, session);
  if (session && isFresh(session)) return session.token;
  expired();
  throw new ApiError(401);
}
function expired() {
  session = void 0;
  clearSession();
  signInMessage = words().sessionExpired;
  show();
}
var api = createApi(apiBase, bearer, expired);
function context() {
  if (!session) return void 0;
  return {
    settings,
    apiBase,
    language,
    words: words(),
    actor: actorOf(session.claims),
    api,
    topics,
    announce(message) {
      announcer.textContent = "";
      setTimeout(() => {
        announcer.textContent = message;
      }, 50);
    },
    navigate(route) {
      if (location.hash === route) show();
      else location.hash = route;
    },
    isCurrent: (view2) => view2 === currentView,
    protectUnsaved(view2, unsaved) {
      unsavedGuard = { view: view2, unsaved };
    }
  };
}
var mayLeave = () => !unsavedWork() || window.confirm(words().unsavedLeave);
window.addEventListener("beforeunload", (event) => {
  if (unsavedWork()) event.preventDefault();
});
function header() {
  const w = words();
  const languageButton = h(
    "button",
    { type: "button", class: "link", lang: w.switchLanguage.to },
    w.switchLanguage.label
  );
  languageButton.addEventListener("click", () => {
    if (!mayLeave()) return;
    language = w.switchLanguage.to;
    localStorage.setItem(languageKey, language);
    show();
  });
  const route = location.hash.split("?")[0] || "#/queue";
  const link = (href, text) => h("li", {}, h("a", { href, "aria-current": route === href ? "page" : false }, text));
  let signedIn = null;
  if (session) {
    const { claims } = session;
    const out = h("button", { type: "button", class: "link" }, w.signOut);
    out.addEventListener("click", async () => {
      if (!mayLeave()) return;
      const ending = session;
      session = void 0;
      signInMessage = void 0;
      await signOut(cognito, ending);
      show();
    });
    signedIn = h(
      "div",
      { class: "who" },
      h(
        "span",
        {},
        w.signedInAs(
          claims.name ? `${claims.name} \xB7 ${claims.sub}` : claims.sub,
          claims.groups.map((g) => w.roles[g]).join(", ")
        )
      ),
      out
    );
  }
  return h(
    "header",
    { class: "top" },
    h("p", { class: "brand" }, w.consoleTitle),
    session ? h(
      "nav",
      { "aria-label": w.navigation },
      h(
        "ul",
        {},
        link("#/queue", w.queue),
        link("#/new", w.newCase),
        link("#/digest", w.digest),
        ...session.claims.groups.includes("admin") ? [
          link("#/webhooks", channelWords[language].webhooks),
          link("#/import", channelWords[language].importNav),
          link("#/erase", privacyWords[language].eraseNav)
        ] : []
      )
    ) : null,
    signedIn,
    languageButton
  );
}
function view() {
  const w = words();
  const signedIn = context();
  if (!signedIn) {
    return signInView(
      settings,
      w,
      {
        dev: async (identity) => {
          session = await devSignIn(apiBase, identity);
          await signedInNow();
        },
        cognito: async () => {
          if (!cognito) throw new Error("Cognito sign-in is not configured");
          await startCognitoSignIn(cognito, location.hash);
        }
      },
      signInMessage
    );
  }
  const [path = "", query = ""] = location.hash.replace(/^#/, "").split("?");
  const caseId = /^\/cases\/(.+)$/.exec(path)?.[1];
  if (caseId) return caseView(signedIn, decodeURIComponent(caseId));
  if (path === "/new") return newCaseView(signedIn);
  if (path === "/digest") return digestView(signedIn);
  if (path === "/webhooks") return webhooksView(signedIn);
  if (path === "/import") return importView(signedIn);
  if (path === "/erase") return eraseView(signedIn);
  return queueView(signedIn, new URLSearchParams(query));
}
function show() {
  document.documentElement.lang = language;
  skip.textContent = words().skipToContent;
  replaceChildren(banner, header());
  shownRoute = location.hash;
  const next = view();
  currentView = next;
  replaceChildren(main, next);
  const heading = next.querySelector("h1");
  document.title = `${heading?.textContent ?? ""} \xB7 ${words().consoleTitle}`;
  heading?.focus();
}
async function signedInNow() {
  signInMessage = void 0;
  try {
    topics = (await api.call("GET", "admin/topics")).data.items;
  } catch {
    topics = [];
  }
  show();
}
async function start() {
  const query = new URLSearchParams(location.search);
  if (cognito && (query.has("code") || query.has("error"))) {
    try {
      const completed = await completeCognitoSignIn(cognito, query);
      session = completed.session;
      history.replaceState(null, "", `${location.pathname}${completed.returnTo}`);
    } catch (error) {
      history.replaceState(null, "", location.pathname);
      signInMessage = `${words().signInFailed}${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (session && !isFresh(session)) session = cognito ? await renew(cognito, session) : void 0;
  if (session) await signedInNow();
  else show();
  window.addEventListener("hashchange", () => {
    if (location.hash !== shownRoute && !mayLeave()) {
      history.replaceState(null, "", shownRoute || location.pathname);
      return;
    }
    show();
  });
}
void start();
