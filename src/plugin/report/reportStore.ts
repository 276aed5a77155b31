// Keeps the problems of the last run and of automatic cleanup for the report command.

import type { NoteProblems, Problem } from "../../core";

export interface ReportSection {
	title: string;
	at: Date;
	notes: NoteProblems[];
}

export class ReportStore {
	private lastRun: ReportSection | null = null;
	private readonly automatic = new Map<string, Problem[]>();
	private automaticSince: Date | null = null;

	setLastRun(title: string, notes: NoteProblems[]): void {
		this.lastRun = { title, at: new Date(), notes };
	}

	addAutomatic(path: string, problems: Problem[]): void {
		this.automaticSince ??= new Date();
		if (problems.length > 0) this.automatic.set(path, problems);
		else this.automatic.delete(path);
	}

	/** A note moved or deleted: keep the report's links working. */
	rename(oldPath: string, newPath: string | null): void {
		const problems = this.automatic.get(oldPath);
		this.automatic.delete(oldPath);
		if (problems && newPath) this.automatic.set(newPath, problems);
		if (this.lastRun) {
			this.lastRun.notes = this.lastRun.notes.flatMap((note) =>
				note.path !== oldPath ? [note] : newPath ? [{ ...note, path: newPath }] : [],
			);
		}
	}

	sections(): ReportSection[] {
		const sections: ReportSection[] = [];
		if (this.lastRun) sections.push(this.lastRun);
		if (this.automaticSince) {
			const notes = [...this.automatic].map(([path, problems]) => ({ path, problems }));
			sections.push({ title: "Automatic cleanup", at: this.automaticSince, notes });
		}
		return sections;
	}
}
