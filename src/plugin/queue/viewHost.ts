// What a queue view needs from the plugin, as one narrow interface.

import type { ReadingStatus, SavedFilter } from "../../core";
import type { QueueScope } from "./emptyState";
import type { QueueIndex } from "./queueIndex";
import type { QueueDefaults } from "./viewState";

/** What the view needs from the plugin. */
export interface QueueViewHost {
	index: QueueIndex;
	scope(): QueueScope;
	defaults(): QueueDefaults & { openInNewTab: boolean };
	savedFilters(): SavedFilter[];
	saveFilter(saved: SavedFilter): Promise<void>;
	open(path: string, newTab: boolean): void;
	setStatus(path: string, status: ReadingStatus): Promise<boolean>;
	openOriginal(url: string | null): void;
	copyLink(path: string): Promise<void>;
	reveal(path: string): void;
	openSettings(): void;
	/** Asks for a name for a filter set; null when cancelled. */
	askName(): Promise<string | null>;
}
