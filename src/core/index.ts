// The engine's public face: what the plugin and the CLI import.

export { NoteTidier, tidyNote, type TidyResult } from "./tidy";
export { DEFAULT_OPTIONS, OMNIVORE_PROXY_BASES, resolveOptions, type TidyOptions, type SchemaKeys, type DayMonthOrder } from "./options";
export { PROBLEM_TITLES, type NoteReport, type Problem, type ProblemCode, type Change, type ChangeKind } from "./report";
export { unwrapProxyUrl, buildProxyMatcher, type ProxyMatcher, type UnwrapResult } from "./proxyUrls";
export { FRONTMATTER_STEPS } from "./frontmatter/normalize";
export { hashText } from "./hash";
export { checkDateFormat, upgradeSavedFormat, type DateFormatCheck } from "./dateFormat";
export { tagMatches } from "./omnivore/tags";
export { mayBeOmnivoreByMetadata, mayBeOmnivoreByText, type NoteMetadata } from "./omnivore/detect";
export { READING_STATUSES, type ReadingStatus } from "./omnivore/status";
export { buildOmnivoreLinks, type OmnivoreLinks } from "./omnivore/urls";
export { type MatchMode } from "./options";
export { type StatusValues, type RecoverFields } from "./options";
export { buildQueueItem, QUEUE_STATUSES, type QueueItem, type QueueStatus } from "./queue/queueItem";
export { QueueQuery, QUEUE_SORTS, seededRandom, type QueueSort, type QueueResult } from "./queue/queueQuery";
export { EMPTY_FILTER, isFiltering, wordsMatcher, type QueueFilter, type SavedPreset, type ReadingBucket, type SearchMatcher } from "./queue/queueFilter";
export { readingMinutes } from "./queue/readingTime";
export { setNoteStatus } from "./queue/setStatus";
export { queueBaseFile } from "./queue/basesFile";
export { Journal, JournalBatchWriter, parseBatch, DEFAULT_JOURNAL_LIMITS, type JournalEntry, type JournalStorage, type JournalLimits } from "./journal/journal";
export { decideRestore, earlierText, entriesByNote, textBefore, type RestoreDecision } from "./journal/restore";
export { LazyBatch } from "./journal/lazyBatch";
export { NoteLeftError, asNoteLeft, type NoteStore } from "./journal/noteStore";
export { tidyAndRecord, type TidyRecorded } from "./journal/tidyAndRecord";
export { undoBatch, EDITED_SINCE, type UndoOutcome } from "./journal/undoBatch";
export { plural, countChanges, addCounts, describeCounts, groupProblems, countProblems, type ChangeCounts, type NoteProblems, type ProblemGroups } from "./summary";
