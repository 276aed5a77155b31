// Two things a pane's buttons need from the keyboard: a menu opened with Enter or Space shows below
// its button (such a click is at 0,0, the window's corner), and a control redrawn under the
// reader's focus gives the focus back to the control that takes its place.

import type { Menu } from "obsidian";

/** Show `menu` where the click was, or below its button when the keyboard pressed it. */
export function showMenuFor(menu: Menu, event: MouseEvent): void {
	// (No `instanceof HTMLElement`: a pane in a popout window has that window's classes.)
	const button = event.currentTarget as HTMLElement | null;
	// A click made by a key has no pointer: its `detail` (the count of clicks) is 0.
	if (event.detail === 0 && button !== null) {
		const box = button.getBoundingClientRect();
		// In the button's window: a pane may be in a popout window.
		menu.showAtPosition({ x: box.left, y: box.bottom }, button.ownerDocument);
	} else menu.showAtMouseEvent(event);
}

/**
 * Redraw `el`'s controls with `render`; when one had the focus, focus the new control with the same
 * label, else the one at its place.
 */
export function keepingFocus(el: HTMLElement, render: () => void): void {
	const focused = el.ownerDocument.activeElement as HTMLElement | null;
	const controls = () => Array.from(el.querySelectorAll<HTMLElement>("button, input, [tabindex]"));
	if (focused === null || !el.contains(focused)) {
		render();
		return;
	}
	const label = focused.getAttribute("aria-label");
	const at = controls().indexOf(focused);
	render();
	const now = controls();
	(now.find((control) => label !== null && control.getAttribute("aria-label") === label) ?? now[Math.min(at, now.length - 1)])?.focus();
}
