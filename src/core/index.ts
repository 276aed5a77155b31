// The engine's public face: what the plugin and the CLI import.

export { NoteTidier, tidyNote, type TidyResult } from "./tidy";
export { DEFAULT_OPTIONS, OMNIVORE_PROXY_BASES, resolveOptions, type TidyOptions, type SchemaKeys, type DayMonthOrder } from "./options";
export { PROBLEM_TITLES, type NoteReport, type Problem, type ProblemCode, type Change, type ChangeKind } from "./report";
export { unwrapProxyUrl, buildProxyMatcher, type ProxyMatcher, type UnwrapResult } from "./proxyUrls";
export { FRONTMATTER_STEPS } from "./frontmatter/normalize";
export { hashText } from "./hash";
export { tagMatches } from "./omnivoreTag";
export { type StatusValues, type RecoverFields } from "./options";
